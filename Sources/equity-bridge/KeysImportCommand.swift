import ArgumentParser
import Bridge
import Foundation
import Node

/// `equity-bridge keys import`: a raw private key or an existing keystore file.
struct KeysImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a private key (hex in a file) or a keystore v3 file.",
        discussion: "With --private-key-file the key is encrypted under the password given; with --keystore the password must open the file.")

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var password: PasswordInput

    @Option(name: .long, help: "A file holding the private key as 64 hex digits.")
    var privateKeyFile: String?

    @Option(name: .long, help: "A keystore v3 file to copy in.")
    var keystore: String?

    @Flag(name: .long, help: "Make this the custodian key (the first key becomes it anyway).")
    var custodian = false

    func run() async throws {
        try await CommandOutcome.run {
            let directory = data.directory
            // An uninitialised directory is refused before any password is asked for.
            _ = try directory.configuration()
            let address: Address
            switch (privateKeyFile, keystore) {
            case (let file?, nil):
                let text: String
                do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                    throw CommandFailure(description: "cannot read \(file): \(error.localizedDescription)")
                }
                let key = try KeyRing.privateKey(hex: text)
                let secret = try password.read(prompt: "Password to encrypt the key with: ")
                try directory.keyRing.add(key, password: secret)
                address = key.address
            case (nil, let file?):
                address = try directory.keyRing.importKeystore(atPath: file, password: try password.read())
            default:
                throw CommandFailure(description: "give exactly one of --private-key-file FILE and --keystore FILE")
            }
            let isCustodian = try directory.adoptKey(address, designate: custodian)
            print("\(address.checksummed)\(isCustodian ? "  (custodian)" : "")")
            return 0
        }
    }
}
