import Testing
@testable import Node

@Suite("BIP-39 mnemonics")
struct MnemonicTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let entropy: String
        let phrase: String
        let seed: String
        var testDescription: String { String(phrase.prefix(40)) }
    }

    /// Entries of the Trezor reference vectors (python-mnemonic's vectors.json, English),
    /// whose seeds all use the passphrase "TREZOR".
    static let trezor: [Vector] = [
        Vector(
            entropy: "00000000000000000000000000000000",
            phrase: "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
            seed: "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04"),
        Vector(
            entropy: "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
            phrase: "legal winner thank year wave sausage worth useful legal winner thank yellow",
            seed: "2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607"),
        Vector(
            entropy: "80808080808080808080808080808080",
            phrase: "letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
            seed: "d71de856f81a8acc65e6fc851a38d4d7ec216fd0796d0a6827a3ad6ed5511a30fa280f12eb2e47ed2ac03b5c462a0358d18d69fe4f985ec81778c1b370b652a8"),
        Vector(
            entropy: "ffffffffffffffffffffffffffffffff",
            phrase: "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
            seed: "ac27495480225222079d7be181583751e86f571027b0497b5b5d11218e0a8a13332572917f0f8e5a589620c6f15b11c61dee327651a14c34e18231052e48c069"),
        Vector(
            entropy: "000000000000000000000000000000000000000000000000",
            phrase: "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon agent",
            seed: "035895f2f481b1b0f01fcf8c289c794660b289981a78f8106447707fdd9666ca06da5a9a565181599b79f53b844d8a71dd9f439c52a3d7b3e8a79c906ac845fa"),
        Vector(
            entropy: "0000000000000000000000000000000000000000000000000000000000000000",
            phrase: "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art",
            seed: "bda85446c68413707090a52022edd26a1c9462295029f2e60cd7c4f2bbd3097170af7a4d73245cafa9c3cca8d561a7c3de6f5d4a10be8ed2a5e608d68f92fcc8"),
        Vector(
            entropy: "9e885d952ad362caeb4efe34a8e91bd2",
            phrase: "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
            seed: "274ddc525802f7c828d8ef7ddbcdc5304e87ac3535913611fbbfa986d0c9e5476c91689f9c8a54fd55bd38606aa6a8595ad213d4c9c9f9aca3fb217069a41028"),
        Vector(
            entropy: "f585c11aec520db57dd353c69554b21a89b20fb0650966fa0a9d6f74fd989d8f",
            phrase: "void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist slush involve unfold",
            seed: "01f5bced59dec48e362f2c45b5de68b9fd6c92c6634f44d6d40aab69056506f0e35524a518034ddc1192e1dacd32c1ed3eaa3c3b131c88ed8e7e54c49a5d0998"),
    ]

    @Test("Trezor vectors: entropy → phrase, phrase → entropy, phrase + \"TREZOR\" → seed", arguments: trezor)
    func trezorVectors(vector: Vector) throws {
        #expect(try Mnemonic(entropy: hexBytes(vector.entropy)).phrase == vector.phrase)
        let mnemonic = try Mnemonic(phrase: vector.phrase)
        #expect(mnemonic.entropy == hexBytes(vector.entropy))
        #expect(try mnemonic.seed(passphrase: "TREZOR") == hexBytes(vector.seed))
    }

    @Test("the first Trezor seed gives the vector's BIP-32 master key")
    func trezorMasterKey() throws {
        let seed = try Mnemonic(phrase: Self.trezor[0].phrase).seed(passphrase: "TREZOR")
        let vector = ExtendedKeyVector(
            path: "m",
            xprv: "xprv9s21ZrQH143K3h3fDYiay8mocZ3afhfULfb5GX8kCBdno77K4HiA15Tg23wpbeF1pLfs1c5SPmYHrEpTuuRhxMwvKDwqdKiGJS9XFKzUsAF")
        let expected = try #require(try vector.decoded())
        let master = try ExtendedPrivateKey(seed: seed)
        #expect(master.privateKey.bytes == expected.key)
        #expect(master.chainCode == expected.chainCode)
    }

    @Test("the committed wordlist is the official English list (SHA-256 of english.txt)")
    func wordlistDigest() throws {
        let file = MnemonicWordlist.english.map { $0 + "\n" }.joined()
        #expect(MnemonicWordlist.english.count == 2048)
        #expect(try SHA256.hash(Array(file.utf8)).hex == "0x2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda")
    }

    @Test("extra whitespace is ignored; the passphrase is NFKD-normalised")
    func normalisation() throws {
        let spaced = try Mnemonic(phrase: "  legal winner thank year\twave sausage worth useful legal winner thank\n yellow ")
        #expect(spaced.phrase == Self.trezor[1].phrase)
        let mnemonic = try Mnemonic(phrase: Self.trezor[0].phrase)
        // U+00E9 and "e" + U+0301 are the same text; NFKD makes them the same bytes.
        #expect(try mnemonic.seed(passphrase: "caf\u{e9}") == mnemonic.seed(passphrase: "cafe\u{301}"))
        #expect(try mnemonic.seed(passphrase: "caf\u{e9}") != mnemonic.seed(passphrase: "cafe"))
        #expect(try mnemonic.seed() != mnemonic.seed(passphrase: "TREZOR"))
    }

    @Test("generated phrases have the asked-for length, read back, and differ", arguments: [12, 15, 18, 21, 24])
    func generate(wordCount: Int) throws {
        let a = try Mnemonic.generate(wordCount: wordCount)
        let b = try Mnemonic.generate(wordCount: wordCount)
        #expect(a.words.count == wordCount)
        #expect(a.entropy.count == wordCount * 4 / 3)
        #expect(try Mnemonic(phrase: a.phrase) == a)
        #expect(a != b)
    }

    @Test("bad phrases are refused with the reason", arguments: [
        ("", MnemonicError.invalidWordCount(0)),
        ("abandon abandon abandon", .invalidWordCount(3)),
        (Array(repeating: "abandon", count: 13).joined(separator: " "), .invalidWordCount(13)),
        ("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon",
            .checksumMismatch),
        ("legal winner thank year wave sausage worth useful legal winner thank zoo", .checksumMismatch),
        ("legal winner thank year wave sausage worth useful legal winner thank yelow",
            .unknownWord("yelow", position: 12)),
        ("Legal winner thank year wave sausage worth useful legal winner thank yellow",
            .unknownWord("Legal", position: 1)),
    ])
    func badPhrases(phrase: String, expected: MnemonicError) {
        #expect(throws: expected) { try Mnemonic(phrase: phrase) }
    }

    @Test("entropy of a non-BIP-39 length is refused", arguments: [0, 8, 15, 17, 33, 64])
    func badEntropy(count: Int) {
        #expect(throws: MnemonicError.invalidEntropyLength(count)) {
            try Mnemonic(entropy: [UInt8](repeating: 1, count: count))
        }
    }

    @Test("a word count BIP-39 does not define cannot be generated", arguments: [-1, 0, 11, 13, 25])
    func badWordCount(count: Int) {
        #expect(throws: MnemonicError.invalidWordCount(count)) { try Mnemonic.generate(wordCount: count) }
    }
}
