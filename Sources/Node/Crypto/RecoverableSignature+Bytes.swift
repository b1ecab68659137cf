extension Secp256k1.RecoverableSignature {
    /// Why 65 signature bytes are refused.
    public enum BytesError: Error, Equatable, Sendable, CustomStringConvertible {
        case wrongLength(Int)
        case invalidV(UInt8)

        public var description: String {
            switch self {
            case .wrongLength(let n): return "signature must be 65 bytes (r ‖ s ‖ v), not \(n)"
            case .invalidV(let v): return "signature v byte must be 27 or 28 (or 0 or 1), not \(v)"
            }
        }
    }

    /// Reads the 65-byte form wallets and libraries produce for signed messages
    /// (`eth_signTypedData_v4`, eth_account's `signature`, ethers' `signTypedData`):
    /// r ‖ s ‖ v, with v 27 or 28; 0 and 1 (the raw recovery id, which some hardware
    /// wallets give) are accepted too. Range and low-s are checked on recovery.
    public init(bytes65 bytes: [UInt8]) throws(BytesError) {
        guard bytes.count == 65 else { throw .wrongLength(bytes.count) }
        let v = bytes[64]
        let recoveryId: UInt8
        switch v {
        case 27, 28: recoveryId = v - 27
        case 0, 1: recoveryId = v
        default: throw .invalidV(v)
        }
        // Both slices are exactly 32 bytes.
        self.init(r: Bytes32(bytes: bytes[0..<32])!, s: Bytes32(bytes: bytes[32..<64])!, recoveryId: recoveryId)
    }

    /// r ‖ s ‖ v with v = 27 + recovery id: what wallets return for a signed message.
    public var bytes65: [UInt8] { r.bytes + s.bytes + [27 + recoveryId] }
}
