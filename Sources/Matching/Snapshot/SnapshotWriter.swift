/// Appends fixed-width little-endian fields to a byte buffer.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }

    mutating func optional(_ value: Int64?) {
        u8(value == nil ? 0 : 1)
        i64(value ?? 0)
    }
}
