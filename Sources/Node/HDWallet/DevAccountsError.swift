/// Why the development accounts could not be derived.
public enum DevAccountsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The count is negative or beyond the 2^31 normal indices.
    case invalidCount(Int)
    case mnemonic(MnemonicError)
    case path(DerivationPath.ParseError)
    case derivation(HDWalletError)

    public var description: String {
        switch self {
        case .invalidCount(let count): return "cannot derive \(count) dev accounts: ask for 0 to 2147483648"
        case .mnemonic(let error): return "dev mnemonic: \(error)"
        case .path(let error): return "dev account path: \(error)"
        case .derivation(let error): return "dev account derivation: \(error)"
        }
    }
}
