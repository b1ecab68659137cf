import ArgumentParser
import Node

/// `equity-bench dividends`: declaring a cash dividend on a token with a million
/// holders (the accumulator makes it O(1): no holder is visited) and paying claims.
///
/// The holders are loaded as stored leaves (as a node reopening its database does);
/// timings are of `WorldState` execution only: no signature recovery, no block commit.
struct DividendBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dividends",
        abstract: "Dividends: declare on a token with many holders (O(1)), then claims per second.")

    @Flag(help: "Print one JSON object of named figures instead of a table.")
    var json = false

    @Option(help: "Holders of the token.")
    var holders = 1_000_000

    @Option(help: "Declarations to time (each reverted; the median is reported).")
    var declarations = 201

    @Option(help: "Claims to time.")
    var claims = 200_000

    func validate() throws {
        guard holders >= 1, declarations >= 1, claims >= 1, claims <= holders else {
            throw ValidationError("--holders, --declarations and --claims must be at least 1, and --claims at most --holders")
        }
    }

    static func holder(_ i: Int) -> Address { Address(w0: 0x00E0_0000, w1: 0, w2: UInt64(i)) }

    func run() throws {
        var report = BenchReport(scenario: "dividends")
        report.record("holders", holders)
        let genesis = Genesis.devnet
        guard let asset = genesis.assets.first else { throw ValidationError("the devnet genesis has no share token") }
        var state = WorldState(genesis: genesis)
        let share: UInt128 = 1_000_000_000_000_000_000
        let loadSeconds = try Stopwatch.seconds {
            for i in 0..<holders {
                let account = AccountState(positions: [TokenPosition(token: asset.address, balance: share + UInt128(i))])
                try state.load(key: .account(Self.holder(i)), value: StateCodec.encode(account))
            }
            guard var token = state.token(asset.address) else { throw ValidationError("no token") }
            token.totalSupply += (0..<holders).reduce(UInt128(0)) { $0 + share + UInt128($1) }
            try state.load(key: .token(asset.address), value: StateCodec.encode(token))
            let issuer = AccountState(positions: [TokenPosition(token: genesis.cash.address, balance: UInt128(1) << 100)])
            try state.load(key: .account(genesis.roles.issuer), value: StateCodec.encode(issuer))
        }
        report.record("load_holders_s", loadSeconds)

        let t0 = genesis.timestamp + 1_000
        let block = BlockContext(number: 2, timestamp: t0)
        func declare() throws {
            _ = try state.declareDividend(caller: genesis.roles.issuer, token: asset.address, amountPerShare: 250_000,
                                          recordTime: t0 + 10, payTime: t0 + 20, block: block)
        }
        var samples: [Double] = []
        for _ in 0..<declarations {
            let mark = state.checkpoint()
            samples.append(try Stopwatch.seconds(declare))
            state.revert(to: mark)
        }
        samples.sort()
        report.record("declare_ms", samples[samples.count / 2] * 1e3)
        // The same median in microseconds: the millisecond figure prints with 3 decimals.
        report.record("declare_us", samples[samples.count / 2] * 1e6)
        report.record("declare_max_ms", samples[samples.count - 1] * 1e3)

        try declare()
        _ = state.takeDirtyKeys()
        let recordSeconds = Stopwatch.seconds { CorporateActions.beginBlock(&state, BlockContext(number: 3, timestamp: t0 + 10)) }
        report.record("record_ms", recordSeconds * 1e3)

        let payBlock = BlockContext(number: 4, timestamp: t0 + 20)
        let claimSeconds = try Stopwatch.seconds {
            for i in 0..<claims {
                _ = try state.claimDividend(holder: Self.holder(i), dividendId: 1, block: payBlock)
                if i % 10_000 == 9_999 { _ = state.takeDirtyKeys() }
            }
        }
        report.record("claims", claims)
        report.record("claims_per_s", Double(claims) / claimSeconds)
        report.print(json: json)
    }
}
