/// Canonical RLP for the fixed-shape values transactions carry, written straight into
/// the output without building `RLPItem`s or temporary byte arrays.
extension RLP {
    /// An unsigned integer: big-endian, no leading zeros, zero as the empty string.
    static func appendUInt(_ value: UInt64, to out: inout [UInt8]) {
        if value != 0 && value < 0x80 {
            out.append(UInt8(value))
            return
        }
        let count = (UInt64.bitWidth - value.leadingZeroBitCount + 7) / 8
        out.append(0x80 + UInt8(count))
        var shift = 8 * (count - 1)
        while shift >= 0 {
            out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            shift -= 8
        }
    }

    /// A 256-bit unsigned integer in the same canonical form.
    static func appendUInt(_ value: UInt256, to out: inout [UInt8]) {
        if let small = value.uint64 {
            appendUInt(small, to: &out)
            return
        }
        let count = (value.bitWidth + 7) / 8
        out.append(0x80 + UInt8(count))
        for i in stride(from: count - 1, through: 0, by: -1) {
            let word = i >= 16 ? value.high : value.low
            out.append(UInt8(truncatingIfNeeded: word >> UInt128(8 * (i % 16))))
        }
    }

    /// A signature scalar (r or s) as the canonical integer it is on the wire.
    static func appendScalar(_ value: Bytes32, to out: inout [UInt8]) {
        let high = UInt128(value.w0) << 64 | UInt128(value.w1)
        let low = UInt128(value.w2) << 64 | UInt128(value.w3)
        appendUInt(UInt256(high: high, low: low), to: &out)
    }

    /// A typed transaction's signature: yParity, r, s.
    static func appendSignature(_ signature: Secp256k1.RecoverableSignature, to out: inout [UInt8]) {
        appendUInt(UInt64(signature.recoveryId), to: &out)
        appendScalar(signature.r, to: &out)
        appendScalar(signature.s, to: &out)
    }

    /// A 20-byte address string.
    static func appendAddress(_ address: Address, to out: inout [UInt8]) {
        out.append(0x80 + 20)
        appendBigEndian(UInt64(address.w0), bytes: 4, to: &out)
        appendBigEndian(address.w1, bytes: 8, to: &out)
        appendBigEndian(address.w2, bytes: 8, to: &out)
    }

    /// A transaction's `to`: the address, or the empty string for a contract creation.
    static func appendRecipient(_ address: Address?, to out: inout [UInt8]) {
        if let address { appendAddress(address, to: &out) } else { out.append(0x80) }
    }

    /// A 32-byte string (a storage key).
    static func appendBytes32(_ value: Bytes32, to out: inout [UInt8]) {
        out.append(0x80 + 32)
        appendBigEndian(value.w0, bytes: 8, to: &out)
        appendBigEndian(value.w1, bytes: 8, to: &out)
        appendBigEndian(value.w2, bytes: 8, to: &out)
        appendBigEndian(value.w3, bytes: 8, to: &out)
    }

    /// How many bytes the header of a list or string with `payload` bytes takes (strings
    /// of one byte below 0x80 aside, which have none).
    static func headerLength(payload: Int) -> Int {
        payload < 56 ? 1 : 1 + (Int.bitWidth - payload.leadingZeroBitCount + 7) / 8
    }

    /// Wraps `payload` (concatenated encoded items) in a list header, behind an optional
    /// EIP-2718 type byte.
    static func list(typeByte: UInt8?, payload: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(1 + headerLength(payload: payload.count) + payload.count)
        if let typeByte { out.append(typeByte) }
        appendHeader(listPayload: payload.count, to: &out)
        out.append(contentsOf: payload)
        return out
    }

    private static func appendBigEndian(_ value: UInt64, bytes: Int, to out: inout [UInt8]) {
        var shift = 8 * (bytes - 1)
        while shift >= 0 {
            out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            shift -= 8
        }
    }
}
