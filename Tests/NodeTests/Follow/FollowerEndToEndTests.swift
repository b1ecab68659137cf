import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import Node

/// Issue 9 end to end, with real `equity-node` binaries on loopback ports: a `dev`
/// sequencer (signing its feed with the devnet sequencer key) and followers created
/// with `init` and started with `run --follow`.
@Suite("Followers: equity-node binaries end to end", .serialized)
struct FollowerEndToEndTests {
    typealias F = ChainFixture

    // MARK: Helpers

    /// A follower data directory on the devnet genesis, made by `equity-node init`.
    static func initDirectory(_ scratch: ScratchDirectory, _ name: String) throws -> String {
        let genesis = scratch.path("devnet.json")
        if !FileManager.default.fileExists(atPath: genesis) {
            try EmbeddedGenesis.devnetJSON.write(toFile: genesis, atomically: true, encoding: .utf8)
        }
        let directory = scratch.path(name)
        let process = Process()
        process.executableURL = try BuiltProduct.executable("equity-node")
        process.arguments = ["init", "--genesis", genesis, "--datadir", directory, "--allow-dev-keys", "--log-level", "error"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestNodeFailure("equity-node init exited with \(process.terminationStatus)") }
        return directory
    }

    static func startFollower(_ directory: String, sequencerPort: Int, in scratch: ScratchDirectory, _ extra: [String] = []) async throws -> NodeProcess {
        try await NodeProcess.start(["run", "--datadir", directory, "--allow-dev-keys", "--follow", "http://127.0.0.1:\(sequencerPort)"] + extra,
                                    in: scratch)
    }

    /// Sends `perSender` transfers from each of `senders` (dev accounts 0–4 hold AAPL and
    /// USD) in JSON-RPC batches of `batch`, then waits for every receipt. Returns the next nonces.
    @discardableResult
    static func load(_ node: NodeProcess, senders: Range<Int> = 0..<5, perSender: Int, batch: Int, from nonces: [UInt64] = [0, 0, 0, 0, 0],
                     pause: Duration = .zero) async throws -> [UInt64] {
        var next = nonces
        var hashes: [String] = []
        var sent = 0
        while sent < perSender {
            let count = min(batch, perSender - sent)
            for sender in senders {
                let txs = (0..<count).map { i in
                    CrashRecoveryTests.transfer(sender: sender, nonce: next[sender] + UInt64(i))
                }
                let answer = try await node.post(NodeBinaryBadInputTests.batch(txs.map(\.encoded)))
                for (i, tx) in txs.enumerated() {
                    guard answer.json[i]?["result"] == .hash(tx.hash) else {
                        throw TestNodeFailure("transfer refused: \(answer.json[i] ?? .null)")
                    }
                }
                next[sender] += UInt64(count)
                hashes += txs.map(\.hash.hex)
            }
            sent += count
            if pause > .zero { try await Task.sleep(for: pause) }
        }
        for hash in hashes { _ = try await node.receipt(hash) }
        return next
    }

    static func head(_ node: NodeProcess) async throws -> UInt64 {
        try RPCValue.uint64(try await node.result("eth_blockNumber"))
    }

