import Synchronization

/// Hands every committed block to whoever listens: RPC subscriptions (`newHeads`,
/// `logs`), the follower feed. Each subscriber has its own bounded buffer; one that
/// falls behind loses its oldest blocks rather than slowing the chain down.
public final class BlockBroadcast: Sendable {
    private struct Listeners: ~Copyable {
        var next = 0
        var continuations: [Int: AsyncStream<SealedBlock>.Continuation] = [:]
    }

    private let listeners = Mutex(Listeners())
    /// Blocks buffered per subscriber before the oldest are dropped.
    public let bufferSize: Int

    public init(bufferSize: Int = 1_024) {
        self.bufferSize = bufferSize
    }

    /// A stream of the blocks committed from now on; it ends when the subscriber stops
    /// iterating or the broadcast is finished.
    public func subscribe() -> AsyncStream<SealedBlock> { subscribe(bufferSize: bufferSize) }

    /// `subscribe()` with its own buffer size (the block feed keeps few: it reads the
    /// blocks a slow reader missed back from the store).
    public func subscribe(bufferSize: Int) -> AsyncStream<SealedBlock> {
        let (stream, continuation) = AsyncStream<SealedBlock>.makeStream(bufferingPolicy: .bufferingNewest(max(1, bufferSize)))
        let id = listeners.withLock { l in
            let id = l.next
            l.next += 1
            l.continuations[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLock { $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    /// How many subscribers listen.
    public var subscriberCount: Int { listeners.withLock { $0.continuations.count } }

    /// Sends a committed block to every subscriber.
    public func publish(_ block: SealedBlock) {
        let targets = listeners.withLock { Array($0.continuations.values) }
        for c in targets { c.yield(block) }
    }

    /// Ends every subscription (on shutdown).
    public func finish() {
        let targets = listeners.withLock { l in
            let all = Array(l.continuations.values)
            l.continuations.removeAll()
            return all
        }
        for c in targets { c.finish() }
    }
}
