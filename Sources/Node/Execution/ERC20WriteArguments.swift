/// The arguments of ERC-20's three writes (`transfer`, `approve`, `transferFrom`), read
/// in place from calldata: nearly every transaction is one of them, and the generic
/// path (strict ABI decoding into `ABIValue`s, then typed accessors) allocates for each.
///
/// Each reader accepts exactly the calldata that `CallArguments` (the strict decoder
/// and its accessors) accepts for that function, with the same values, and returns nil
/// for anything else; the caller then takes the generic path, which refuses the call
/// with its precise message. The selector is the caller's to check. What the strict
/// decoder asks of these static signatures: the length is exactly 4 + 32 bytes per
/// argument (no truncation, no trailing bytes), and an address word's first 12 bytes are
/// zero. A `uint256` word is any 32 bytes; `amount` then refuses more than 128 bits,
/// while `approve`'s amount saturates to `UInt128.max`.
enum ERC20WriteArguments {
    /// `transfer(address to, uint256 value)`.
    static func transfer(_ data: [UInt8]) -> (to: Address, amount: UInt128)? {
        guard data.count == 4 + 2 * 32 else { return nil }
        return data.withUnsafeBytes { raw -> (Address, UInt128)? in
            guard let to = address(raw, word: 0), let amount = amount(raw, word: 1) else { return nil }
            return (to, amount)
        }
    }

    /// `approve(address spender, uint256 value)`; a value above 128 bits means unlimited.
    static func approve(_ data: [UInt8]) -> (spender: Address, amount: UInt128)? {
        guard data.count == 4 + 2 * 32 else { return nil }
        return data.withUnsafeBytes { raw -> (Address, UInt128)? in
            guard let spender = address(raw, word: 0) else { return nil }
            return (spender, amount(raw, word: 1) ?? .max)
        }
    }

    /// `transferFrom(address from, address to, uint256 value)`.
    static func transferFrom(_ data: [UInt8]) -> (from: Address, to: Address, amount: UInt128)? {
        guard data.count == 4 + 3 * 32 else { return nil }
        return data.withUnsafeBytes { raw -> (Address, Address, UInt128)? in
            guard let from = address(raw, word: 0), let to = address(raw, word: 1), let amount = amount(raw, word: 2) else {
                return nil
            }
            return (from, to, amount)
        }
    }

    /// Big-endian 64-bit word `part` (0...3) of argument word `word`.
    @inline(__always)
    private static func load(_ raw: UnsafeRawBufferPointer, word: Int, part: Int) -> UInt64 {
        UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 4 + 32 * word + 8 * part, as: UInt64.self))
    }

    /// An address word: 12 zero bytes, then the 20 address bytes.
    @inline(__always)
    private static func address(_ raw: UnsafeRawBufferPointer, word: Int) -> Address? {
        let a = load(raw, word: word, part: 0), b = load(raw, word: word, part: 1)
        guard a == 0, b >> 32 == 0 else { return nil }
        return Address(w0: UInt32(truncatingIfNeeded: b), w1: load(raw, word: word, part: 2), w2: load(raw, word: word, part: 3))
    }

    /// A `uint256` word that fits in 128 bits.
    @inline(__always)
    private static func amount(_ raw: UnsafeRawBufferPointer, word: Int) -> UInt128? {
        guard load(raw, word: word, part: 0) == 0, load(raw, word: word, part: 1) == 0 else { return nil }
        return UInt128(load(raw, word: word, part: 2)) << 64 | UInt128(load(raw, word: word, part: 3))
    }
}
