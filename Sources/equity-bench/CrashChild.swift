import Foundation

/// Runs this `equity-bench` executable as a child writer (one of the hidden `*-writer`
/// subcommands), reads its stdout until it prints `done`, then kills it with SIGKILL
/// while everything it wrote is still in the WAL. Used by the crash benchmarks.
enum CrashChild {
    enum Failure: Error, CustomStringConvertible {
        case executableUnavailable
        case endedEarly(arguments: [String], stderr: String)

        var description: String {
            switch self {
            case .executableUnavailable:
                return "cannot locate this equity-bench executable to start the writer child"
            case let .endedEarly(arguments, stderr):
                return "the writer child (\(arguments.joined(separator: " "))) ended before printing done: \(stderr)"
            }
        }
    }

    /// Starts `equity-bench ARGUMENTS`, waits for `done`, SIGKILLs it; returns its stdout.
    @discardableResult
    static func runUntilDoneThenKill(_ arguments: [String]) throws -> String {
        guard let executable = Bundle.main.executableURL else { throw Failure.executableUnavailable }
        let child = Process()
        child.executableURL = executable
        child.arguments = arguments
        let output = Pipe(), input = Pipe(), errors = Pipe()
        child.standardOutput = output
        child.standardInput = input
        child.standardError = errors
        try child.run()
        var received = Data()
        let done = Data("done\n".utf8)
        while !received.contains(done) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        try? input.fileHandleForWriting.close()
        guard received.contains(done) else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure.endedEarly(arguments: arguments, stderr: message)
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Runs `body` with a fresh directory path under the system temporary directory,
    /// removed afterwards.
    static func withScratchDirectory<T>(_ label: String, _ body: (String) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("equity-bench-\(label)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory.path)
    }

    /// `withScratchDirectory` for asynchronous work.
    static func withScratchDirectory<T>(_ label: String, _ body: (String) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("equity-bench-\(label)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory.path)
    }

    /// Total size of the WAL files (`*.log`) in a database directory.
    static func walBytes(in path: String) throws -> Int {
        let files = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".log") }
        return try files.reduce(0) { total, name in
            let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + name)
            return total + ((attributes[.size] as? NSNumber)?.intValue ?? 0)
        }
    }
}
