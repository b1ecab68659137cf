import Foundation

/// Runs the real `equity-bridge` binary: one command to completion, or `run` as a
/// child process the test stops.
struct BridgeCLI {
    let datadir: String
    let scratch: TemporaryDirectory

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `equity-bridge ARGS --datadir DATADIR` to completion.
    func run(_ arguments: [String], withDatadir: Bool = true) async throws -> Result {
        let process = try start(arguments, withDatadir: withDatadir, environment: [:])
        return try await process.wait()
    }

    /// Starts `equity-bridge ARGS --datadir DATADIR` with extra environment variables.
    func start(_ arguments: [String], withDatadir: Bool = true, environment: [String: String]) throws -> Child {
        let (process, out, err) = try ChildProcess.launch(
            "equity-bridge", arguments + (withDatadir ? ["--datadir", datadir] : []), environment: environment, in: scratch)
        return Child(process: process, stdoutPath: out, stderrPath: err)
    }

    /// A started `equity-bridge`.
    final class Child: @unchecked Sendable {
        let process: Process
        let stdoutPath: String
        let stderrPath: String

        init(process: Process, stdoutPath: String, stderrPath: String) {
            self.process = process
            self.stdoutPath = stdoutPath
            self.stderrPath = stderrPath
        }

        deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
        var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }

        /// Waits (at most 120 s) for the exit.
        func wait() async throws -> Result {
            for _ in 0..<12_000 where process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                throw Timeout(description: "equity-bridge \(process.arguments ?? []) did not exit within 120 s: \(stderr)")
            }
            return Result(
                status: process.terminationStatus,
                stdout: stdout, stderr: stderr)
        }
    }

    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }
}
