import Testing
@testable import Node

/// Receipts, logs, blooms and blocks are written straight into byte buffers; these
/// tests hold them to the `RLPItem` trees they were built from before (the stored and
/// consensus forms must not change by a byte) and to geth's published bloom vector.
@Suite("Receipt, bloom and block encodings")
struct ReceiptEncodingTests {
    static func logItem(_ log: Log) -> RLPItem {
        .list([.bytes(log.address.bytes), .list(log.topics.map { .bytes($0.bytes) }), .bytes(log.data)])
    }

    /// The consensus form as an `RLPItem` tree: `type ‖ rlp([status, cumulativeGasUsed, bloom, logs])`.
    static func consensusReference(_ r: Receipt) -> [UInt8] {
        let body = RLPItem.list([.uint(r.succeeded ? 1 : 0), .uint(r.cumulativeGasUsed), .bytes(r.bloom.bytes), .list(r.logs.map(logItem))]).encoded
        return r.type == .legacy ? body : [r.type.rawValue] + body
    }

    /// The stored form as an `RLPItem` tree (docs/storage.md).
    static func storedReference(_ r: Receipt) -> RLPItem {
        .list([
            .bytes(r.transactionHash.bytes), .uint(UInt64(r.transactionIndex)), .uint(UInt64(r.type.rawValue)),
            .bytes(r.from.bytes), .bytes(r.to?.bytes ?? []), .uint(r.succeeded ? 1 : 0), .uint(r.gasUsed), .uint(r.cumulativeGasUsed),
            .list(r.logs.map(logItem)), .bytes(Array(r.revertReason.utf8)),
        ])
    }

    /// Receipts of every shape: each transaction type, with and without `to`, zero to
    /// four logs of zero to four topics, data and reasons across RLP's length boundaries
    /// (0, 1 byte below and above 0x80, 55, 56, long), extreme gas and index values.
    static func receipts() -> [Receipt] {
        var rng = SplitMix64(seed: 7)
        let dataLengths = [0, 1, 1, 55, 56, 300, 32]
        let reasons = ["", "x", String(repeating: "insufficient balance ", count: 3), "é", String(repeating: "r", count: 55)]
        return (0..<200).map { i in
            let logs = (0..<(i % 5)).map { j -> Log in
                var data = rng.bytes(dataLengths[(i + j) % dataLengths.count])
                if data.count == 1 { data[0] = (i + j) % 2 == 0 ? 0x05 : 0x85 }
                return Log(address: Address(bytes: rng.bytes(20))!,
                           topics: (0..<((i + j) % 5)).map { _ in Bytes32(bytes: rng.bytes(32))! }, data: data)
            }
            let types: [TransactionType] = [.legacy, .accessList, .dynamicFee]
            let gas: [UInt64] = [0, 1, 0x7f, 0x80, 21_000, UInt64.max]
            return Receipt(
                transactionHash: Bytes32(bytes: rng.bytes(32))!, transactionIndex: [0, 1, 200, UInt32.max][i % 4], type: types[i % 3],
                from: Address(bytes: rng.bytes(20))!, to: i % 7 == 0 ? nil : Address(bytes: rng.bytes(20))!,
                succeeded: i % 3 != 1, gasUsed: gas[i % gas.count], cumulativeGasUsed: gas[(i + 1) % gas.count],
                logs: logs, revertReason: reasons[i % reasons.count])
        }
    }

