/// How a follower answers `eth_sendRawTransaction`: it forwards the request to the
/// sequencer and returns the sequencer's answer unchanged (the hash, or the error with
/// its code, message and data), since only the sequencer orders transactions.
public struct TransactionRelay: Sendable {
    public let sequencer: SequencerEndpoint

    public init(sequencer: SequencerEndpoint) {
        self.sequencer = sequencer
    }

    /// Forwards the parameters as given. An unreachable sequencer is -32603 (retry).
    public func sendRawTransaction(_ p: RPCParameters) async throws(RPCError) -> JSONValue {
        let answer: Result<JSONValue, RPCError>
        do { answer = try await sequencer.call("eth_sendRawTransaction", p.values) } catch {
            throw .internalError("this node follows the sequencer at \(sequencer) and could not forward the transaction to it: \(error)")
        }
        return try answer.get()
    }
}
