/// `equity_getEntitlements` (docs/api.md): a holder's dividend entitlements, visible
/// from the record point, before the pay time as much as after.
extension NodeAPI {
    private static func usd(_ v: UInt128) -> JSONValue { .string(Amount.format(v, decimals: Amount.cashDecimals)) }

    /// `equity_getEntitlements(address)`: per dividend the gross, withholding and net
    /// in USD units (hex) and formatted, whether it is paid; unpaid withholding is
    /// what the holder's current tax category gives (unregistered: nonTreaty).
    func entitlements(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        let holder = try p.read(0, RPCValue.address)
        let (category, list) = await chain.entitlements(of: holder, now: Self.now())
        let current = category ?? .nonTreaty
        var pending: UInt128 = 0, paid: UInt128 = 0
        let items: [JSONValue] = list.map { item in
            let d = item.dividend
            var e = item.entitlement
            if !e.isPaid {
                e.withheld = DividendMath.withholding(gross: e.gross, category: current)
                e.taxCategory = current
                pending += e.net
            } else {
                paid += e.net
            }
            return .object([
                "dividendId": .quantity(d.id),
                "token": .address(d.token),
                "symbol": item.token.map { .string($0.symbol) } ?? .null,
                "status": .string(e.isPaid ? "paid" : (item.status == .payable ? "payable" : item.status.name)),
                "paid": .bool(e.isPaid),
                "recordTime": .quantity(d.recordTime),
                "payTime": .quantity(d.payTime),
                "amountPerShare": .quantity(d.amountPerShare), "amountPerShareFormatted": Self.usd(d.amountPerShare),
                "gross": .quantity(e.gross), "grossFormatted": Self.usd(e.gross),
                "withholding": .quantity(e.withheld), "withholdingFormatted": Self.usd(e.withheld),
                "net": .quantity(e.net), "netFormatted": Self.usd(e.net),
                "taxCategory": .string(e.taxCategory.rawValue),
                "withholdingRateBasisPoints": .unsigned(UInt64(e.taxCategory.defaultWithholdingBasisPoints)),
                "paidAt": e.isPaid ? .quantity(e.paidAt) : .null,
            ])
        }
        return .object([
            "address": .address(holder),
            "taxCategory": category.map { .string($0.rawValue) } ?? .null,
            "entitlements": .array(items),
            "pendingNet": .quantity(pending), "pendingNetFormatted": Self.usd(pending),
            "paidNet": .quantity(paid), "paidNetFormatted": Self.usd(paid),
        ])
    }
}
