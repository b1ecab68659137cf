import Foundation

/// A real `equity-node dev` child process on a kernel-chosen loopback port, with its
/// chain in the scratch directory; killed when released.
final class DevNode: @unchecked Sendable {
    let process: Process
    let port: Int

    var url: String { "http://127.0.0.1:\(port)" }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts (or restarts: the chain is kept in the scratch directory) a dev node that
    /// seals a block every `blockTimeMs`.
    init(in scratch: TemporaryDirectory, blockTimeMs: Int = 50) async throws {
        let (process, out, err) = try ChildProcess.launch(
            "equity-node", ["dev", "--datadir", scratch.path("chain"), "--block-time-ms", String(blockTimeMs), "--rpc", "127.0.0.1:0"],
            in: scratch)
        self.process = process
        var found: Int?
        for _ in 0..<3_000 where found == nil {
            let text = ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") + ((try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
            found = Self.port(in: text)
            if found == nil {
                guard process.isRunning else { throw Failure(description: "equity-node exited: \(text)") }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        guard let found else {
            Foundation.kill(process.processIdentifier, SIGKILL)
            throw Failure(description: "equity-node printed no RPC address within 60 s")
        }
        port = found
    }

    deinit { if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) } }

    /// SIGKILL, and waits until the process is gone: the open block is lost.
    func kill() async throws {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        for _ in 0..<3_000 where process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
    }

    private static func port(in text: String) -> Int? {
        var rest = Substring(text)
        while let range = rest.range(of: "http://127.0.0.1:") {
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if let p = Int(digits), p > 0 { return p }
            rest = rest[range.upperBound...]
        }
        return nil
    }
}
