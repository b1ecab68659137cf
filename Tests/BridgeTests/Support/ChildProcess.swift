import Foundation

/// Starts a built executable with its stdout and stderr in files of the scratch directory.
enum ChildProcess {
    static func launch(_ name: String, _ arguments: [String], environment: [String: String] = [:], in scratch: TemporaryDirectory)
        throws -> (process: Process, stdoutPath: String, stderrPath: String)
    {
        let process = Process()
        process.executableURL = try Executable.url(name)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let label = "\(name)-\(UUID().uuidString.prefix(8))"
        let out = scratch.path("\(label).out")
        let err = scratch.path("\(label).err")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try process.run()
        return (process, out, err)
    }
}
