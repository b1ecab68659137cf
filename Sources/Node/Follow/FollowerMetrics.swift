import CoreMetrics
import Prometheus

/// A follower's Prometheus gauges, in the RPC server's registry (so `/metrics` shows
/// them next to `equitychain_head_block_number`).
public final class FollowerMetrics: Sendable {
    private let halted: CoreMetrics.Meter
    private let lag: CoreMetrics.Meter
    private let sequencerHead: CoreMetrics.Meter
    private let reconnects: CoreMetrics.Counter

    public init(registry: PrometheusCollectorRegistry) {
        let factory = PrometheusMetricsFactory(registry: registry)
        halted = CoreMetrics.Meter(label: "equitychain_follower_halted", factory: factory)
        lag = CoreMetrics.Meter(label: "equitychain_follower_lag_blocks", factory: factory)
        sequencerHead = CoreMetrics.Meter(label: "equitychain_follower_sequencer_head_block_number", factory: factory)
        reconnects = CoreMetrics.Counter(label: "equitychain_follower_reconnects_total", factory: factory)
        halted.set(0)
        lag.set(0)
    }

    func record(_ snapshot: FollowerStatus.Snapshot) {
        halted.set(snapshot.halt == nil ? 0 : 1)
        lag.set(Int64(clamping: snapshot.lagBlocks))
        if let head = snapshot.sequencerHead { sequencerHead.set(Int64(clamping: head)) }
    }

    func reconnected() { reconnects.increment() }
}
