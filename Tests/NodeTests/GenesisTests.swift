import Foundation
import Testing
@testable import Node

@Suite("Genesis")
struct GenesisTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let devnetURL = repoRoot.appendingPathComponent("genesis/devnet.json")

    /// The devnet file as a mutable JSON tree, changed by `edit`, then parsed.
    static func parseEdited(_ edit: (inout [String: Any]) -> Void) throws -> Genesis {
        var tree = try JSONSerialization.jsonObject(with: Data(contentsOf: devnetURL)) as! [String: Any]
        edit(&tree)
        return try Genesis.parse(JSONSerialization.data(withJSONObject: tree))
    }

    static func editAsset(_ index: Int, _ key: String, _ value: Any) -> (inout [String: Any]) -> Void {
        { tree in
            var assets = tree["assets"] as! [[String: Any]]
            assets[index][key] = value
            tree["assets"] = assets
        }
    }

    static func expectRefusal(_ path: String, containing words: String, _ edit: (inout [String: Any]) -> Void) {
        do {
            _ = try parseEdited(edit)
            Issue.record("genesis with a bad \(path) was accepted")
        } catch let GenesisError.field(p, problem) {
            #expect(p == path)
            #expect(problem.contains(words), "\(problem)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func devnetIsValidAndComplete() throws {
        let g = try Genesis.load(contentsOf: Self.devnetURL)
        #expect(g.chainId == 31337)
        #expect(g.cash.symbol == "USD" && g.cash.decimals == 6)
        #expect(Set(g.assets.map(\.symbol)).isSuperset(of: ["AAPL", "MSFT", "NVDA", "TSLA", "SPY"]))
        #expect(g.assets.allSatisfy { $0.decimals == 18 && $0.multiplier == 1_000_000_000_000_000_000 })
        #expect(g.identities.count == 10)
        let first = try Address(hex: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
        let aapl = g.assets.first { $0.symbol == "AAPL" }!
        #expect(g.allocations.contains { $0.holder == first && $0.token == aapl.address && $0.amount == 1000 * 1_000_000_000_000_000_000 })
        #expect(g.allocations.contains { $0.holder == first && $0.token == g.cash.address && $0.amount == 1_000_000 * 1_000_000 })
        #expect(g.identities[0].kycExpiry == 1_924_992_000)  // 2031-01-01T00:00:00Z: valid through 2030-12-31
    }

    @Test func embeddedDevnetEqualsTheFile() throws {
        let file = try String(contentsOf: Self.devnetURL, encoding: .utf8)
        #expect(EmbeddedGenesis.devnetJSON + "\n" == file, "run scripts/embed-genesis")
        #expect(Genesis.devnet.chainId == 31337)
    }

    @Test func notJSONIsRefused() {
        #expect(throws: GenesisError.self) { try Genesis.parse(Data("{ chainId: 1".utf8)) }
        #expect(throws: GenesisError.notJSON("the top level must be an object")) { try Genesis.parse(Data("[1]".utf8)) }
    }

    @Test func wrongTypesNameTheField() {
        Self.expectRefusal("chainId", containing: "whole number") { $0["chainId"] = "31337" }
        Self.expectRefusal("chainId", containing: "whole number") { $0["chainId"] = true }
        Self.expectRefusal("timestamp", containing: "whole number") { $0["timestamp"] = -5 }
        Self.expectRefusal("assets", containing: "array") { $0["assets"] = ["AAPL": 1] }
        Self.expectRefusal("roles.issuer", containing: "is missing") { $0["roles"] = ["custodian": "0x0", "compliance": "0x0"] }
        Self.expectRefusal("sequencer", containing: "40 hex digits") { $0["sequencer"] = "0x1234" }
        Self.expectRefusal("chainId", containing: "greater than 0") { $0["chainId"] = 0 }
        Self.expectRefusal("chainIdd", containing: "not a known field") { $0["chainIdd"] = 1 }
    }

    @Test func duplicateSymbolsAndAddressesAreRefused() {
        Self.expectRefusal("assets[1].symbol", containing: "duplicate symbol 'AAPL'", Self.editAsset(1, "symbol", "AAPL"))
        Self.expectRefusal("assets[0].symbol", containing: "duplicate symbol 'USD'", Self.editAsset(0, "symbol", "USD"))
        Self.expectRefusal("assets[2].address", containing: "duplicate token address",
                           Self.editAsset(2, "address", "0x4141504C00000000000000000000000000000000"))
    }

    @Test func badCheckDigitsAreRefused() {
        Self.expectRefusal("assets[0].isin", containing: "ISIN check digit is wrong: expected 5, found 4",
                           Self.editAsset(0, "isin", "US0378331004"))
        Self.expectRefusal("assets[0].cusip", containing: "CUSIP check digit is wrong",
                           Self.editAsset(0, "cusip", "037833101"))
        // A valid CUSIP of another company.
        Self.expectRefusal("assets[0].cusip", containing: "does not match ISIN", Self.editAsset(0, "cusip", "594918104"))
    }

    @Test func supplyAboveOpeningReserveIsRefused() {
        Self.expectRefusal("alloc", containing: "initial supply of AAPL (5000 shares) exceeds its openingReserve (4999.5 shares)",
                           Self.editAsset(0, "openingReserve", "4999.5"))
    }

    @Test func badAmountsAndHoldersAreRefused() {
        Self.expectRefusal("alloc.0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266.USD", containing: "more than 6 decimal places") { tree in
            var alloc = tree["alloc"] as! [String: Any]
            alloc["0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"] = ["USD": "1.0000001"]
            tree["alloc"] = alloc
        }
        Self.expectRefusal("alloc.0x0000000000000000000000000000000000000001.AAPL", containing: "not a verified identity") { tree in
            var alloc = tree["alloc"] as! [String: Any]
            alloc["0x0000000000000000000000000000000000000001"] = ["AAPL": "1"]
            tree["alloc"] = alloc
        }
        Self.expectRefusal("alloc.0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266.GOOG", containing: "unknown token symbol") { tree in
            var alloc = tree["alloc"] as! [String: Any]
            alloc["0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"] = ["GOOG": "1"]
            tree["alloc"] = alloc
        }
    }

    @Test func badIdentitiesAreRefused() {
        func editIdentity(_ key: String, _ value: Any) -> (inout [String: Any]) -> Void {
            { tree in
                var ids = tree["identities"] as! [[String: Any]]
                ids[3][key] = value
                tree["identities"] = ids
            }
        }
        Self.expectRefusal("identities[3].country", containing: "ISO 3166-1", editIdentity("country", "Singapore"))
        Self.expectRefusal("identities[3].kycExpiry", containing: "not a date", editIdentity("kycExpiry", "31/12/2030"))
        Self.expectRefusal("identities[3].taxCategory", containing: "must be one of", editIdentity("taxCategory", "foreign"))
        Self.expectRefusal("identities[3].investorId", containing: "duplicate investor id", editIdentity("investorId", "DEV-00"))
        Self.expectRefusal("identities[3].wallets[0]", containing: "already belongs",
                           editIdentity("wallets", ["0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"]))
    }

    @Test func amountParsingAndFormatting() throws {
        #expect(try Amount.parse("12.5", decimals: 6) == 12_500_000)
        #expect(try Amount.parse("0", decimals: 18) == 0)
        #expect(throws: Amount.ParseError.notADecimal("1.")) { try Amount.parse("1.", decimals: 6) }
        #expect(throws: Amount.ParseError.notADecimal("-1")) { try Amount.parse("-1", decimals: 6) }
        #expect(throws: Amount.ParseError.notADecimal("1.2.3")) { try Amount.parse("1.2.3", decimals: 6) }
        #expect(throws: Amount.ParseError.tooLarge("400000000000000000000")) { try Amount.parse("400000000000000000000", decimals: 18) }
        #expect(Amount.format(12_500_000, decimals: 6) == "12.5")
        #expect(Amount.format(1, decimals: 18) == "0.000000000000000001")
    }
}
