import Foundation
import Logging

/// The sequencer's clock: seals the open block every block interval and publishes it.
public struct BlockProducer: Sendable {
    public let chain: Chain
    public let broadcast: BlockBroadcast
    public let interval: Duration
    let logger: Logger

    public init(chain: Chain, broadcast: BlockBroadcast, interval: Duration, logger: Logger) {
        self.chain = chain
        self.broadcast = broadcast
        self.interval = interval
        self.logger = logger
    }

    /// Wall-clock seconds since the Unix epoch: what a new block's timestamp is based on.
    public static func unixSeconds() -> UInt64 { UInt64(max(0, Date().timeIntervalSince1970)) }

    /// Seals blocks until the task is cancelled, then seals what is still open.
    /// Throws when a commit fails: the node must stop (it resumes from disk).
    public func run() async throws {
        let clock = ContinuousClock()
        var deadline = clock.now.advanced(by: interval)
        while !Task.isCancelled {
            try? await Task.sleep(until: deadline, clock: clock)
            deadline = deadline.advanced(by: interval)
            // After a long stall, don't fire a burst of catch-up ticks.
            if deadline < clock.now { deadline = clock.now.advanced(by: interval) }
            try await sealOnce()
        }
        try await sealOnce()
    }

    /// Seals and publishes the open block, if any.
    public func sealOnce() async throws {
        if let sealed = try await chain.seal(now: Self.unixSeconds()) {
            broadcast.publish(sealed)
            logger.debug("sealed block", metadata: [
                "number": "\(sealed.block.header.number)", "txs": "\(sealed.block.transactions.count)",
            ])
        }
    }
}
