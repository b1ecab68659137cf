import CSecp256k1

/// ECDSA over secp256k1 through libsecp256k1: keys, RFC 6979 signing, recoverable
/// signatures and public-key recovery, with Ethereum's rules (r and s in range, low s).
///
/// One context is created for the whole process, randomized against side channels,
/// and shared: libsecp256k1 contexts are safe to use from many threads at once for
/// every operation used here (none mutate the context after randomization).
public enum Secp256k1 {
    /// Why a key or signature is refused.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case invalidPrivateKey
        case invalidPublicKey
        case signatureValueOutOfRange(String)
        case highS
        case invalidRecoveryId(UInt8)
        case recoveryFailed
        case tweakOutOfRange

        public var description: String {
            switch self {
            case .invalidPrivateKey: return "invalid private key: must be 32 bytes in [1, n-1]"
            case .invalidPublicKey: return "invalid public key"
            case .signatureValueOutOfRange(let v): return "invalid signature: \(v) is zero or not below the curve order"
            case .highS: return "invalid signature: s is in the upper half of the curve order (EIP-2)"
            case .invalidRecoveryId(let v): return "invalid signature: recovery id \(v) is not 0 or 1"
            case .recoveryFailed: return "invalid signature: no public key recovers from it"
            case .tweakOutOfRange: return "derived key is out of range"
            }
        }
    }

    /// The curve order n, big-endian.
    static let order: [UInt8] = Hex.decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")!
    /// n / 2: the largest s Ethereum accepts (EIP-2).
    static let halfOrder: [UInt8] = Hex.decode("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0")!

    /// The shared context.
    static let context: Context = Context()

    /// Owns the process-wide libsecp256k1 context.
    final class Context: @unchecked Sendable {
        // Safe to share: after `secp256k1_context_randomize` below, every call we make
        // takes the context as `const` (libsecp256k1's documented thread-safety rule).
        let raw: OpaquePointer

        init() {
            raw = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE))!
            // Randomization only blinds against side channels; without random bytes the
            // context is still correct, so a failure here is not fatal.
            if var seed = try? SecureRandom.bytes(32) { _ = secp256k1_context_randomize(raw, &seed) }
        }

        deinit { secp256k1_context_destroy(raw) }
    }

    /// Whether `bytes` (32, big-endian) is in [1, n-1].
    static func isScalarInRange<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.count == 32 && bytes.contains(where: { $0 != 0 }) && bytes.lexicographicallyPrecedes(order)
    }

    /// Whether `s` (32 bytes, big-endian) is at most n/2.
    static func isLowS<C: Collection>(_ s: C) -> Bool where C.Element == UInt8 {
        !halfOrder.lexicographicallyPrecedes(s)
    }
}