    @Test func consensusEncodingIsUnchanged() {
        for receipt in Self.receipts() { #expect(receipt.consensusEncoding == Self.consensusReference(receipt)) }
    }

    @Test func receiptsRootHashesEachConsensusEncoding() {
        let receipts = Self.receipts()
        #expect(Receipt.root(receipts) == OrderedMerkleRoot.root(leaves: receipts.map { Keccak256.hash(Self.consensusReference($0)) }))
        #expect(Receipt.root([]) == OrderedMerkleRoot.empty)
    }

    @Test func storedFormIsUnchangedAndReadsBack() throws {
        let receipts = Self.receipts()
        let stored = Receipt.encodeStored(receipts)
        #expect(stored == RLPItem.list(receipts.map(Self.storedReference)).encoded)
        var reader = RLPReader(stored)
        var list = try reader.readList()
        var decoded: [Receipt] = []
        while !list.isAtEnd { decoded.append(try Receipt(stored: &list)) }
        #expect(decoded == receipts)
        #expect(Receipt.encodeStored([]) == [0xc0])
    }

    @Test func blockEncodingIsUnchangedAndReadsBack() throws {
        let raws = [ChainFixture.transfer(from: 0, nonce: 0, to: ChainFixture.accounts[1].address, amount: 5),
                    ChainFixture.transfer(from: 1, nonce: 0, to: ChainFixture.accounts[2].address, amount: 7)].map(\.transaction)
        let header = BlockHeader(
            parentHash: Keccak256.hash([1]), coinbase: ChainFixture.accounts[0].address,
            stateRoot: Keccak256.hash([2]), transactionsRoot: Block.transactionsRoot(raws),
            receiptsRoot: OrderedMerkleRoot.empty, logsBloom: LogsBloom(), number: 9, gasLimit: 30_000_000, gasUsed: 66_000,
            timestamp: 1_767_225_601)
        for transactions in [[], raws] {
            let encoded = Block.encode(header: header, rawTransactions: transactions.map(\.encoded))
            #expect(encoded == RLPItem.list([header.rlp, .list(transactions.map { .bytes($0.encoded) })]).encoded)
            #expect(try Block(encoded: encoded) == Block(header: header, transactions: transactions))
        }
    }

    // MARK: Bloom

    /// go-ethereum's TestBloomExtensively (core/types/bloom9_test.go): 100 values added,
    /// then keccak256 of the 256 bloom bytes.
    @Test func gethBloomVector() {
        var bloom = LogsBloom()
        for i in 0..<100 { bloom.add(Array("xxxxxxxxxx data \(i) yyyyyyyyyyyyyy".utf8)) }
        #expect(Keccak256.hash(bloom.bytes).hex == "0xc8d3ca65cdb4874300a9e39475508f23ed6da09fdbc487f89a2dcf50b09eb263")
        #expect(LogsBloom(bytes: bloom.bytes) == bloom)
        #expect(bloom.mayContain(Array("xxxxxxxxxx data 7 yyyyyyyyyyyyyy".utf8)))
    }

    @Test func bloomBytesRoundTripAndRefuseWrongLengths() {
        var rng = SplitMix64(seed: 256)
        let raw = rng.bytes(256)
        #expect(LogsBloom(bytes: raw)?.bytes == raw)
        #expect(LogsBloom(bytes: Array(raw.prefix(255))) == nil)
        #expect(LogsBloom(bytes: raw + [0]) == nil)
        #expect(LogsBloom().bytes == [UInt8](repeating: 0, count: 256))
    }

    /// A log's bloom is its address's and each topic's, whether the hash is computed or
    /// comes from a table (event signatures of ERC-20 and the exchange, small integer
    /// words, the system contracts' addresses).
    @Test func logBloomAddsTheAddressAndEveryTopic() {
        let words = [0, 1, 2, 255, 256, 1 << 40].map { Bytes32(w0: 0, w1: 0, w2: 0, w3: UInt64($0)) } + [Bytes32(w0: 1, w1: 0, w2: 0, w3: 1)]
        let emitters = [ChainFixture.aapl, SystemAddress.exchange, SystemAddress.dividends, SystemAddress.reserves,
                        SystemAddress.compliance, SystemAddress.withholding, Address(w0: 1, w1: 0, w2: 0x1002)]
        for (i, event) in (ERC20.events + ExchangeInterface.events).enumerated() {
            let topics = [event.topic, words[i % words.count], words[(i + 3) % words.count], ChainFixture.accounts[0].address.word]
            let log = Log(address: emitters[i % emitters.count], topics: topics, data: [1])
            var expected = LogsBloom()
            expected.add(log.address.bytes)
            for topic in log.topics { expected.add(topic.bytes) }
            var bloom = LogsBloom()
            bloom.add(log)
            #expect(bloom == expected, "\(event.name)")
            var union = LogsBloom()
            union.formUnion(bloom)
            #expect(union == bloom && union.mayContain(event.topic.bytes))
        }
    }
}
