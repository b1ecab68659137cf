import CoreMetrics
import Metrics
import Prometheus

/// The node's Prometheus metrics (served at `/metrics`), recorded through
/// swift-metrics into a registry of the server's own, so that several nodes in one
/// process (tests) keep separate figures.
public final class RPCMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let headNumber: CoreMetrics.Meter
    private let transactions: CoreMetrics.Counter
    private let blocks: CoreMetrics.Counter
    private let mempoolOpen: CoreMetrics.Meter
    private let mempoolQueued: CoreMetrics.Meter
    /// One latency histogram per method; methods the node does not have share `unknown`,
    /// so that no caller can grow the label set.
    private let timers: [String: CoreMetrics.Timer]
    private let unknownMethod: CoreMetrics.Timer

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
            .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        headNumber = CoreMetrics.Meter(label: "equitychain_head_block_number", factory: factory)
        transactions = CoreMetrics.Counter(label: "equitychain_transactions_committed_total", factory: factory)
        blocks = CoreMetrics.Counter(label: "equitychain_blocks_committed_total", factory: factory)
        mempoolOpen = CoreMetrics.Meter(label: "equitychain_mempool_transactions", dimensions: [("state", "open_block")], factory: factory)
        mempoolQueued = CoreMetrics.Meter(label: "equitychain_mempool_transactions", dimensions: [("state", "queued")], factory: factory)
        var timers: [String: CoreMetrics.Timer] = [:]
        for method in NodeAPI.methods.union(["eth_subscribe", "eth_unsubscribe"]) {
            timers[method] = CoreMetrics.Timer(label: "equitychain_rpc_request_duration_seconds", dimensions: [("method", method)], factory: factory)
        }
        self.timers = timers
        unknownMethod = CoreMetrics.Timer(label: "equitychain_rpc_request_duration_seconds", dimensions: [("method", "unknown")], factory: factory)
    }

    /// Records how long one request took.
    public func record(method: String, duration: Duration) {
        (timers[method] ?? unknownMethod).record(duration: duration)
    }

    /// Counts a committed block.
    public func committed(_ block: SealedBlock) {
        headNumber.set(Int64(clamping: block.block.header.number))
        transactions.increment(by: block.block.transactions.count)
        blocks.increment()
    }

    /// The Prometheus text exposition, with the head and the mempool read now.
    public func exposition(chain: Chain) async -> [UInt8] {
        headNumber.set(Int64(clamping: await chain.head.number))
        let pending = await chain.pendingCount
        mempoolOpen.set(pending.open)
        mempoolQueued.set(pending.queued)
        var out: [UInt8] = []
        registry.emit(into: &out)
        return out
    }
}
