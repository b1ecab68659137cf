/// `eth_syncing`.
extension NodeAPI {
    /// `false` on a sequencer (it is the source of blocks) and on a follower in step with
    /// it; while a follower catches up, reconnects or trails the live feed, geth's
    /// progress object: `startingBlock` (the head when this round of syncing began),
    /// `currentBlock` (the verified head) and `highestBlock` (the sequencer's known head).
    func syncing() async -> JSONValue {
        guard let status = follower?.snapshot, status.isSyncing else { return .bool(false) }
        let current = await chain.head.number
        return .object([
            "startingBlock": .quantity(min(status.syncStartedAt ?? current, current)),
            "currentBlock": .quantity(current),
            "highestBlock": .quantity(max(status.sequencerHead ?? current, current)),
        ])
    }
}
