/// One development account: a key derived from the public test mnemonic.
public struct DevAccount: Sendable, Equatable {
    /// Position i in m/44'/60'/0'/0/i.
    public let index: Int
    /// The full derivation path.
    public let path: DerivationPath
    /// The private key; public knowledge, see `DevAccounts`.
    public let privateKey: Secp256k1.PrivateKey

    /// The account's address.
    public var address: Address { privateKey.address }
}