    /// Waits (bounded, not timed) until `node`'s head is at least `number`.
    static func waitForHead(_ node: NodeProcess, _ number: UInt64) async throws {
        for _ in 0..<2_400 {
            if try await head(node) >= number { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw TestNodeFailure("node on port \(node.port) did not reach block \(number): \(node.errors.suffix(2_000))")
    }

    /// The raw body of a JSON-RPC call, byte for byte.
    static func raw(_ node: NodeProcess, _ method: String, _ params: [JSONValue]) async throws -> [UInt8] {
        var writer = JSONWriter()
        writer.write(.object(["jsonrpc": .string("2.0"), "id": .unsigned(7), "method": .string(method), "params": .array(params)]))
        var request = URLRequest(url: node.url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(writer.bytes)
        let (data, _) = try await URLSession.shared.data(for: request)
        return Array(data)
    }

    /// The reads every follower must answer exactly as the others: every block with its
    /// transactions, both tokens' balances of the ten dev accounts, and every log.
    static func reads(head: UInt64) -> [(String, [JSONValue])] {
        var reads: [(String, [JSONValue])] = (0...head).map { ("eth_getBlockByNumber", [.quantity($0), .bool(true)]) }
        for token in [F.aapl, F.usd] {
            for account in F.accounts {
                let data = try! ERC20.balanceOf.encodeCall([.address(account.address)])
                reads.append(("eth_call", [.object(["to": .address(token), "data": .data(data)]), .string("latest")]))
            }
        }
        reads.append(("eth_getLogs", [.object(["fromBlock": .quantity(0 as UInt64), "toBlock": .quantity(head)])]))
        reads.append(("eth_getLogs", [.object(["fromBlock": .quantity(0 as UInt64), "toBlock": .quantity(head), "address": .address(F.aapl)])]))
        return reads
    }

    static func health(_ node: NodeProcess) async throws -> (status: Int, json: JSONValue) {
        let (status, text) = try await node.get("/health")
        return (status, try JSONParser.parse(Array(text.utf8)))
    }

    /// Waits (bounded) until the follower's `/health` reports `state`.
    static func waitForState(_ node: NodeProcess, _ state: String) async throws {
        for _ in 0..<2_400 {
            if try await health(node).json["follower"]?["state"] == .string(state) { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw TestNodeFailure("the follower never reached state \(state): \(node.errors.suffix(2_000))")
    }

    /// Waits (bounded) until the follower's `/health` reports a halt.
    static func waitForHalt(_ node: NodeProcess) async throws -> JSONValue {
        for _ in 0..<2_400 {
            let (status, json) = try await health(node)
            if status == 503 { return json }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw TestNodeFailure("the follower never halted: \(node.errors.suffix(2_000))")
    }

    // MARK: Tests

    @Test func twoFollowersVerifyTheSequencerAndAnswerReadsIdentically() async throws {
        let scratch = try ScratchDirectory()
        let sequencer = try await NodeProcess.start(["dev", "--datadir", scratch.path("sequencer")], in: scratch)
        defer { Task { await sequencer.kill() } }
        // One follower follows the live feed from the start; the other starts after the
        // load and catches up over equity_getBlocksRange first.
        let live = try await Self.startFollower(try Self.initDirectory(scratch, "live"), sequencerPort: sequencer.port, in: scratch)
        defer { Task { await live.kill() } }
        let nonces = try await Self.load(sequencer, perSender: 60, batch: 20)
        let late = try await Self.startFollower(try Self.initDirectory(scratch, "late"), sequencerPort: sequencer.port, in: scratch,
                                                ["--follow-batch-size", "3"])
        defer { Task { await late.kill() } }

        // A transaction sent to a follower is forwarded to the sequencer and lands there.
        let forwarded = CrashRecoveryTests.transfer(sender: 0, nonce: nonces[0])
        #expect(try await live.send(forwarded) == forwarded.hash.hex)
        let receipt = try await sequencer.receipt(forwarded.hash.hex)
        #expect(receipt["status"] == .string("0x1"))
        // Its refusal comes back as the sequencer gives it (same code and message).
        let direct = try await sequencer.error("eth_sendRawTransaction", [.data(forwarded.encoded)])
        let relayed = try await late.error("eth_sendRawTransaction", [.data(forwarded.encoded)])
        #expect(relayed.code == direct.code && relayed.message == direct.message)
        #expect(direct.message.hasPrefix("nonce too low"))

        let head = try await Self.head(sequencer)
        #expect(head >= 2)
        try await Self.waitForHead(live, head)
        try await Self.waitForHead(late, head)
        #expect(try await live.receipt(forwarded.hash.hex) == receipt)

        for (method, params) in Self.reads(head: head) {
            let expected = try await Self.raw(sequencer, method, params)
            let a = try await Self.raw(live, method, params)
            let b = try await Self.raw(late, method, params)
            #expect(a == expected, "\(method) \(params) differs on the live follower")
            #expect(b == expected, "\(method) \(params) differs on the late follower")
        }
        for follower in [live, late] {
            try await Self.waitForState(follower, "following")
            let (status, json) = try await Self.health(follower)
            #expect(status == 200)
            #expect(json["status"] == .string("ok"))
            #expect(json["role"] == .string("follower"))
            #expect(json["head"] == .unsigned(head))
            #expect(json["follower"]?["halt"] == .null)
            #expect(json["follower"]?["lagBlocks"] == .unsigned(0))
            #expect(json["follower"]?["sequencerHead"] == .unsigned(head))
            #expect(!follower.errors.contains("retrying"), "\(follower.errors.suffix(2_000))")
            let metrics = try await follower.get("/metrics").text
            #expect(metrics.contains("equitychain_follower_halted 0"))
            #expect(metrics.contains("equitychain_head_block_number \(head)"))
        }
    }

    @Test func aFollowerKilledDuringSyncResumesAtItsCommittedHeadAndCatchesUp() async throws {
        let scratch = try ScratchDirectory()
        let sequencer = try await NodeProcess.start(["dev", "--datadir", scratch.path("sequencer"), "--block-time-ms", "20"], in: scratch)
        defer { Task { await sequencer.kill() } }
        try await Self.load(sequencer, perSender: 60, batch: 4, pause: .milliseconds(30))
        let head = try await Self.head(sequencer)
        #expect(head >= 10, "the load should make many small blocks")

        let directory = try Self.initDirectory(scratch, "follower")
        let first = try await Self.startFollower(directory, sequencerPort: sequencer.port, in: scratch, ["--follow-batch-size", "1"])
        try await Self.waitForHead(first, 2)
        await first.kill()  // SIGKILL, whatever it was doing

        let second = try await Self.startFollower(directory, sequencerPort: sequencer.port, in: scratch)
        defer { Task { await second.kill() } }
        // It resumed from its own committed blocks (at least the 2 seen), not from genesis.
        let resumed = try #require(second.errors.split(separator: "\n").first { $0.contains("resumed chain") })
        let resumedHead = try #require(resumed.split(separator: " ").first { $0.hasPrefix("head=") }.flatMap { UInt64($0.dropFirst(5)) })
        #expect(resumedHead >= 2, "\(resumed)")
        try await Self.waitForHead(second, head)
        for n in [1, head / 2, head] {
            let expected = try await Self.raw(sequencer, "eth_getBlockByNumber", [.quantity(n), .bool(false)])
            #expect(try await Self.raw(second, "eth_getBlockByNumber", [.quantity(n), .bool(false)]) == expected)
        }
    }

    @Test func runSignsTheFeedWithTheSequencerKeystoreAndRefusesAnotherKey() async throws {
        let scratch = try ScratchDirectory()
        let password = scratch.path("password")
        try "correct horse\nignored second line".write(toFile: password, atomically: true, encoding: .utf8)
        // Dev account 9 is the devnet's genesis sequencer; account 0 is not.
        let sequencerKey = scratch.path("sequencer.json"), otherKey = scratch.path("other.json")
        try KeystoreFile.encrypt(F.accounts[9].privateKey, password: "correct horse", cost: .light).write(toFile: sequencerKey)
        try KeystoreFile.encrypt(F.accounts[0].privateKey, password: "correct horse", cost: .light).write(toFile: otherKey)
        let directory = try Self.initDirectory(scratch, "sequencer")

        let refused = Process()
        refused.executableURL = try BuiltProduct.executable("equity-node")
        refused.arguments = ["run", "--datadir", directory, "--allow-dev-keys", "--rpc", "127.0.0.1:0",
                             "--sequencer-key", otherKey, "--sequencer-key-password-file", password]
        let errors = Pipe()
        refused.standardOutput = FileHandle.nullDevice
        refused.standardError = errors
        try refused.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        refused.waitUntilExit()
        #expect(refused.terminationStatus != 0)
        #expect(message.contains("the sequencer key is for \(F.accounts[0].address.checksummed)"), "\(message)")

        let sequencer = try await NodeProcess.start(["run", "--datadir", directory, "--allow-dev-keys",
                                                     "--sequencer-key", sequencerKey, "--sequencer-key-password-file", password], in: scratch)
        defer { Task { await sequencer.kill() } }
        let follower = try await Self.startFollower(try Self.initDirectory(scratch, "follower"), sequencerPort: sequencer.port, in: scratch)
        defer { Task { await follower.kill() } }
        try await Self.load(sequencer, perSender: 5, batch: 5)
        let head = try await Self.head(sequencer)
        try await Self.waitForHead(follower, head)
        let expected = try await Self.raw(sequencer, "eth_getBlockByNumber", [.quantity(head), .bool(true)])
        #expect(try await Self.raw(follower, "eth_getBlockByNumber", [.quantity(head), .bool(true)]) == expected)
    }

    @Test func blocksRangeIsBoundedAndOnlyTheSequencerPublishesTheFeed() async throws {
        let scratch = try ScratchDirectory()
        let sequencer = try await NodeProcess.start(["dev", "--datadir", scratch.path("sequencer")], in: scratch)
        defer { Task { await sequencer.kill() } }
        var nonces: [UInt64] = [0, 0, 0, 0, 0]
        for _ in 0..<3 { nonces = try await Self.load(sequencer, perSender: 2, batch: 2, from: nonces) }
        let head = try await Self.head(sequencer)

        let range = try await sequencer.result("equity_getBlocksRange", [.quantity(1 as UInt64), .quantity(1_000 as UInt64)])
        #expect(range["head"] == .quantity(head))
        guard case .array(let blocks)? = range["blocks"] else { throw TestNodeFailure("no blocks in \(range)") }
        #expect(UInt64(blocks.count) == head)
        for (i, hex) in blocks.enumerated() {
            let message = try BlockFeedMessage(encoded: try RPCValue.data(hex))
            try message.verify(chainId: F.genesis.chainId, sequencer: F.genesis.sequencer)
            #expect(message.number == UInt64(i) + 1)
        }
        let two = try await sequencer.result("equity_getBlocksRange", [.quantity(2 as UInt64), .quantity(2 as UInt64)])
        guard case .array(let pair)? = two["blocks"] else { throw TestNodeFailure("no blocks in \(two)") }
        #expect(pair == Array(blocks[1...2]))
        let beyond = try await sequencer.result("equity_getBlocksRange", [.quantity(head + 1), .quantity(5 as UInt64)])
        #expect(beyond["blocks"] == .array([]))
        let zero = try await sequencer.error("equity_getBlocksRange", [.quantity(1 as UInt64), .quantity(0 as UInt64)])
        #expect(zero.code == -32602 && zero.message == "invalid argument 1: count must be at least 1")
        let missing = try await sequencer.error("equity_getBlocksRange", [.quantity(1 as UInt64)])
        #expect(missing.code == -32602)
        #expect(try await sequencer.get("/feed").status == 400)
        let badFrom = try await sequencer.get("/feed?from=x")
        #expect(badFrom.status == 400 && badFrom.text.contains("from must be a block number"))

        let follower = try await Self.startFollower(try Self.initDirectory(scratch, "follower"), sequencerPort: sequencer.port, in: scratch)
        defer { Task { await follower.kill() } }
        try await Self.waitForHead(follower, head)
        let refused = try await follower.error("equity_getBlocksRange", [.quantity(1 as UInt64), .quantity(1 as UInt64)])
        #expect(refused.code == -32000 && refused.message.contains("does not publish the block feed"))
        #expect(try await follower.get("/feed").status == 404)
    }

    /// A loopback port that was free a moment ago (for a node that must come back on the same port).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p in
                bind(fd, p, length) == 0 && getsockname(fd, p, &length) == 0
            }
        }
        guard bound else { throw TestNodeFailure("no free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func aFollowerRetriesUntilTheSequencerIsBackAndContinues() async throws {
        let scratch = try ScratchDirectory()
        let port = try Self.freePort()
        // The follower starts first: nothing listens yet, so it keeps retrying.
        let follower = try await Self.startFollower(try Self.initDirectory(scratch, "follower"), sequencerPort: port, in: scratch)
        defer { Task { await follower.kill() } }
        try await Self.waitForState(follower, "reconnecting")
        #expect(try await Self.health(follower).json["follower"]?["lastError"] != .null)

        let first = try await NodeProcess.start(["dev", "--datadir", scratch.path("sequencer")], in: scratch, port: port)
        let nonces = try await Self.load(first, perSender: 10, batch: 5)
        try await Self.waitForHead(follower, try await Self.head(first))
        try await Self.waitForState(follower, "following")

        // The sequencer dies and comes back on the same port; the follower reconnects and goes on.
        await first.kill()
        try await Self.waitForState(follower, "reconnecting")
        let sequencer = try await NodeProcess.start(["dev", "--datadir", scratch.path("sequencer")], in: scratch, port: port)
        defer { Task { await sequencer.kill() } }
        try await Self.load(sequencer, perSender: 10, batch: 5, from: nonces)
        let head = try await Self.head(sequencer)
        try await Self.waitForHead(follower, head)
        let expected = try await Self.raw(sequencer, "eth_getBlockByNumber", [.quantity(head), .bool(true)])
        #expect(try await Self.raw(follower, "eth_getBlockByNumber", [.quantity(head), .bool(true)]) == expected)
        #expect(try await follower.get("/metrics").text.contains("equitychain_follower_reconnects_total"))
    }

    /// Starts a follower behind a relay that alters block 2's message, and checks the halt.
    static func expectHaltBehindRelay(alter: @escaping @Sendable ([UInt8]) throws -> [UInt8], reason: String) async throws {
        let scratch = try ScratchDirectory()
        let sequencer = try await NodeProcess.start(["dev", "--datadir", scratch.path("sequencer")], in: scratch)
        defer { Task { await sequencer.kill() } }
        // Three rounds, each waited for: at least three blocks of transfers.
        var nonces: [UInt64] = [0, 0, 0, 0, 0]
        for _ in 0..<3 { nonces = try await Self.load(sequencer, perSender: 4, batch: 4, from: nonces) }
        let head = try await Self.head(sequencer)
        #expect(head >= 3)
        let relay = try await TamperingRelay.start(sequencerPort: sequencer.port, target: 2, alter: alter)
        let follower = try await Self.startFollower(try Self.initDirectory(scratch, "follower"), sequencerPort: relay.port, in: scratch)
        defer { Task { await follower.kill(); await relay.stop() } }

        let health = try await Self.waitForHalt(follower)
        #expect(health["status"] == .string("halted"))
        #expect(health["follower"]?["state"] == .string("halted"))
        #expect(health["follower"]?["halt"]?["block"] == .unsigned(2))
        guard case .string(let why)? = health["follower"]?["halt"]?["reason"] else {
            Issue.record("no halt reason in \(health)")
            return
        }
        #expect(why.contains(reason), "\(why)")
        #expect(follower.errors.contains("FOLLOWER HALTED"))
        // It keeps serving what it verified: block 1, identical to the sequencer's.
        #expect(health["head"] == .unsigned(1))
        #expect(try await Self.head(follower) == 1)
        for n: UInt64 in [0, 1] {
            let expected = try await Self.raw(sequencer, "eth_getBlockByNumber", [.quantity(n), .bool(true)])
            #expect(try await Self.raw(follower, "eth_getBlockByNumber", [.quantity(n), .bool(true)]) == expected)
        }
        #expect(try await follower.result("eth_getBlockByNumber", [.quantity(2 as UInt64), .bool(false)]) == .null)
        let metrics = try await follower.get("/metrics").text
        #expect(metrics.contains("equitychain_follower_halted 1"))
        #expect(follower.isRunning)
    }

    @Test func aTransferAlteredByARelayHaltsTheFollowerAtThatBlock() async throws {
        try await Self.expectHaltBehindRelay(alter: FeedTampering.alterFirstTransferAmount, reason: "transactionsRoot mismatch")
    }

    @Test func aFeedSignedByAnotherKeyIsRefused() async throws {
        try await Self.expectHaltBehindRelay(alter: { try FeedTampering.resign($0, with: F.accounts[0].privateKey) },
                                             reason: "not by the genesis sequencer")
    }
}
