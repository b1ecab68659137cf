import ArgumentParser
import Bridge
import Node

/// `equity-bridge keys new`: a fresh key, encrypted into a keystore file.
struct KeysNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Create a key and store it encrypted.")

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var password: PasswordInput

    @Flag(name: .long, help: "Make this the custodian key (the first key becomes it anyway).")
    var custodian = false

    func run() async throws {
        try await CommandOutcome.run {
            let directory = data.directory
            // An uninitialised directory is refused before any password is asked for.
            _ = try directory.configuration()
            let secret = try password.read(prompt: "Password for the new key: ")
            let key = Secp256k1.PrivateKey.generate()
            let path = try directory.keyRing.add(key, password: secret)
            let isCustodian = try directory.adoptKey(key.address, designate: custodian)
            print("\(key.address.checksummed)  \(path)\(isCustodian ? "  (custodian)" : "")")
            return 0
        }
    }
}
