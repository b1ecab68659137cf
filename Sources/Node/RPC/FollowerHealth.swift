import Hummingbird
import NIOCore

/// A follower's `/health`: the sequencer's fields (head, hash, age) plus its sync
/// state under `follower`. HTTP 503 with `status: "halted"` once a block was refused,
/// so that load balancers take a halted follower out (it still answers reads).
enum FollowerHealth {
    static func response(_ chain: Chain, follower: FollowerStatus.Snapshot) async -> Response {
        let head = await chain.head
        let now = BlockProducer.unixSeconds()
        var halt: JSONValue = .null
        if let h = follower.halt { halt = .object(["block": .unsigned(h.block), "reason": .string(h.reason)]) }
        let body: JSONValue = .object([
            "status": .string(follower.halt == nil ? "ok" : "halted"),
            "role": .string("follower"),
            "chainId": .unsigned(chain.genesis.chainId),
            "head": .unsigned(head.number),
            "headHash": .hash(head.hash),
            "headTimestamp": .unsigned(head.timestamp),
            "headAgeSeconds": .unsigned(now > head.timestamp ? now - head.timestamp : 0),
            "syncing": .bool(follower.phase != .following || follower.lagBlocks > 0),
            "pendingTransactions": .unsigned(0),
            "follower": .object([
                "sequencer": .string(follower.sequencer),
                "state": .string(follower.phase.rawValue),
                "sequencerHead": follower.sequencerHead.map { .unsigned($0) } ?? .null,
                "lagBlocks": .unsigned(follower.lagBlocks),
                "halt": halt,
                "lastError": follower.lastError.map { .string($0) } ?? .null,
            ]),
        ])
        var writer = JSONWriter()
        writer.write(body)
        return Response(status: follower.halt == nil ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }
}
