import CSecp256k1

extension Secp256k1 {
    /// An ECDSA signature with its recovery id, as Ethereum transactions carry it
    /// (r, s, and y-parity / v).
    public struct RecoverableSignature: Sendable, Equatable, Hashable {
        public let r: Bytes32
        public let s: Bytes32
        /// 0 or 1: the parity of the ephemeral point's y coordinate.
        public let recoveryId: UInt8

        public init(r: Bytes32, s: Bytes32, recoveryId: UInt8) {
            self.r = r
            self.s = s
            self.recoveryId = recoveryId
        }

        /// Checks Ethereum's transaction-signature rules: r and s in [1, n-1], s ≤ n/2
        /// (EIP-2, as geth enforces), recovery id 0 or 1.
        public func validate() throws(Failure) {
            let rb = r.bytes, sb = s.bytes
            guard Secp256k1.isScalarInRange(rb) else { throw .signatureValueOutOfRange("r") }
            guard Secp256k1.isScalarInRange(sb) else { throw .signatureValueOutOfRange("s") }
            guard Secp256k1.isLowS(sb) else { throw .highS }
            guard recoveryId <= 1 else { throw .invalidRecoveryId(recoveryId) }
        }

        /// Recovers the signer's public key from the signed digest, after `validate()`.
        public func recoverPublicKey(digest: Bytes32) throws(Failure) -> PublicKey {
            try validate()
            let ctx = Secp256k1.context.raw
            var compact = r.bytes + s.bytes
            var sig = secp256k1_ecdsa_recoverable_signature()
            guard secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, &compact, Int32(recoveryId)) == 1 else {
                throw .recoveryFailed
            }
            var pub = secp256k1_pubkey()
            let msg = digest.bytes
            guard secp256k1_ecdsa_recover(ctx, &pub, &sig, msg) == 1 else { throw .recoveryFailed }
            return PublicKey(raw: pub)
        }

        /// Recovers the signer's address.
        public func recoverAddress(digest: Bytes32) throws(Failure) -> Address {
            try recoverPublicKey(digest: digest).address
        }
    }
}
