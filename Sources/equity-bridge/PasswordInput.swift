import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a keystore password comes from: `--password-file FILE` (its first line), or a
/// prompt on the terminal (without echo), or the first line of standard input when it
/// is not a terminal.
struct PasswordInput: ParsableArguments {
    @Option(name: .long, help: "A file whose first line is the keystore password (default: prompt).")
    var passwordFile: String?


    func read(prompt: String = "Keystore password: ") throws -> String {
        if let passwordFile {
            let text: String
            do { text = try String(contentsOfFile: passwordFile, encoding: .utf8) } catch {
                throw CommandFailure(description: "cannot read the password file \(passwordFile): \(error.localizedDescription)")
            }
            let line = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).first.map(String.init) ?? ""
            guard !line.isEmpty else { throw CommandFailure(description: "the password file \(passwordFile) is empty") }
            return line
        }
        if isatty(STDIN_FILENO) != 0, let entered = getpass(prompt) {
            return String(cString: entered)
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CommandFailure(description: "no password: pass --password-file FILE or type it at the prompt")
        }
        return line
    }
}
