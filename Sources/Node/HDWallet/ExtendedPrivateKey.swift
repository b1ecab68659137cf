/// A BIP-32 extended private key: a secp256k1 private key and its chain code.
public struct ExtendedPrivateKey: Sendable, Equatable {
    /// The private key at this node of the tree.
    public let privateKey: Secp256k1.PrivateKey
    /// 32 bytes of extra entropy that children are derived with.
    public let chainCode: [UInt8]

    /// BIP-32's HMAC key for the master node.
    private static let masterHMACKey = Array("Bitcoin seed".utf8)

    /// The master key of `seed` (16 to 64 bytes; BIP-39 seeds are 64).
    public init(seed: [UInt8]) throws(HDWalletError) {
        guard (16...64).contains(seed.count) else { throw .invalidSeedLength(seed.count) }
        let digest: [UInt8]
        do { digest = try HMAC.sha512(seed, key: Self.masterHMACKey) } catch { throw .crypto(error) }
        do { privateKey = try Secp256k1.PrivateKey(bytes: digest[0..<32]) } catch { throw .invalidMasterKey }
        chainCode = Array(digest[32..<64])
    }

    private init(privateKey: Secp256k1.PrivateKey, chainCode: [UInt8]) {
        self.privateKey = privateKey
        self.chainCode = chainCode
    }

    /// The child at `component` (BIP-32 CKDpriv): hardened children hash the parent's
    /// private key, normal children its compressed public key.
    public func child(_ component: DerivationPath.Component) throws(HDWalletError) -> ExtendedPrivateKey {
        let number = component.childNumber
        let indexBytes: [UInt8] = [UInt8(number >> 24), UInt8(number >> 16 & 0xff), UInt8(number >> 8 & 0xff), UInt8(number & 0xff)]
        let data = component.hardened
            ? [0] + privateKey.bytes + indexBytes
            : privateKey.publicKey.compressed + indexBytes
        let digest: [UInt8]
        do { digest = try HMAC.sha512(data, key: chainCode) } catch { throw .crypto(error) }
        // (parent + I_L) mod n; libsecp256k1 refuses I_L ≥ n and a zero result, the two
        // cases where BIP-32 declares the child invalid.
        do {
            let key = try privateKey.tweakAdd(digest[0..<32])
            return ExtendedPrivateKey(privateKey: key, chainCode: Array(digest[32..<64]))
        } catch {
            throw .invalidChild(component)
        }
    }

    /// The descendant at `path`, relative to this key (for the master key, `path` is absolute).
    public func derive(_ path: DerivationPath) throws(HDWalletError) -> ExtendedPrivateKey {
        var key = self
        for component in path.components { key = try key.child(component) }
        return key
    }
}
