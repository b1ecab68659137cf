/// The `equity_` namespace (docs/api.md): assets, positions, identities, transfer
/// checks and redemptions, read from the latest state. Amounts come raw (hex
/// quantities, as everywhere in JSON-RPC) and formatted (decimal strings).
extension NodeAPI {
    /// Most redemptions one `equity_getRedemptions` returns.
    public static let redemptionsPerPage = 1_000

    private static func amount(_ raw: UInt128, decimals: UInt8?) -> (JSONValue, JSONValue) {
        (.quantity(raw), decimals.map { .string(Amount.format(raw, decimals: Int($0))) } ?? .null)
    }

    /// `equity_assets`: the cash token and every share token.
    func assets(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 0)
        return .array(await chain.tokens().map { address, t in
            let (supply, supplyText) = Self.amount(t.totalSupply, decimals: t.decimals)
            return .object([
                "address": .address(address),
                "kind": .string(t.kind == .share ? "share" : "cash"),
                "symbol": .string(t.symbol),
                "name": .string(t.name),
                "isin": t.kind == .share ? .string(t.isin) : .null,
                "cusip": t.kind == .share ? .string(t.cusip) : .null,
                "decimals": .unsigned(UInt64(t.decimals)),
                "multiplier": .string(Amount.format(t.multiplier, decimals: 18)),
                "totalSupply": supply,
                "totalSupplyFormatted": supplyText,
                "paused": .array(Self.pauseNames(t.paused)),
            ])
        })
    }

    static func pauseNames(_ scope: PauseScope) -> [JSONValue] {
        var names: [JSONValue] = []
        if scope.contains(.transfers) { names.append(.string("transfers")) }
        if scope.contains(.mint) { names.append(.string("mint")) }
        if scope.contains(.redeem) { names.append(.string("redeem")) }
        return names
    }

    /// `equity_getPosition(address)`: every holding with its frozen, escrowed and
    /// transferable parts.
    func position(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        let address = try p.read(0, RPCValue.address)
        let (nonce, positions) = await chain.positions(of: address)
        let holdings: [JSONValue] = positions.map { position, token in
            let decimals = token?.decimals
            let (balance, balanceText) = Self.amount(position.balance, decimals: decimals)
            let (frozen, frozenText) = Self.amount(position.frozen, decimals: decimals)
            let (escrowed, escrowedText) = Self.amount(position.escrowed, decimals: decimals)
            let (free, freeText) = Self.amount(position.transferable, decimals: decimals)
            return .object([
                "token": .address(position.token),
                "symbol": token.map { .string($0.symbol) } ?? .null,
                "decimals": decimals.map { .unsigned(UInt64($0)) } ?? .null,
                "balance": balance, "balanceFormatted": balanceText,
                "frozen": frozen, "frozenFormatted": frozenText,
                "escrowed": escrowed, "escrowedFormatted": escrowedText,
                "transferable": free, "transferableFormatted": freeText,
                "fullyFrozen": .bool(position.isFullyFrozen),
            ])
        }
        return .object(["address": .address(address), "nonce": .quantity(nonce), "holdings": .array(holdings)])
    }

    /// `equity_getIdentity(address)`: the verified investor the wallet belongs to, or null.
    func identity(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        let wallet = try p.read(0, RPCValue.address)
        guard let (identity, verified) = await chain.identity(of: wallet, now: Self.now()) else { return .null }
        return .object([
            "wallet": .address(wallet),
            "investorId": .string(identity.investorId),
            "country": .string(identity.country),
            "kycExpiry": .quantity(identity.kycExpiry),
            "taxCategory": .string(identity.taxCategory.rawValue),
            "verified": .bool(verified),
            "wallets": .array(identity.wallets.map(JSONValue.address)),
        ])
    }

    /// `equity_preTransferCheck(token, from, to, amount)`: the ERC-1404 code and message
    /// the transfer would meet in the next block.
    func preTransferCheck(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 4)
        let token = try p.read(0, RPCValue.address)
        let from = try p.read(1, RPCValue.address)
        let to = try p.read(2, RPCValue.address)
        let wide = try p.read(3, RPCValue.uint256)
        let amount: UInt128
        do { amount = try Amount.fromWire(wide) } catch { throw .invalidParams("invalid argument 3: \(error.description)") }
        let r = await chain.preTransferCheck(token: token, from: from, to: to, amount: amount, now: Self.now())
        return .object([
            "allowed": .bool(r == .none),
            "code": .unsigned(UInt64(r.rawValue)),
            "restriction": .string(String(describing: r)),
            "message": .string(r.message),
        ])
    }

    /// `equity_getRedemptions(fromId?)`: redemptions with id ≥ fromId (default 1), in
    /// id order, at most `redemptionsPerPage`; continue from the last id + 1.
    func redemptions(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        let fromId = try p.readOptional(0, RPCValue.uint64) ?? 1
        return .array(await chain.redemptions(fromId: fromId, limit: Self.redemptionsPerPage).map { r, token in
            let (amount, amountText) = Self.amount(r.amount, decimals: token?.decimals)
            return .object([
                "id": .quantity(r.id),
                "token": .address(r.token),
                "symbol": token.map { .string($0.symbol) } ?? .null,
                "holder": .address(r.holder),
                "amount": amount,
                "amountFormatted": amountText,
                "brokerageAccountRef": .string(r.brokerageAccountRef),
                "blockNumber": .quantity(r.blockNumber),
            ])
        })
    }
}
