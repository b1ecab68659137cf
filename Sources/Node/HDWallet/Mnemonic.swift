import Foundation

/// A BIP-39 mnemonic phrase in the English wordlist, checksum verified.
///
/// The phrase encodes 128 to 256 bits of entropy plus a checksum (the first ENT/32 bits
/// of SHA-256 of the entropy), 11 bits per word. The wallet seed is PBKDF2-HMAC-SHA512
/// over the phrase, which does not depend on the checksum, but a phrase whose checksum
/// fails is almost always a typo, so it is refused here.
public struct Mnemonic: Sendable, Equatable, CustomStringConvertible {
    /// The words, lowercase, from the English wordlist.
    public let words: [String]

    /// The entropy the words encode.
    public let entropy: [UInt8]

    /// Word counts BIP-39 defines.
    public static let validWordCounts: Set<Int> = [12, 15, 18, 21, 24]

    /// Reads a phrase: NFKD-normalised, split on any run of whitespace, each word looked
    /// up in the English wordlist and the checksum verified.
    public init(phrase: String) throws(MnemonicError) {
        let words = phrase.decomposedStringWithCompatibilityMapping
            .split(whereSeparator: \.isWhitespace).map(String.init)
        guard Self.validWordCounts.contains(words.count) else { throw .invalidWordCount(words.count) }
        var bits: [Bool] = []
        bits.reserveCapacity(words.count * 11)
        for (offset, word) in words.enumerated() {
            guard let value = MnemonicWordlist.englishIndex[word] else {
                throw .unknownWord(word, position: offset + 1)
            }
            for shift in stride(from: 10, through: 0, by: -1) { bits.append(value >> shift & 1 == 1) }
        }
        // ENT + ENT/32 = 11·words, so ENT = 32·words·11/33.
        let entropyBits = bits.count * 32 / 33
        var entropy = [UInt8](repeating: 0, count: entropyBits / 8)
        for i in 0..<entropyBits where bits[i] { entropy[i / 8] |= 0x80 >> UInt8(i % 8) }
        let expected = try Self.checksumBits(entropy)
        guard Array(bits[entropyBits...]) == expected else { throw .checksumMismatch }
        self.words = words
        self.entropy = entropy
    }

    /// Encodes `entropy` (16, 20, 24, 28 or 32 bytes) as a phrase of 12 to 24 words.
    public init(entropy: [UInt8]) throws(MnemonicError) {
        guard [16, 20, 24, 28, 32].contains(entropy.count) else { throw .invalidEntropyLength(entropy.count) }
        var bits: [Bool] = []
        for byte in entropy {
            for shift in stride(from: 7, through: 0, by: -1) { bits.append(byte >> UInt8(shift) & 1 == 1) }
        }
        bits += try Self.checksumBits(entropy)
        words = stride(from: 0, to: bits.count, by: 11).map { start in
            MnemonicWordlist.english[bits[start..<start + 11].reduce(0) { $0 << 1 | ($1 ? 1 : 0) }]
        }
        self.entropy = entropy
    }

    /// A new phrase from fresh entropy out of OpenSSL's CSPRNG: 12 words carry 128 bits,
    /// 24 words 256 bits.
    public static func generate(wordCount: Int = 12) throws(MnemonicError) -> Mnemonic {
        guard validWordCounts.contains(wordCount) else { throw .invalidWordCount(wordCount) }
        let entropy: [UInt8]
        do { entropy = try SecureRandom.bytes(wordCount * 4 / 3) } catch { throw .crypto(error) }
        return try Mnemonic(entropy: entropy)
    }

    /// The words joined by single spaces: the form the seed is computed from.
    public var phrase: String { words.joined(separator: " ") }

    /// The phrase; note that it is a secret.
    public var description: String { phrase }

    /// The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512 with 2048 rounds over the phrase,
    /// salted with "mnemonic" followed by the passphrase, both NFKD-normalised.
    public func seed(passphrase: String = "") throws(MnemonicError) -> [UInt8] {
        let password = Array(phrase.decomposedStringWithCompatibilityMapping.utf8)
        let salt = Array(("mnemonic" + passphrase).decomposedStringWithCompatibilityMapping.utf8)
        do {
            return try PBKDF2.deriveKey(password: password, salt: salt, iterations: 2048, keyLength: 64, using: .sha512)
        } catch {
            throw .crypto(error)
        }
    }

    /// The first ENT/32 bits of SHA-256(entropy).
    private static func checksumBits(_ entropy: [UInt8]) throws(MnemonicError) -> [Bool] {
        let digest: [UInt8]
        do { digest = try SHA256.hash(entropy).bytes } catch { throw .crypto(error) }
        return (0..<entropy.count * 8 / 32).map { i in digest[i / 8] & (0x80 >> UInt8(i % 8)) != 0 }
    }
}
