import Testing
@testable import Node

/// `submitAll` is `submit` for each transaction in order, in one actor call;
/// a block of many transactions finds each one's receipt by hash after it is committed
/// (the lookups are written in hash order).
@Suite("Chain: batch admission and transaction lookups")
struct ChainBatchSubmitTests {
    typealias F = ChainFixture

    @Test func batchGivesWhatOneByOneGives() async throws {
        let to = F.accounts[9].address
        let batch = [
            F.transfer(from: 0, nonce: 0, to: to, amount: 1),
            F.transfer(from: 0, nonce: 0, to: to, amount: 2),  // same nonce again
            F.transfer(from: 1, nonce: 1, to: to, amount: 3),  // a gap: waits in the pool
            F.transfer(from: 1, nonce: 0, to: to, amount: 4),  // closes it: both run
            F.transfer(from: 2, nonce: 0, to: to, amount: .max),  // reverts: refused
            F.transfer(from: 0, nonce: 0, to: to, amount: 1),  // already known
        ]
        let batched = try ChainTests.open(ChainTests.temporaryDirectory())
        let results = await batched.submitAll(batch, now: ChainTests.now)
        let single = try ChainTests.open(ChainTests.temporaryDirectory())
        var expected: [Result<Bytes32, TransactionRejection>] = []
        for tx in batch {
            do { expected.append(.success(try await single.submit(tx, now: ChainTests.now))) } catch { expected.append(.failure(error)) }
        }
        #expect(results.count == batch.count)
        for (got, want) in zip(results, expected) {
            switch (got, want) {
            case (.success(let a), .success(let b)): #expect(a == b)
            case (.failure(let a), .failure(let b)): #expect(a == b)
            default: Issue.record("batch \(got) but one by one \(want)")
            }
        }
        #expect(try results[0].get() == batch[0].hash)
        #expect(throws: TransactionRejection.alreadyKnown) { try results[5].get() }
        #expect(await batched.pendingCount == (open: 3, queued: 0))
        let a = try #require(try await batched.seal(now: ChainTests.now)), b = try #require(try await single.seal(now: ChainTests.now))
        #expect(a.block.header == b.block.header)
        await batched.close()
        await single.close()
    }

    @Test func everyTransactionOfABlockIsFoundByHash() async throws {
        let path = ChainTests.temporaryDirectory()
        let chain = try ChainTests.open(path)
        var batch: [VerifiedTransaction] = []
        for nonce in 0..<8 {
            for from in 0..<8 { batch.append(F.transfer(from: from, nonce: UInt64(nonce), to: F.accounts[(from + 1) % 8].address, amount: 1)) }
        }
        for result in await chain.submitAll(batch, now: ChainTests.now) { _ = try result.get() }
        _ = try #require(try await chain.seal(now: ChainTests.now))
        await chain.close()
        let reopened = try ChainTests.open(path)
        for (index, tx) in batch.enumerated() {
            let receipt = try #require(try await reopened.receipt(transaction: tx.hash))
            #expect(receipt.transactionIndex == UInt32(index) && receipt.transactionHash == tx.hash && receipt.succeeded)
        }
        await reopened.close()
    }

    /// A transaction's or a receipt's read skips the block's other items without decoding
    /// them, and gives what decoding the whole block gives, with the log index of its
    /// first log; past the end of the block, or of the chain, there is nothing.
    @Test func oneItemReadsAgreeWithWholeBlockReads() async throws {
        let path = ChainTests.temporaryDirectory()
        let chain = try ChainTests.open(path)
        for from in 0..<6 {
            _ = try await chain.submit(F.transfer(from: from, nonce: 0, to: F.accounts[(from + 1) % 6].address, amount: 1), now: ChainTests.now)
        }
        let sealed = try #require(try await chain.seal(now: ChainTests.now))
        await chain.close()
        let store = try ChainStore(path: path)
        let receipts = try store.receipts(number: 1)
        var logsBefore: UInt64 = 0
        for (i, tx) in sealed.block.transactions.enumerated() {
            let (header, read) = try #require(try store.transaction(number: 1, index: UInt32(i)))
            #expect(header == sealed.block.header && read == tx)
            let (receipt, firstLogIndex) = try #require(try store.receipt(number: 1, index: UInt32(i)))
            #expect(receipt == receipts[i] && firstLogIndex == logsBefore)
            logsBefore += UInt64(receipts[i].logs.count)
        }
        #expect(logsBefore == 6, "one Transfer log each")
        let count = UInt32(sealed.block.transactions.count)
        #expect(try store.transaction(number: 1, index: count) == nil && store.receipt(number: 1, index: count) == nil)
        #expect(try store.transaction(number: 2, index: 0) == nil && store.receipt(number: 2, index: 0) == nil)
        store.close()
    }
}
