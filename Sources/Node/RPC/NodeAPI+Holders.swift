/// `equity_getHolders`: who holds a token, a page at a time — what a paying agent needs
/// to push a dividend to every holder of record, genesis allocations included.
extension NodeAPI {
    /// Most holders one page returns, and its default.
    static let maxHoldersPage = 1_000

    /// `equity_getHolders(token, after?, limit?)`: `{"holders": [{"address", "balance"}], "next"}`
    /// with raw balances as quantities, in address order; `next` (or null) is the `after`
    /// of the following page.
    func holders(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 3)
        let token = try p.read(0, RPCValue.address)
        let after = try p.readOptional(1, RPCValue.address)
        let limit = try p.readOptional(2, Self.number) ?? UInt64(Self.maxHoldersPage)
        guard limit >= 1 && limit <= UInt64(Self.maxHoldersPage) else {
            throw .invalidParams("invalid argument 2: limit must be from 1 to \(Self.maxHoldersPage) holders")
        }
        guard let page = await chain.holders(of: token, after: after, limit: Int(limit)) else {
            throw .invalidParams("invalid argument 0: \(token.checksummed) is not a token of this chain")
        }
        return .object([
            "holders": .array(page.holders.map { .object(["address": .address($0.address), "balance": .quantity($0.balance)]) }),
            "next": page.next.map(JSONValue.address) ?? .null,
        ])
    }
}
