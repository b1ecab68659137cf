/// Hands byte arrays to OpenSSL as (pointer, length) pairs.
///
/// OpenSSL rejects some NULL inputs even when their length is zero (an empty HMAC key,
/// an empty password), and an empty Swift array promises no base address, so an empty
/// input is passed as a valid pointer to a zero byte with length 0.
enum OpenSSLInput {
    static func with<R, E: Error>(
        _ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) throws(E) -> R
    ) throws(E) -> R {
        guard !bytes.isEmpty else {
            let zero: UInt8 = 0
            return try withUnsafePointer(to: zero) { (pointer) throws(E) -> R in try body(pointer, 0) }
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(E) -> R in
            // Non-empty, so the base address exists.
            try body(buffer.baseAddress!, buffer.count)
        }
    }
}
