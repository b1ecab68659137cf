extension RocksDB {
    /// Puts and deletes, possibly in several column families, that `RocksDB.write(_:sync:)`
    /// applies atomically: after a crash either all of them are visible or none is.
    /// Operations apply in the order they were added (a later put of a key wins).
    ///
    /// A plain value: keys and values are copied into one byte buffer as they are added,
    /// and into RocksDB's native batch only when written, so a batch can be built on any
    /// task and no C object outlives a call.
    public struct WriteBatch: Sendable {
        enum Operation: Sendable {
            case put(ColumnFamily, key: Range<Int>, value: Range<Int>)
            case delete(ColumnFamily, key: Range<Int>)
        }

        private(set) var bytes: [UInt8] = []
        private(set) var operations: [Operation] = []

        /// An empty batch. `reservingBytes` pre-sizes the buffer that holds keys and values.
        public init(reservingBytes: Int = 0) {
            bytes.reserveCapacity(max(0, reservingBytes))
        }

        /// Sets `key` to `value` in `columnFamily`.
        public mutating func put(_ key: [UInt8], _ value: [UInt8], in columnFamily: ColumnFamily) {
            let keyRange = append(key)
            let valueRange = append(value)
            operations.append(.put(columnFamily, key: keyRange, value: valueRange))
        }

        /// Removes `key` from `columnFamily` (nothing happens if it is absent).
        public mutating func delete(_ key: [UInt8], in columnFamily: ColumnFamily) {
            operations.append(.delete(columnFamily, key: append(key)))
        }

        /// Number of puts and deletes.
        public var count: Int { operations.count }

        /// Whether the batch holds no operation.
        public var isEmpty: Bool { operations.isEmpty }

        /// Empties the batch, keeping its buffers' capacity for reuse.
        public mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
            operations.removeAll(keepingCapacity: true)
        }

        private mutating func append(_ part: [UInt8]) -> Range<Int> {
            let start = bytes.count
            bytes.append(contentsOf: part)
            return start..<bytes.count
        }
    }
}
