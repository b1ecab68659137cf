import ArgumentParser
import Foundation
import Logging
import Node

/// `equity-bench chain-writer`: the child of the restart benchmark. Not listed in `--help`.
///
/// Runs a sequencer on the benchmark genesis in `--datadir`, sealing blocks of signed
/// transfers; prints each committed block's number once its commit RETURNED, until the
/// WAL holds `--wal-mib` MiB; then prints `done` and waits for stdin to close, so the
/// parent can SIGKILL it with a full WAL.
struct ChainCrashWriter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain-writer",
        abstract: "Restart-benchmark writer: commits blocks until the WAL is full, printing each block number.",
        shouldDisplay: false)

    @Option(help: "Chain data directory (created if missing).")
    var datadir: String

    @Option(help: "Funded accounts in the benchmark genesis (must match the parent's).")
    var accounts = 2_000

    @Option(help: "Stop once the WAL files hold this many MiB.")
    var walMib = 16

    @Option(help: "Transfers per block.")
    var blockSize = 6_250

    func run() async throws {
        let workload = try ChainWorkload(accounts: accounts)
        let logger = Logger(label: "equity-bench.chain-writer", factory: { _ in SwiftLogNoOpLogHandler() })
        let chain = try Chain(genesis: workload.genesis, path: datadir, logger: logger)
        let output = FileHandle.standardOutput
        var next = 0
        var now = workload.genesis.timestamp
        while try CrashChild.walBytes(in: datadir) < walMib << 20 {
            let raws = workload.signedTransfers(next..<(next + blockSize))
            next += blockSize
            now += 1
            for tx in try workload.verify(raws, signer: chain.signer) { try await chain.submit(tx, now: now) }
            guard let sealed = try await chain.seal(now: now) else { break }
            output.write(Data("\(sealed.block.header.number)\n".utf8))
        }
        output.write(Data("done\n".utf8))
        _ = FileHandle.standardInput.readDataToEndOfFile()
        await chain.close()
    }
}
