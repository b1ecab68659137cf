/// An unsigned 256-bit integer: Ethereum's `uint256`, as it appears on the wire
/// (transaction values and fees, ABI words, JSON-RPC quantities).
///
/// Inside the ledger amounts are checked `UInt128` (see `Amount`); `UInt256` exists so
/// that every wire value can be represented exactly and refused with a clear error
/// when it does not fit, never truncated and never a trap.
public struct UInt256: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var high: UInt128
    public var low: UInt128

    public static let zero = UInt256(high: 0, low: 0)
    public static let max = UInt256(high: .max, low: .max)

    public init(high: UInt128, low: UInt128) {
        self.high = high
        self.low = low
    }

    public init(_ value: UInt128) { self.init(high: 0, low: value) }
    public init(_ value: UInt64) { self.init(high: 0, low: UInt128(value)) }
    public init(_ value: Int) { self.init(high: 0, low: UInt128(UInt64(value))) }

    /// Reads at most 32 big-endian bytes (fewer are left-padded); `nil` for more.
    public init?<C: Collection>(bigEndian bytes: C) where C.Element == UInt8 {
        guard bytes.count <= 32 else { return nil }
        var high: UInt128 = 0, low: UInt128 = 0
        for b in bytes {
            high = high << 8 | low >> 120
            low = low << 8 | UInt128(b)
        }
        self.init(high: high, low: low)
    }

    /// The 32-byte big-endian form (an ABI word).
    public var bigEndianBytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        for i in 0..<16 {
            out[i] = UInt8(truncatingIfNeeded: high >> UInt128(120 - 8 * i))
            out[16 + i] = UInt8(truncatingIfNeeded: low >> UInt128(120 - 8 * i))
        }
        return out
    }

    /// Big-endian with no leading zero bytes; empty for zero (RLP's integer form).
    public var minimalBigEndianBytes: [UInt8] {
        let all = bigEndianBytes
        return Array(all.drop(while: { $0 == 0 }))
    }

    /// The number of significant bits.
    public var bitWidth: Int {
        high != 0 ? 256 - high.leadingZeroBitCount : 128 - low.leadingZeroBitCount
    }

    /// The value as `UInt128` when it fits.
    public var uint128: UInt128? { high == 0 ? low : nil }

    /// The value as `UInt64` when it fits.
    public var uint64: UInt64? { high == 0 && low <= UInt128(UInt64.max) ? UInt64(low) : nil }

    public static func < (a: UInt256, b: UInt256) -> Bool { (a.high, a.low) < (b.high, b.low) }

    /// `self + other` and whether it overflowed 256 bits.
    public func addingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (low, c) = low.addingReportingOverflow(other.low)
        let (h1, o1) = high.addingReportingOverflow(other.high)
        let (h2, o2) = h1.addingReportingOverflow(c ? 1 : 0)
        return (UInt256(high: h2, low: low), o1 || o2)
    }

    /// `self - other` and whether it went below zero.
    public func subtractingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (low, b) = low.subtractingReportingOverflow(other.low)
        let (h1, o1) = high.subtractingReportingOverflow(other.high)
        let (h2, o2) = h1.subtractingReportingOverflow(b ? 1 : 0)
        return (UInt256(high: h2, low: low), o1 || o2)
    }

    /// `self × other` and whether the product needed more than 256 bits.
    public func multipliedReportingOverflow(by other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        if high != 0 && other.high != 0 {
            return (UInt256(high: 0, low: low &* other.low), true)
        }
        let ll = low.multipliedFullWidth(by: other.low)
        let (lh, lhOverflow) = low.multipliedReportingOverflow(by: other.high)
        let (hl, hlOverflow) = high.multipliedReportingOverflow(by: other.low)
        let (cross, crossOverflow) = lh.addingReportingOverflow(hl)
        let (top, topOverflow) = ll.high.addingReportingOverflow(cross)
        return (UInt256(high: top, low: ll.low), lhOverflow || hlOverflow || crossOverflow || topOverflow)
    }

    /// Quotient and remainder of division by a non-zero 64-bit divisor.
    public func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: UInt256, remainder: UInt64) {
        precondition(divisor != 0, "division by zero")
        var quotient = UInt256.zero
        var remainder: UInt128 = 0
        let d = UInt128(divisor)
        // Long division in 64-bit digits, most significant first.
        let digits = [UInt64(truncatingIfNeeded: high >> 64), UInt64(truncatingIfNeeded: high),
                      UInt64(truncatingIfNeeded: low >> 64), UInt64(truncatingIfNeeded: low)]
        var q = [UInt64](repeating: 0, count: 4)
        for (i, digit) in digits.enumerated() {
            let current = remainder << 64 | UInt128(digit)
            q[i] = UInt64(current / d)
            remainder = current % d
        }
        quotient.high = UInt128(q[0]) << 64 | UInt128(q[1])
        quotient.low = UInt128(q[2]) << 64 | UInt128(q[3])
        return (quotient, UInt64(remainder))
    }

    /// Decimal digits.
    public var description: String {
        if high == 0 { return String(low) }
        var digits: [String] = []
        var value = self
        let chunk: UInt64 = 10_000_000_000_000_000_000  // 10^19
        while value != .zero {
            let (q, r) = value.quotientAndRemainder(dividingBy: chunk)
            digits.append(String(r))
            value = q
        }
        var out = digits.removeLast()
        for d in digits.reversed() { out += String(repeating: "0", count: 19 - d.count) + d }
        return out
    }

    /// Parses decimal digits; `nil` on a non-digit, an empty string or a value above 2^256 - 1.
    public init?(decimal text: String) {
        guard !text.isEmpty else { return nil }
        var value = UInt256.zero
        let ten = UInt256(10 as UInt64)
        for c in text.utf8 {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: ten)
            let (s, o2) = m.addingReportingOverflow(UInt256(UInt64(c - 0x30)))
            guard !o1 && !o2 else { return nil }
            value = s
        }
        self = value
    }
}
