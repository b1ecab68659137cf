/// `equity_getDeposit`: whether a custody deposit id has been minted, read by the
/// bridge to resolve its journal after a crash without scanning `Mint` logs.
extension NodeAPI {
    /// `equity_getDeposit(depositId)`: the mint recorded under the deposit id, or null.
    func deposit(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 1)
        let id = try p.read(0, RPCValue.hash)
        guard let (d, token) = await chain.deposit(id: id) else { return .null }
        return .object([
            "depositId": .hash(d.id),
            "token": .address(d.token),
            "symbol": token.map { .string($0.symbol) } ?? .null,
            "recipient": .address(d.recipient),
            "amount": .quantity(d.amount),
            "blockNumber": .quantity(d.blockNumber),
        ])
    }
}
