import Foundation
import Testing

@testable import Matching

/// End-to-end proof: gen.py flows replayed through the book give exactly the trade and
/// book digests gen.py's reference book expects.
@Suite struct FlowReplayTests {
    /// FIPS 180-4 / NIST example vectors for the test-side SHA-256.
    @Test func sha256MatchesPublishedVectors() {
        var empty = SHA256()
        #expect(empty.finalize() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var abc = SHA256()
        abc.update("abc".utf8)
        #expect(abc.finalize() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var twoBlocks = SHA256()
        twoBlocks.update("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(twoBlocks.finalize() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test(arguments: ["flow-1-symbol", "flow-5-symbols"])
    func committedFlowReproducesExpectedDigests(name: String) throws {
        let directory = try #require(Bundle.module.url(forResource: "Flows", withExtension: nil))
        let text = try String(contentsOf: directory.appendingPathComponent("\(name).csv"), encoding: .utf8)
        let expected = try JSONDecoder().decode(
            FlowExpectation.self, from: Data(contentsOf: directory.appendingPathComponent("\(name).json")))
        let replay = try FlowReplay(text: text)
        #expect(replay.commands == expected.commands)
        #expect(replay.trades.count == expected.trades)
        #expect(replay.restingOrders == expected.resting_orders)
        #expect(replay.tradesDigest == expected.trades_sha256)
        #expect(replay.booksDigest == expected.books_sha256)
    }

    /// ../shared/orderflow/gen.py relative to the repository root, if present.
    static let generator: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let script = root.deletingLastPathComponent().appendingPathComponent("shared/orderflow/gen.py")
        return FileManager.default.fileExists(atPath: script.path) ? script : nil
    }()

    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(
        .enabled(
            if: generator != nil && python != nil,
            "SKIPPED: needs python3 and ../shared/orderflow/gen.py next to the repository to generate a fresh flow"))
    func freshlyGeneratedFlowReproducesExpectedDigests() throws {
        let generator = try #require(Self.generator)
        let python = try #require(Self.python)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "matching-flow-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let flow = directory.appendingPathComponent("flow.csv")
        let expect = directory.appendingPathComponent("flow.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            generator.path, "--seed", "20260", "--commands", "15000", "--symbols", "3", "--out", flow.path,
            "--expect", expect.path,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let expected = try JSONDecoder().decode(FlowExpectation.self, from: Data(contentsOf: expect))
        let replay = try FlowReplay(text: String(contentsOf: flow, encoding: .utf8))
        #expect(replay.trades.count == expected.trades)
        #expect(replay.restingOrders == expected.resting_orders)
        #expect(replay.tradesDigest == expected.trades_sha256)
        #expect(replay.booksDigest == expected.books_sha256)
    }
}
