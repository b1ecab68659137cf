import Logging
import ServiceLifecycle

/// The sequencer's block loop as a `Service`: seals a block every interval until
/// graceful shutdown, then seals what is still open, ends the block feed and closes
/// the chain's database.
public struct SequencerService: Service {
    public let producer: BlockProducer

    public init(producer: BlockProducer) {
        self.producer = producer
    }

    public func run() async throws {
        do {
            // Graceful shutdown cancels the loop; `run()` then seals the open block.
            try await cancelWhenGracefulShutdown { try await producer.run() }
        } catch {
            producer.broadcast.finish()
            await producer.chain.close()
            throw error
        }
        producer.broadcast.finish()
        await producer.chain.close()
        let head = await producer.chain.head.number
        producer.logger.info("sequencer stopped; database closed", metadata: ["head": "\(head)"])
    }
}
