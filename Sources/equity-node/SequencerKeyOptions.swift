import ArgumentParser
import Foundation
import Node

/// `--sequencer-key FILE` and `--sequencer-key-password-file FILE`: the keystore
/// (Web3 Secret Storage v3) of the genesis sequencer, whose key signs the block feed.
struct SequencerKeyOptions: ParsableArguments {
    @Option(name: .long, help: "Keystore file (Web3 Secret Storage v3) of the genesis sequencer's key; with it the node publishes the signed block feed that followers replay.")
    var sequencerKey: String?

    @Option(name: .long, help: "File whose first line is the sequencer keystore's password (default: the EQUITY_SEQUENCER_KEY_PASSWORD environment variable).")
    var sequencerKeyPasswordFile: String?

    /// Environment variable read when no password file is given.
    static let passwordVariable = "EQUITY_SEQUENCER_KEY_PASSWORD"

    /// The feed signer, or nil without `--sequencer-key`. Refuses a wrong password and
    /// a key that is not the genesis sequencer's.
    func signer(for genesis: Genesis) throws -> BlockFeedSigner? {
        guard let sequencerKey else {
            guard sequencerKeyPasswordFile == nil else { throw NodeStartError("--sequencer-key-password-file needs --sequencer-key") }
            return nil
        }
        let password: String
        if let file = sequencerKeyPasswordFile {
            do {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                password = String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            } catch {
                throw NodeStartError("cannot read the sequencer key password file \(file): \(error.localizedDescription)")
            }
        } else if let value = ProcessInfo.processInfo.environment[Self.passwordVariable] {
            password = value
        } else {
            throw NodeStartError("--sequencer-key needs its password: give --sequencer-key-password-file FILE or set \(Self.passwordVariable)")
        }
        do {
            let key = try KeystoreFile(contentsOfFile: sequencerKey).decrypt(password: password)
            return try BlockFeedSigner(key: key, genesis: genesis)
        } catch let error as KeystoreError {
            throw NodeStartError("sequencer key \(sequencerKey): \(error)")
        } catch {
            throw NodeStartError("\(error)")
        }
    }
}
