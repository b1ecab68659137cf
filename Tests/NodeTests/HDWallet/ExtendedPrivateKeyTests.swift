import Testing
@testable import Node

@Suite("BIP-32 derivation")
struct ExtendedPrivateKeyTests {
    static let seed1 = hexBytes("000102030405060708090a0b0c0d0e0f")
    static let vector1: [ExtendedKeyVector] = [
        .init(path: "m", xprv: "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"),
        .init(path: "m/0'", xprv: "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7"),
        .init(path: "m/0'/1", xprv: "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs"),
        .init(path: "m/0'/1/2'", xprv: "xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM"),
        .init(path: "m/0'/1/2'/2", xprv: "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334"),
        .init(path: "m/0'/1/2'/2/1000000000", xprv: "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76"),
    ]

    static let seed2 = hexBytes("""
        fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a2
        9f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542
        """)
    static let vector2: [ExtendedKeyVector] = [
        .init(path: "m", xprv: "xprv9s21ZrQH143K31xYSDQpPDxsXRTUcvj2iNHm5NUtrGiGG5e2DtALGdso3pGz6ssrdK4PFmM8NSpSBHNqPqm55Qn3LqFtT2emdEXVYsCzC2U"),
        .init(path: "m/0", xprv: "xprv9vHkqa6EV4sPZHYqZznhT2NPtPCjKuDKGY38FBWLvgaDx45zo9WQRUT3dKYnjwih2yJD9mkrocEZXo1ex8G81dwSM1fwqWpWkeS3v86pgKt"),
        .init(path: "m/0/2147483647'", xprv: "xprv9wSp6B7kry3Vj9m1zSnLvN3xH8RdsPP1Mh7fAaR7aRLcQMKTR2vidYEeEg2mUCTAwCd6vnxVrcjfy2kRgVsFawNzmjuHc2YmYRmagcEPdU9"),
        .init(path: "m/0/2147483647'/1", xprv: "xprv9zFnWC6h2cLgpmSA46vutJzBcfJ8yaJGg8cX1e5StJh45BBciYTRXSd25UEPVuesF9yog62tGAQtHjXajPPdbRCHuWS6T8XA2ECKADdw4Ef"),
        .init(path: "m/0/2147483647'/1/2147483646'", xprv: "xprvA1RpRA33e1JQ7ifknakTFpgNXPmW2YvmhqLQYMmrj4xJXXWYpDPS3xz7iAxn8L39njGVyuoseXzU6rcxFLJ8HFsTjSyQbLYnMpCqE2VbFWc"),
        .init(path: "m/0/2147483647'/1/2147483646'/2", xprv: "xprvA2nrNbFZABcdryreWet9Ea4LvTJcGsqrMzxHx98MMrotbir7yrKCEXw7nadnHM8Dq38EGfSh6dqA9QWTyefMLEcBYJUuekgW4BYPJcr9E7j"),
    ]

    @Test("test vector 1 (hardened and normal steps)", arguments: vector1)
    func testVector1(vector: ExtendedKeyVector) throws {
        try check(vector, seed: Self.seed1)
    }

    @Test("test vector 2 (64-byte seed, indices at 2^31 - 1)", arguments: vector2)
    func testVector2(vector: ExtendedKeyVector) throws {
        try check(vector, seed: Self.seed2)
    }

    private func check(_ vector: ExtendedKeyVector, seed: [UInt8]) throws {
        let expected = try #require(try vector.decoded(), "the published xprv must decode")
        let key = try ExtendedPrivateKey(seed: seed).derive(DerivationPath(vector.path))
        #expect(key.privateKey.bytes == expected.key)
        #expect(key.chainCode == expected.chainCode)
    }

    @Test("deriving step by step equals deriving the whole path")
    func stepwise() throws {
        let master = try ExtendedPrivateKey(seed: Self.seed1)
        let path = try DerivationPath("m/0'/1/2'")
        var key = master
        for component in path.components { key = try key.child(component) }
        #expect(key == (try master.derive(path)))
        #expect(try master.derive(DerivationPath("m")) == master)
    }

    @Test("hardened and normal children of the same index differ")
    func hardenedDiffers() throws {
        let master = try ExtendedPrivateKey(seed: Self.seed1)
        let normal = try master.child(DerivationPath.Component(index: 0, hardened: false))
        let hardened = try master.child(DerivationPath.Component(index: 0, hardened: true))
        #expect(normal.privateKey != hardened.privateKey)
        #expect(normal.chainCode != hardened.chainCode)
    }

    @Test("seeds shorter than 16 or longer than 64 bytes are refused", arguments: [0, 15, 65, 128])
    func seedLength(count: Int) {
        #expect(throws: HDWalletError.invalidSeedLength(count)) {
            try ExtendedPrivateKey(seed: [UInt8](repeating: 7, count: count))
        }
    }
}
