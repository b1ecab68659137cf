import Hummingbird

/// A follower's `/health`: the sequencer's fields (head, hash, age) plus its sync
/// state under `follower`. HTTP 503 with `status: "halted"` once a block was refused,
/// so that load balancers take a halted follower out (it still answers reads).
enum FollowerHealth {
    static func response(_ chain: Chain, follower: FollowerStatus.Snapshot) async -> Response {
        var halt: JSONValue = .null
        if let h = follower.halt { halt = .object(["block": .unsigned(h.block), "reason": .string(h.reason)]) }
        var fields = await RPCServer.headFields(chain)
        fields["status"] = .string(follower.halt == nil ? "ok" : "halted")
        fields["role"] = .string("follower")
        fields["syncing"] = .bool(follower.isSyncing)
        fields["pendingTransactions"] = .unsigned(0)
        fields["follower"] = .object([
            "sequencer": .string(follower.sequencer),
            "state": .string(follower.phase.rawValue),
            "sequencerHead": follower.sequencerHead.map { .unsigned($0) } ?? .null,
            "lagBlocks": .unsigned(follower.lagBlocks),
            "halt": halt,
            "lastError": follower.lastError.map { .string($0) } ?? .null,
        ])
        return RPCServer.json(follower.halt == nil ? .ok : .serviceUnavailable, .object(fields))
    }
}
