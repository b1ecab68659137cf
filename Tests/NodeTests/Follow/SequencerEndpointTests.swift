import Testing
@testable import Node

@Suite("Follower: the sequencer's endpoint")
struct SequencerEndpointTests {
    @Test func hostsAndPortsBecomeTheJSONRPCURL() throws {
        #expect(try SequencerEndpoint(url: "http://10.0.0.1:8545").rpcURL.absoluteString == "http://10.0.0.1:8545/")
        #expect(try SequencerEndpoint(url: "ws://sequencer.example:9000/feed").rpcURL.absoluteString == "http://sequencer.example:9000/")
        let v6 = try SequencerEndpoint(url: "http://[::1]:8545")
        #expect(v6.rpcURL.absoluteString == "http://[::1]:8545/")
        #expect(try SequencerEndpoint(url: "http://node").port == 80)
    }

    @Test(arguments: ["", "10.0.0.1:8545", "https://10.0.0.1:8545", "ftp://x:1", "http://:8545"])
    func whatIsNoSequencerURLIsRefused(_ text: String) {
        #expect(throws: FollowerError.self) { try SequencerEndpoint(url: text) }
    }
}
