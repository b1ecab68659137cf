import Testing
@testable import Node

/// `eth_syncing` on a follower: geth's progress object while it catches up, reconnects
/// or trails the live feed; `false` once it is in step, and when halted (its `/health`
/// says why).
@Suite("Follower: eth_syncing")
struct FollowerSyncingTests {
    @Test func progressWhileBehindAndFalseInStep() async throws {
        let chain = try ChainTests.open(ChainTests.temporaryDirectory())
        let status = FollowerStatus(sequencer: "http://127.0.0.1:8545", head: 0, metrics: nil)
        let api = NodeAPI(chain: chain, configuration: RPCConfiguration(), follower: status)
        func syncing() async throws -> JSONValue { try await api.call("eth_syncing", try RPCParameters(nil)) }

        // Connecting, the sequencer's head not yet known.
        #expect(try await syncing() == .object(["startingBlock": .string("0x0"), "currentBlock": .string("0x0"), "highestBlock": .string("0x0")]))
        status.update { $0.phase = .catchingUp; $0.sequencerHead = 40 }
        #expect(try await syncing() == .object(["startingBlock": .string("0x0"), "currentBlock": .string("0x0"), "highestBlock": .string("0x28")]))
        // On the live feed with nothing left to fetch: in step.
        status.update { $0.phase = .following; $0.sequencerHead = 0 }
        #expect(try await syncing() == .bool(false))
        #expect(status.snapshot.syncStartedAt == nil)
        // Halted: no longer syncing.
        status.update { $0.phase = .halted; $0.halt = FollowerHalt(block: 1, reason: "state root mismatch") }
        #expect(try await syncing() == .bool(false))
        // A sequencer (no follower status) never syncs.
        #expect(try await NodeAPI(chain: chain, configuration: RPCConfiguration()).call("eth_syncing", try RPCParameters(nil)) == .bool(false))
        await chain.close()
    }
}
