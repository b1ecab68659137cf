import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import Node

/// A real `equity-node` executable running as a child process, serving JSON-RPC on a
/// loopback port (`RPCEndpoint` is the client).
///
/// The node is started with `--rpc 127.0.0.1:0`: the kernel picks a free port as the
/// server binds, so parallel tests never race for one, and the port is read from what
/// the node prints (the `dev` banner, or `run`'s "serving JSON-RPC" log line). Its
/// stdout and stderr go to files in a scratch directory that the handle keeps alive;
/// give the node a `--datadir` there too, so that nothing outlives the test.
final class NodeProcess: RPCEndpoint {
    let port: Int
    let arguments: [String]
    private let process: Process
    private let scratch: ScratchDirectory
    private let stdoutPath: String
    private let stderrPath: String

    /// What went wrong with the child; quotes its output.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private init(port: Int, arguments: [String], process: Process, scratch: ScratchDirectory, stdoutPath: String, stderrPath: String) {
        self.port = port
        self.arguments = arguments
        self.process = process
        self.scratch = scratch
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
    }

    /// Last resort if a test forgot: the child never outlives its handle.
    deinit {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// Starts `equity-node ARGUMENTS --rpc 127.0.0.1:PORT` (port 0 unless given) and returns once `/health` answers.
    static func start(_ arguments: [String], in scratch: ScratchDirectory, port requested: Int = 0) async throws -> NodeProcess {
        let executable = try BuiltProduct.executable("equity-node")
        let all = arguments + ["--rpc", "127.0.0.1:\(requested)"]
        let label = UUID().uuidString.prefix(8)
        let stdoutPath = scratch.path("equity-node-\(label).out")
        let stderrPath = scratch.path("equity-node-\(label).err")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = all
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()

        // The port, once the server is bound (a debug build under load may take seconds).
        var port: Int?
        for _ in 0..<3_000 {
            port = Self.listeningPort(in: Self.read(stdoutPath) + Self.read(stderrPath))
            guard port == nil else { break }
            guard process.isRunning else {
                throw Failure(description: "equity-node \(all.joined(separator: " ")) exited with status \(process.terminationStatus) before listening: \(Self.read(stderrPath))")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let node = NodeProcess(port: port ?? 0, arguments: all, process: process, scratch: scratch, stdoutPath: stdoutPath, stderrPath: stderrPath)
        guard port != nil else {
            await node.kill()
            throw Failure(description: "equity-node \(all.joined(separator: " ")) printed no listening address within 60 s: \(node.errors)")
        }
        do {
            try await node.waitUntilHealthy()
        } catch {
            await node.kill()
            throw error
        }
        return node
    }

    /// Runs `body` against a node started with `arguments`; the node is killed afterwards
    /// whether `body` succeeds or throws.
    static func with<T>(_ arguments: [String], in scratch: ScratchDirectory, _ body: (NodeProcess) async throws -> T) async throws -> T {
        let node = try await start(arguments, in: scratch)
        do {
            let result = try await body(node)
            await node.kill()
            return result
        } catch {
            await node.kill()
            throw error
        }
    }

    /// The first `http://127.0.0.1:PORT` with a non-zero port in the node's output.
    static func listeningPort(in output: String) -> Int? {
        var rest = Substring(output)
        while let range = rest.range(of: "http://127.0.0.1:") {
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if let port = Int(digits), port > 0 { return port }
            rest = rest[range.upperBound...]
        }
        return nil
    }

    /// Polls `GET /health` until it answers 200 (or 503: a halted follower, which still serves).
    func waitUntilHealthy() async throws {
        for _ in 0..<1_000 {
            guard process.isRunning else { throw Failure(description: "equity-node exited while starting: \(errors)") }
            if let health = try? await get("/health"), health.status == 200 || health.status == 503 { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure(description: "equity-node's /health did not answer on port \(port): \(errors)")
    }

    var isRunning: Bool { process.isRunning }
    var output: String { Self.read(stdoutPath) }
    var errors: String { Self.read(stderrPath) }

    /// Sends SIGTERM (a graceful stop) and waits for the exit: the status, and whether
    /// the process exited by itself (rather than being ended by a signal).
    func terminate() async throws -> (status: Int32, exited: Bool) {
        process.terminate()
        try await waitForExit()
        return (process.terminationStatus, process.terminationReason == .exit)
    }

    /// SIGKILL: no shutdown code runs. Waits until the process is gone; idempotent.
    func kill() async {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        try? await waitForExit()
    }

    private func waitForExit() async throws {
        for _ in 0..<3_000 where process.isRunning {
            try await Task.sleep(for: .milliseconds(10))
        }
        guard !process.isRunning else { throw Failure(description: "equity-node (pid \(process.processIdentifier)) did not exit within 30 s") }
    }

    private static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
