/// Passing bytes to and from RocksDB's C API, which takes and returns `(char*, size_t)`.
enum RocksDBSlice {
    /// Calls `body` with a pointer to `bytes` and their count. An empty array still gets
    /// a valid pointer: RocksDB builds a `Slice` from it and may hand it to `memcmp`.
    static func with<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>, Int) -> R) -> R {
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress {
                return body(base.assumingMemoryBound(to: CChar.self), raw.count)
            }
            var empty: CChar = 0
            return withUnsafePointer(to: &empty) { body($0, 0) }
        }
    }

    /// Copies `count` bytes RocksDB returned; no bytes for a null pointer.
    static func copy(_ pointer: UnsafePointer<CChar>?, count: Int) -> [UInt8] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
