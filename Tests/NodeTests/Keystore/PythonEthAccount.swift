import Foundation
import Testing

/// Python's eth_account, the reference keystore implementation the interop tests
/// compare against; `scripts/bootstrap --python` (run by `make test`) installs it.
enum PythonEthAccount {
    /// Whether `python3` is on PATH and can import eth_account.
    static let isAvailable: Bool = (try? run(["-c", "import eth_account"]))?.status == 0

    /// Why the interop tests did not run, shown as the skip reason.
    static let missingReason: Comment =
        "SKIPPED: python3 with eth_account is not installed, so keystore interop with eth_account is NOT verified; run scripts/bootstrap --python"

    /// Runs `python3` with `arguments`; returns its exit status, stdout and stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
