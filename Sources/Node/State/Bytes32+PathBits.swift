/// Bit access on a 32-byte state-tree path, numbered as the state root numbers them:
/// bit 0 is the most significant bit of byte 0, bit 255 the least significant bit of byte 31.
extension Bytes32 {
    /// The bit at `index` (0...255): 0 or 1.
    @inline(__always)
    func pathBit(_ index: Int) -> Int {
        let word: UInt64
        switch index &>> 6 {
        case 0: word = w0
        case 1: word = w1
        case 2: word = w2
        default: word = w3
        }
        return Int(truncatingIfNeeded: (word &>> UInt64(63 &- (index & 63))) & 1)
    }

    /// The index of the first bit (from bit 0) where `self` and `other` differ, or `nil`
    /// when they are equal: the crit bit at which a branch separates them.
    @inline(__always)
    func firstDifferingBit(_ other: Bytes32) -> Int? {
        if w0 != other.w0 { return (w0 ^ other.w0).leadingZeroBitCount }
        if w1 != other.w1 { return 64 + (w1 ^ other.w1).leadingZeroBitCount }
        if w2 != other.w2 { return 128 + (w2 ^ other.w2).leadingZeroBitCount }
        if w3 != other.w3 { return 192 + (w3 ^ other.w3).leadingZeroBitCount }
        return nil
    }

    /// Writes the 32 bytes, big-endian, at `offset` in `buffer` (no alignment needed).
    @inline(__always)
    func store(into buffer: UnsafeMutableRawPointer, at offset: Int) {
        buffer.storeBytes(of: w0.bigEndian, toByteOffset: offset, as: UInt64.self)
        buffer.storeBytes(of: w1.bigEndian, toByteOffset: offset + 8, as: UInt64.self)
        buffer.storeBytes(of: w2.bigEndian, toByteOffset: offset + 16, as: UInt64.self)
        buffer.storeBytes(of: w3.bigEndian, toByteOffset: offset + 24, as: UInt64.self)
    }

    /// Reads 32 bytes, big-endian, at `offset` in `buffer` (no alignment needed).
    @inline(__always)
    init(loading buffer: UnsafeRawPointer, at offset: Int) {
        self.init(
            w0: UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
            w1: UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)),
            w2: UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)),
            w3: UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
    }
}
