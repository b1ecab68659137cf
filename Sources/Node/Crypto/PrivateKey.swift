import CSecp256k1

extension Secp256k1 {
    /// A secp256k1 private key: 32 bytes in [1, n-1].
    public struct PrivateKey: Sendable, Equatable {
        /// The 32 key bytes, big-endian. Handle with care.
        public let bytes: [UInt8]

        /// Refuses anything that is not a valid secret key.
        public init<C: Collection>(bytes: C) throws(Failure) where C.Element == UInt8 {
            let raw = Array(bytes)
            guard raw.count == 32, secp256k1_ec_seckey_verify(context.raw, raw) == 1 else {
                throw .invalidPrivateKey
            }
            self.bytes = raw
        }

        /// A new key from the system CSPRNG (OpenSSL's DRBG, seeded by the OS).
        ///
        /// Stops the process if the generator cannot produce bytes: no secure key can be
        /// made then, and carrying on with a weak one would be worse (as Go's crypto/rand).
        public static func generate() -> PrivateKey {
            while true {
                let candidate: [UInt8]
                do { candidate = try SecureRandom.bytes(32) } catch { fatalError("no secure randomness: \(error)") }
                if let key = try? PrivateKey(bytes: candidate) { return key }
            }
        }

        /// The matching public key.
        public var publicKey: PublicKey {
            var pub = secp256k1_pubkey()
            // Cannot fail: the key was verified on construction.
            _ = secp256k1_ec_pubkey_create(context.raw, &pub, bytes)
            return PublicKey(raw: pub)
        }

        /// The Ethereum address of this key.
        public var address: Address { publicKey.address }

        /// Signs a 32-byte digest deterministically (RFC 6979). libsecp256k1 always
        /// produces low-s signatures.
        public func sign(digest: Bytes32) -> RecoverableSignature {
            var sig = secp256k1_ecdsa_recoverable_signature()
            let msg = digest.bytes
            _ = secp256k1_ecdsa_sign_recoverable(context.raw, &sig, msg, bytes, nil, nil)
            var compact = [UInt8](repeating: 0, count: 64)
            var recid: Int32 = 0
            _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(context.raw, &compact, &recid, &sig)
            return RecoverableSignature(
                r: Bytes32(bytes: compact[0..<32])!, s: Bytes32(bytes: compact[32..<64])!, recoveryId: UInt8(recid))
        }

        /// `(self + tweak) mod n`, as BIP-32 child derivation needs; fails when the
        /// tweak is not below n or the result is zero.
        public func tweakAdd<C: Collection>(_ tweak: C) throws(Failure) -> PrivateKey where C.Element == UInt8 {
            let t = Array(tweak)
            guard t.count == 32 else { throw .tweakOutOfRange }
            var key = bytes
            guard secp256k1_ec_seckey_tweak_add(context.raw, &key, t) == 1 else { throw .tweakOutOfRange }
            return try PrivateKey(bytes: key)
        }
    }
}
