import Logging
import Testing
@testable import Node

@Suite("Block producer and broadcast")
struct BlockProducerTests {
    typealias F = ChainFixture

    @Test func sealsOnTheIntervalAndPublishesToEverySubscriber() async throws {
        let chain = try Chain(genesis: F.genesis, path: ChainTests.temporaryDirectory(), logger: ChainTests.logger)
        let broadcast = BlockBroadcast()
        let first = broadcast.subscribe(), second = broadcast.subscribe()
        #expect(broadcast.subscriberCount == 2)
        let producer = BlockProducer(chain: chain, broadcast: broadcast, interval: .milliseconds(20), logger: ChainTests.logger)
        let running = Task { try await producer.run() }
        let hash = try await chain.submit(F.transfer(from: 0, nonce: 0, to: F.accounts[1].address, amount: 1), now: BlockProducer.unixSeconds())
        var a = first.makeAsyncIterator(), b = second.makeAsyncIterator()
        let seenA = try #require(await a.next()), seenB = try #require(await b.next())
        #expect(seenA.block.transactions.map(\.hash) == [hash])
        #expect(seenB.block.header == seenA.block.header)
        #expect(try await chain.receipt(transaction: hash) != nil, "published only after the commit")
        running.cancel()
        try await running.value
        broadcast.finish()
        #expect(await a.next() == nil)
        await chain.close()
    }

    @Test func aSubscriberThatStopsIsForgotten() async {
        let broadcast = BlockBroadcast()
        do {
            let stream = broadcast.subscribe()
            let task = Task { for await _ in stream {} }
            task.cancel()
            await task.value
        }
        for _ in 0..<100 where broadcast.subscriberCount > 0 { await Task.yield() }
        #expect(broadcast.subscriberCount == 0)
    }
}
