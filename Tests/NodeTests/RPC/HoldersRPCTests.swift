import Testing
@testable import Node

@Suite("RPC: equity_getHolders")
struct HoldersRPCTests {
    typealias F = ChainFixture

    @Test func holdersComeInAddressOrderAPageAtATime() async throws {
        let node = try await RPCTestNode.start()
        // The devnet funds dev accounts 0-4 with 1,000 AAPL each at genesis (no Transfer logs).
        let expected = (0..<5).map { F.accounts[$0].address }.sorted()
        let all = try await node.result("equity_getHolders", [.address(F.aapl)])
        #expect(all["holders"]?.arrayValue?.compactMap { $0["address"] } == expected.map(JSONValue.address))
        #expect(all["holders"]?[0]?["balance"] == .quantity(1_000 * F.share))
        #expect(all["next"] == .null)

        var seen: [JSONValue] = []
        var cursor: JSONValue = .null
        repeat {
            let page = try await node.result("equity_getHolders", [.address(F.aapl), cursor, .unsigned(2)])
            let holders = page["holders"]?.arrayValue ?? []
            #expect(holders.count <= 2)
            seen += holders.compactMap { $0["address"] }
            cursor = page["next"] ?? .null
        } while cursor != .null
        #expect(seen == expected.map(JSONValue.address))

        for (params, reason) in [
            ([JSONValue.address(Address(w0: 0, w1: 0, w2: 0xBEEF))], "not a token"),
            ([.address(F.aapl), .null, .unsigned(0)], "limit must be from 1 to 1000"),
            ([.address(F.aapl), .null, .unsigned(1_001)], "limit must be from 1 to 1000"),
            ([.string("0x1234")], "invalid argument 0"),
        ] {
            let bad = try await node.request("equity_getHolders", params)
            #expect(bad["error"]?["code"] == .signed(-32602))
            #expect(bad["error"]?["message"]?.text?.contains(reason) == true, "\(bad)")
        }
        try await node.stop()
    }
}
