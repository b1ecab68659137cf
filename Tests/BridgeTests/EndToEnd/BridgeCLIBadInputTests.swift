import Foundation
import Node
import Testing

/// The real `equity-bridge` given bad input: each a clear error, exit status 2, nothing changed.
@Suite("equity-bridge bad input")
struct BridgeCLIBadInputTests {
    /// Tests/CustodyTests/Samples, read through this file's path.
    static func sample(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("CustodyTests/Samples/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func initialised() async throws -> (TemporaryDirectory, BridgeCLI) {
        let scratch = try TemporaryDirectory()
        let cli = BridgeCLI(datadir: scratch.path("bridge"), scratch: scratch)
        // Port 9 (discard) on loopback: nothing answers there.
        let result = try await cli.run(["init", "--node", "http://127.0.0.1:9", "--reserve-account", "RSV-OMNIBUS-01"])
        #expect(result.status == 0, "\(result.stderr)")
        return (scratch, cli)
    }

    static func book(_ cli: BridgeCLI) async throws -> [String: JSONValue] {
        let shown = try await cli.run(["custody", "show", "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        guard case .object(let o) = try JSONParser.parse(Array(shown.stdout.utf8)) else { return [:] }
        return o
    }

    @Test func aDirectoryThatWasNeverInitialisedIsRefused() async throws {
        let scratch = try TemporaryDirectory()
        let cli = BridgeCLI(datadir: scratch.path("missing"), scratch: scratch)
        for command in [["custody", "show"], ["reconcile"], ["keys", "list"], ["redemptions"]] {
            let result = try await cli.run(command)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("is not an initialised bridge data directory; run `equity-bridge init"), "\(command): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("missing")))
    }

    @Test func aBadNodeURLIsRefusedAndNothingIsWritten() async throws {
        let scratch = try TemporaryDirectory()
        let cli = BridgeCLI(datadir: scratch.path("bridge"), scratch: scratch)
        for url in ["ftp://127.0.0.1:8545", "127.0.0.1:8545", "http://", "not a url"] {
            let result = try await cli.run(["init", "--node", url, "--reserve-account", "RSV-OMNIBUS-01"])
            #expect(result.status == 2, "\(url)")
            #expect(result.stderr.contains("is not a node URL"), "\(url): \(result.stderr)")
        }
        let badAccount = try await cli.run(["init", "--node", "http://127.0.0.1:8545", "--reserve-account", String(repeating: "A", count: 36)])
        #expect(badAccount.status == 2)
        #expect(badAccount.stderr.contains("is longer than 35 characters"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("bridge/config.json")))
    }

    @Test func anInitialisedDirectoryIsNotOverwrittenWithoutForce() async throws {
        let (scratch, cli) = try await Self.initialised()
        let before = try String(contentsOfFile: scratch.path("bridge/config.json"), encoding: .utf8)
        let again = try await cli.run(["init", "--node", "http://127.0.0.1:8546", "--reserve-account", "OTHER"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("is already initialised; pass --force"))
        #expect(try String(contentsOfFile: scratch.path("bridge/config.json"), encoding: .utf8) == before)
        let forced = try await cli.run(["init", "--node", "http://127.0.0.1:8546", "--reserve-account", "OTHER", "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: scratch.path("bridge/config.json"), encoding: .utf8).contains("8546"))
    }

    @Test func aMalformedStatementIsRefusedWithItsElementAndNothingIsImported() async throws {
        let (scratch, cli) = try await Self.initialised()
        let good = try scratch.write("good.csv", try Self.sample("statement.csv"))
        let bad = try scratch.write("bad.xml", try Self.sample("semt002-v11-single-page.xml").replacingOccurrences(of: "US0378331005", with: "US0378331006"))
        let result = try await cli.run(["custody", "import", good, bad])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.xml: semt.002.001.11 statement refused at /Document/SctiesBalCtdyRpt/BalForAcct[1]/FinInstrmId/ISIN (line"),
                "\(result.stderr)")
        #expect(result.stderr.contains("'US0378331006' is not a valid ISIN"))
        let mt535 = try scratch.write("bad.fin", try Self.sample("mt535-page1-of-2.fin").replacingOccurrences(of: "UNIT/100,", with: "UNIT/100"))
        let swift = try await cli.run(["custody", "import", mt535])
        #expect(swift.status == 2)
        #expect(swift.stderr.contains("MT535 statement refused at line"), "\(swift.stderr)")
        let book = try await Self.book(cli)
        #expect(book["movements"] == .array([]))
        #expect(book["heldStatements"] == .array([]))
        #expect(book["positions"] == .array([]))
    }

    @Test func aMultiPageStatementIsHeldUntilItsLastPage() async throws {
        let (scratch, cli) = try await Self.initialised()
        let page1 = try scratch.write("p1.xml", try Self.sample("semt002-v12-page1-of-2.xml"))
        let page2 = try scratch.write("p2.xml", try Self.sample("semt002-v12-page2-of-2.xml"))
        let first = try await cli.run(["custody", "import", page1])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("held, pages 1 of ?"))
        let held = try await Self.book(cli)
        #expect(held["movements"] == .array([]))
        guard case .array(let statements)? = held["heldStatements"] else { Issue.record("no heldStatements"); return }
        #expect(statements.count == 1)
        let second = try await cli.run(["custody", "import", page2])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("statement SBC-20261127-RSV01 of RSV-OMNIBUS-01 as of 2026-11-27 (COMP, 2 page(s)) applied"))
        let applied = try await Self.book(cli)
        #expect(applied["heldStatements"] == .array([]))
        #expect(applied["movements"] != .array([]))
    }

    @Test func aWrongPasswordIsRefusedAndChangesNothing() async throws {
        let (scratch, cli) = try await Self.initialised()
        let right = try scratch.write("right.txt", "right\n")
        let wrong = try scratch.write("wrong.txt", "wrong\n")
        let key = try scratch.write("k.txt", "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97")
        #expect(try await cli.run(["keys", "import", "--private-key-file", key, "--password-file", right]).status == 0)

        let mint = try await cli.run(["mint", "--password-file", wrong])
        #expect(mint.status == 2)
        #expect(mint.stderr.contains("wrong password (the keystore's MAC does not match)"), "\(mint.stderr)")
        #expect(try await Self.book(cli)["mints"] == .array([]))

        // Importing the stored keystore file again under a wrong password is refused too.
        let stored = scratch.path("bridge/keys/0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f.json")
        let other = BridgeCLI(datadir: scratch.path("other"), scratch: scratch)
        #expect(try await other.run(["init", "--node", "http://127.0.0.1:9", "--reserve-account", "R"]).status == 0)
        let copy = try await other.run(["keys", "import", "--keystore", stored, "--password-file", wrong])
        #expect(copy.status == 2)
        #expect(copy.stderr.contains("wrong password"))
        let listed = try await other.run(["keys", "list"])
        #expect(listed.status == 0)
        #expect(listed.stdout.isEmpty)

        let badKey = try scratch.write("bad.txt", "0x1234")
        let refused = try await cli.run(["keys", "import", "--private-key-file", badKey, "--password-file", right])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not a private key: expected 64 hexadecimal digits"))
    }

    @Test func anUnreachableNodeIsAnError() async throws {
        let (_, cli) = try await Self.initialised()
        let result = try await cli.run(["reconcile"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("the node at http://127.0.0.1:9 did not answer"), "\(result.stderr)")
    }
}
