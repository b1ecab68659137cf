import Testing
@testable import Node

/// `seal` hands a block's write to the `BlockCommitter` and admits transactions into the
/// next block meanwhile. Whatever the interleaving, every transaction lands in exactly
/// one block, blocks chain, the committed head and the `latest` nonce count only what
/// is on disk, and a replaying node rebuilds the same headers.
@Suite("Chain: sealing while admitting")
struct ChainPipelinedSealTests {
    typealias F = ChainFixture

    @Test func admissionDuringSealsLosesAndDuplicatesNothing() async throws {
        let path = ChainTests.temporaryDirectory()
        let chain = try ChainTests.open(path)
        let senders = 8, perSender = 25
        let sealer = Task {
            var blocks: [SealedBlock] = []
            while !Task.isCancelled {
                if let sealed = try await chain.seal(now: ChainTests.now) { blocks.append(sealed) }
                await Task.yield()
            }
            return blocks
        }
        var submitted: [Bytes32] = []
        var sender: [Bytes32: Int] = [:]
        for nonce in 0..<perSender {
            for from in 0..<senders {
                let tx = F.transfer(from: from, nonce: UInt64(nonce), to: F.accounts[(from + 1) % senders].address, amount: 1)
                submitted.append(try await chain.submit(tx, now: ChainTests.now))
                sender[tx.hash] = from
                // `latest` never runs ahead of what the store holds (read first, then the disk).
                let nonces = await chain.nonces(of: F.accounts[from].address)
                let head = await chain.head.number
                var onDisk: UInt64 = 0
                for n in stride(from: head, to: 0, by: -1) {
                    onDisk += UInt64(try #require(try await chain.block(number: n)).transactions.count { sender[$0.hash] == from })
                }
                #expect(nonces.latest <= onDisk && nonces.pending == UInt64(nonce + 1))
            }
        }
        sealer.cancel()
        var blocks = try await sealer.value
        if let last = try await chain.seal(now: ChainTests.now) { blocks.append(last) }

        let included = blocks.flatMap { $0.block.transactions.map(\.hash) }
        #expect(included.count == submitted.count && Set(included) == Set(submitted), "each transaction in exactly one block")
        for (parent, child) in zip(blocks, blocks.dropFirst()) {
            #expect(child.block.header.parentHash == parent.block.header.hash)
            #expect(child.block.header.number == parent.block.header.number + 1)
        }
        #expect(await chain.head == blocks.last?.block.header)
        for (from, account) in F.accounts.prefix(senders).enumerated() {
            #expect(await chain.nonces(of: account.address) == (UInt64(perSender), UInt64(perSender)), "sender \(from)")
        }

        let replica = try ChainTests.open(ChainTests.temporaryDirectory())
        for sealed in blocks { #expect(try await replica.importBlock(sealed.block).block.header == sealed.block.header) }
        await replica.close()
        await chain.close()
        let reopened = try ChainTests.open(path)
        #expect(await reopened.head == blocks.last?.block.header)
        for hash in submitted { #expect(try await reopened.receipt(transaction: hash)?.succeeded == true) }
        await reopened.close()
    }

    @Test func concurrentSealsCommitOneAfterTheOther() async throws {
        var configuration = ChainConfiguration()
        configuration.sealsEmptyBlocks = true
        let chain = try Chain(genesis: F.genesis, path: ChainTests.temporaryDirectory(), configuration: configuration, logger: ChainTests.logger)
        try await chain.submit(F.transfer(from: 0, nonce: 0, to: F.accounts[1].address, amount: 1), now: ChainTests.now)
        async let first = chain.seal(now: ChainTests.now)
        async let second = chain.seal(now: ChainTests.now)
        async let third = chain.seal(now: ChainTests.now)
        let sealed = try await [first, second, third].compactMap { $0 }.sorted { $0.block.header.number < $1.block.header.number }
        #expect(sealed.map(\.block.header.number) == [1, 2, 3])
        #expect(sealed.map { $0.block.transactions.count }.reduce(0, +) == 1)
        for (parent, child) in zip(sealed, sealed.dropFirst()) { #expect(child.block.header.parentHash == parent.block.header.hash) }
        #expect(await chain.head.number == 3)
        await chain.close()
    }
}
