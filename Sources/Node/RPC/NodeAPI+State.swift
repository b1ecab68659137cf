/// State reads: balances, nonces, code, calls and gas estimates.
///
/// The node keeps the latest state only (the head plus the open block, whose
/// transactions are final once admitted). A query for an older block is refused
/// with a clear error rather than answered from the wrong state.
extension NodeAPI {
    /// Checks that `tag` names state this node has: the head or the open block.
    func checkStateAvailable(_ tag: BlockTag) async throws(RPCError) {
        let head = await chain.head
        switch tag {
        case .latest, .pending, .safe, .finalized: return
        case .earliest where head.number == 0: return
        case .number(let n) where n == head.number: return
        case .hash(let h) where h == head.hash: return
        case .number(let n) where n > head.number: throw .server("header not found: block \(n) is beyond the head block \(head.number)")
        case .hash(let h):
            guard try await resolve(.hash(h)) != nil else { throw .server("header for hash not found: \(h)") }
            throw .server("historical state is not available: this node keeps the latest state only (head is block \(head.number))")
        default:
            throw .server("historical state is not available: this node keeps the latest state only (head is block \(head.number))")
        }
    }

    /// `eth_getBalance`: there is no native currency, so every balance is 0; token
    /// balances are ERC-20 `balanceOf` calls.
    func balance(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 2)
        _ = try p.read(0, RPCValue.address)
        try await checkStateAvailable(try p.readOptional(1, RPCValue.blockTag) ?? .latest)
        return .quantity(0 as UInt64)
    }

    func nonce(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 2)
        let address = try p.read(0, RPCValue.address)
        let tag = try p.readOptional(1, RPCValue.blockTag) ?? .latest
        try await checkStateAvailable(tag)
        let nonces = await chain.nonces(of: address)
        return .quantity(tag == .pending ? nonces.pending : nonces.latest)
    }

    /// `eth_getCode`: the native contracts have no EVM code; they answer `0xfe` (the
    /// INVALID opcode) so that wallets see a contract, and an EVM would refuse to run it.
    func code(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        try p.expect(atMost: 2)
        let address = try p.read(0, RPCValue.address)
        try await checkStateAvailable(try p.readOptional(1, RPCValue.blockTag) ?? .latest)
        return .data(await chain.hasCode(at: address) ? Self.nativeContractCode : [])
    }

    /// What `eth_getCode` answers at a token or system address.
    public static let nativeContractCode: [UInt8] = [0xfe]

    /// The call object and block of `eth_call` / `eth_estimateGas`, checked.
    private func callArguments(_ p: RPCParameters) async throws(RPCError) -> (CallRequest, Address) {
        try p.expect(atMost: 3)  // geth's third argument: state overrides, which this node does not take
        if p.optional(2) != nil { throw .invalidParams("invalid argument 2: state overrides are not supported") }
        let request = try p.read(0, { v throws(RPCValueError) in try CallRequest(json: v) })
        try await checkStateAvailable(try p.readOptional(1, RPCValue.blockTag) ?? .latest)
        guard let to = request.to else { throw .server(TransactionRejection.contractCreation.description) }
        guard request.value == .zero else { throw .server(TransactionRejection.insufficientFunds(value: request.value).description) }
        return (request, to)
    }

    /// `eth_call`: runs against the latest state with its effects discarded; a revert
    /// is error 3 with the `Error(string)` revert data.
    func ethCall(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        let (request, to) = try await callArguments(p)
        do { return .data(try await chain.call(from: request.from, to: to, data: request.data, now: Self.now())) } catch {
            throw .reverted(error)
        }
    }

    /// `eth_estimateGas`: the gas the transaction will use (the schedule is fixed, so
    /// the estimate is exact); a revert is error 3 as for `eth_call`.
    func estimateGas(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        let (request, to) = try await callArguments(p)
        do {
            return .quantity(try await chain.estimateGas(from: request.from, to: to, data: request.data,
                                                         accessList: request.accessList, now: Self.now()))
        } catch { throw .reverted(error) }
    }
}
