/// Why a BIP-39 mnemonic or its entropy is refused.
public enum MnemonicError: Error, Sendable, Equatable, CustomStringConvertible {
    /// BIP-39 phrases have 12, 15, 18, 21 or 24 words.
    case invalidWordCount(Int)
    /// A word is not in the English wordlist (1-based position, as a person counts).
    case unknownWord(String, position: Int)
    /// Every word is valid but the phrase's checksum bits do not match its entropy:
    /// a word was mistyped into another valid word, or the order is wrong.
    case checksumMismatch
    /// Entropy is 16, 20, 24, 28 or 32 bytes.
    case invalidEntropyLength(Int)
    /// OpenSSL failed while hashing or stretching.
    case crypto(OpenSSLError)

    public var description: String {
        switch self {
        case .invalidWordCount(let count):
            return "a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, not \(count)"
        case .unknownWord(let word, let position):
            return "word \(position) (\"\(word)\") is not in the BIP-39 English wordlist (words are lowercase)"
        case .checksumMismatch:
            return "the mnemonic's checksum does not match: check each word and their order"
        case .invalidEntropyLength(let count):
            return "BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, not \(count)"
        case .crypto(let error):
            return error.description
        }
    }
}
