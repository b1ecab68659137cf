import ArgumentParser
import Foundation

/// How a command ends: its exit status, and errors printed as `error: …` on stderr.
/// Every failure exits 2 (ArgumentParser's own usage errors keep their 64).
enum CommandOutcome {
    /// Runs `body`; any error it throws is printed and becomes exit status 2.
    static func run(_ body: () async throws -> Int32) async throws {
        let status: Int32
        do {
            status = try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if status != 0 { throw ExitCode(status) }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// A command-line mistake the command itself detects (a file it cannot read, options
/// that do not go together); printed as is.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
}
