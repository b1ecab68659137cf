/// Why a BIP-32 derivation fails.
public enum HDWalletError: Error, Sendable, Equatable, CustomStringConvertible {
    /// BIP-32 seeds are 16 to 64 bytes.
    case invalidSeedLength(Int)
    /// The seed's HMAC is not a usable key (zero or not below the curve order).
    case invalidMasterKey
    /// The step's HMAC is not a usable key; BIP-32 says to skip to the next index.
    case invalidChild(DerivationPath.Component)
    /// OpenSSL failed while computing an HMAC.
    case crypto(OpenSSLError)

    public var description: String {
        switch self {
        case .invalidSeedLength(let count):
            return "a BIP-32 seed is 16 to 64 bytes, not \(count)"
        case .invalidMasterKey:
            return "this seed gives no valid BIP-32 master key (probability below 2^-127): use another seed"
        case .invalidChild(let component):
            return "child \(component) gives no valid key (probability below 2^-127): use the next index"
        case .crypto(let error):
            return error.description
        }
    }
}
