import CSecp256k1

extension Secp256k1 {
    /// A secp256k1 public key (a curve point).
    public struct PublicKey: Sendable, Equatable {
        let raw: secp256k1_pubkey

        init(raw: secp256k1_pubkey) { self.raw = raw }

        /// Parses a 33-byte compressed or 65-byte uncompressed SEC1 encoding.
        public init<C: Collection>(serialized: C) throws(Failure) where C.Element == UInt8 {
            var pub = secp256k1_pubkey()
            let input = Array(serialized)
            guard secp256k1_ec_pubkey_parse(context.raw, &pub, input, input.count) == 1 else { throw .invalidPublicKey }
            raw = pub
        }

        /// 65 bytes: 0x04 ‖ X ‖ Y.
        public var uncompressed: [UInt8] { serialize(flags: UInt32(SECP256K1_EC_UNCOMPRESSED), length: 65) }

        /// 33 bytes: 0x02/0x03 ‖ X.
        public var compressed: [UInt8] { serialize(flags: UInt32(SECP256K1_EC_COMPRESSED), length: 33) }

        /// The Ethereum address: Keccak-256 of X ‖ Y, last 20 bytes.
        public var address: Address { Address(publicKeyBody: Array(uncompressed.dropFirst())) }

        private func serialize(flags: UInt32, length: Int) -> [UInt8] {
            var out = [UInt8](repeating: 0, count: length)
            var len = length
            var pub = raw
            _ = secp256k1_ec_pubkey_serialize(context.raw, &out, &len, &pub, flags)
            return out
        }

        public static func == (a: PublicKey, b: PublicKey) -> Bool { a.uncompressed == b.uncompressed }
    }
}
