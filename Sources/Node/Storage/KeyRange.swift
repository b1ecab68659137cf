extension RocksDB {
    /// The keys a cursor visits: `lower <= key < upper` in RocksDB's bytewise order
    /// (unsigned, lexicographic; a key sorts after each of its prefixes). A `nil` bound
    /// leaves that end open.
    public struct KeyRange: Sendable, Equatable {
        /// The first key included, or `nil` for the start of the column family.
        public let lower: [UInt8]?
        /// The first key excluded, or `nil` for the end of the column family.
        public let upper: [UInt8]?

        /// Every key of the column family.
        public static let all = KeyRange(lower: nil, upper: nil)

        /// Keys from `lower` (included) to `upper` (excluded). A range whose `upper` is
        /// not after `lower` holds no key.
        public init(lower: [UInt8]?, upper: [UInt8]?) {
            self.lower = lower
            self.upper = upper
        }

        /// Every key that starts with `prefix`.
        public static func prefix(_ prefix: [UInt8]) -> KeyRange {
            KeyRange(lower: prefix.isEmpty ? nil : prefix, upper: successor(ofPrefix: prefix))
        }

        /// The smallest key greater than every key starting with `prefix`: drop trailing
        /// 0xff bytes, then add one to the last byte. `nil` when there is none (the
        /// prefix is empty or all 0xff), so the range runs to the end.
        static func successor(ofPrefix prefix: [UInt8]) -> [UInt8]? {
            var bound = prefix
            while let last = bound.last {
                if last < 0xff {
                    bound[bound.count - 1] = last + 1
                    return bound
                }
                bound.removeLast()
            }
            return nil
        }

        /// Whether `key` lies in the range.
        public func contains(_ key: [UInt8]) -> Bool {
            if let lower, key.lexicographicallyPrecedes(lower) { return false }
            if let upper, !key.lexicographicallyPrecedes(upper) { return false }
            return true
        }
    }
}
