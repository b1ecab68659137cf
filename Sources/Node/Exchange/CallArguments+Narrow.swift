/// Narrow unsigned arguments (`uint8`, `uint32`), which the ABI decoder has already
/// checked to fit their declared width.
extension CallArguments {
    func uint8(_ i: Int) throws(Revert) -> UInt8 {
        guard let v = UInt8(exactly: try uint64(i)) else { throw Revert("argument \(i) of \(function.signature): does not fit in 8 bits") }
        return v
    }

    func uint32(_ i: Int) throws(Revert) -> UInt32 {
        guard let v = UInt32(exactly: try uint64(i)) else { throw Revert("argument \(i) of \(function.signature): does not fit in 32 bits") }
        return v
    }
}
