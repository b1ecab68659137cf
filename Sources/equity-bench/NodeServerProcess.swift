import Foundation

/// The `equity-node` executable built next to this `equity-bench`, run as a separate
/// process: `init` on a genesis, then `run` serving JSON-RPC on a loopback port the
/// kernel picks (read back from the node's log line).
final class NodeServerProcess {
    enum Failure: Error, CustomStringConvertible {
        case executableMissing(String)
        case failed(command: String, output: String)

        var description: String {
            switch self {
            case .executableMissing(let path):
                return "equity-node is not built at \(path); build both products: swift build -c release --scratch-path .build-release"
            case let .failed(command, output):
                return "equity-node \(command) failed: \(output)"
            }
        }
    }

    let port: Int
    private let process: Process

    /// Creates a chain from `genesisJSON` in `directory` and serves it; returns once `/health` answers.
    init(genesisJSON: String, directory: String, blockTimeMs: Int?) throws {
        guard let bench = Bundle.main.executableURL else { throw Failure.executableMissing("(this executable's directory)") }
        let executable = bench.deletingLastPathComponent().appendingPathComponent("equity-node")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else { throw Failure.executableMissing(executable.path) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let genesisFile = directory + "/genesis-source.json"
        try Data(genesisJSON.utf8).write(to: URL(fileURLWithPath: genesisFile))
        let datadir = directory + "/node"
        let logPath = directory + "/node.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)

        let initialise = Process()
        initialise.executableURL = executable
        initialise.arguments = ["init", "--genesis", genesisFile, "--datadir", datadir, "--log-level", "warning"]
        initialise.standardOutput = FileHandle.nullDevice
        initialise.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try initialise.run()
        initialise.waitUntilExit()
        guard initialise.terminationStatus == 0 else {
            throw Failure.failed(command: "init", output: (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")
        }

        var arguments = ["run", "--datadir", datadir, "--rpc", "127.0.0.1:0", "--log-level", "notice"]
        if let blockTimeMs { arguments += ["--block-time-ms", "\(blockTimeMs)"] }
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()

        var found: Int?
        for _ in 0..<3_000 where found == nil {
            let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            found = Self.listeningPort(in: log)
            guard found == nil else { break }
            guard process.isRunning else { throw Failure.failed(command: "run", output: log) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard let found else {
            process.terminate()
            throw Failure.failed(command: "run", output: "no listening address logged within 60 s")
        }
        port = found
        let probe = try HTTPConnection(port: port)
        guard try probe.get("/health").status == 200 else {
            process.terminate()
            throw Failure.failed(command: "run", output: "/health did not answer 200")
        }
    }

    /// CPU time (user + system) the node process has used so far, from `/proc` (Linux);
    /// nil where that is not available.
    var cpuSeconds: Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // The fields after the command name: state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Stops the node gracefully (SIGTERM) and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The first `http://127.0.0.1:PORT` with a non-zero port.
    static func listeningPort(in log: String) -> Int? {
        var rest = Substring(log)
        while let range = rest.range(of: "http://127.0.0.1:") {
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if let port = Int(digits), port > 0 { return port }
            rest = rest[range.upperBound...]
        }
        return nil
    }
}
