import CRocksDB

extension RocksDB {
    /// The order a cursor walks its range in.
    public enum Direction: Sendable, Equatable {
        /// Ascending bytewise key order.
        case forward
        /// Descending bytewise key order.
        case reverse
    }

    /// One key and its value, copied out of RocksDB.
    public struct Entry: Sendable, Equatable {
        public let key: [UInt8]
        public let value: [UInt8]

        public init(key: [UInt8], value: [UInt8]) {
            self.key = key
            self.value = value
        }
    }

    /// Walks the keys of one column family within a `KeyRange`, in key order (or reverse),
    /// as of its creation (or of a snapshot). `next()` returns `nil` once past the range's
    /// end and keeps returning `nil`; `seek(to:)` moves to a key and resumes from there.
    ///
    /// Not `Sendable`: a RocksDB iterator must not be used by two threads at once. Use it
    /// on one task and let it go when done; the native iterator is freed then, or by
    /// `RocksDB.close()`, after which `next()` throws `.closed`.
    public final class Cursor {
        /// The order `next()` walks in.
        public let direction: Direction
        /// The keys this cursor can return.
        public let range: KeyRange

        private let database: RocksDB
        /// Kept alive while the cursor reads at it.
        private let snapshot: Snapshot?
        private let id: Int
        /// `rocksdb_iterator_t*`, destroyed by `deinit` or by `RocksDB.close()`.
        private let iterator: OpaquePointer
        /// The iterator's read options; they point into `bounds`, so both outlive it.
        private let readOptions: OpaquePointer
        private let bounds: UnsafeMutableRawBufferPointer
        /// False until the first `next()` or `seek(to:)` places the iterator.
        private var positioned = false
        /// True once the entry under the iterator has been returned, so `next()` steps first.
        private var returnedCurrent = false

        init(
            database: RocksDB, columnFamily: ColumnFamily, range: KeyRange, direction: Direction,
            snapshot: Snapshot?
        ) throws(RocksDBError) {
            let lower = range.lower ?? []
            let upper = range.upper ?? []
            let bounds = UnsafeMutableRawBufferPointer.allocate(
                byteCount: max(1, lower.count + upper.count), alignment: 1)
            bounds.copyBytes(from: lower)
            UnsafeMutableRawBufferPointer(rebasing: bounds[lower.count...]).copyBytes(from: upper)
            let readOptions: OpaquePointer = rocksdb_readoptions_create()
            // RocksDB keeps these as slices into `bounds` (it does not copy them).
            if let base = bounds.baseAddress?.assumingMemoryBound(to: CChar.self) {
                if range.lower != nil { rocksdb_readoptions_set_iterate_lower_bound(readOptions, base, lower.count) }
                if range.upper != nil {
                    rocksdb_readoptions_set_iterate_upper_bound(readOptions, base + lower.count, upper.count)
                }
            }
            if let snapshot { rocksdb_readoptions_set_snapshot(readOptions, snapshot.pointer) }
            let registration: (id: Int, iterator: OpaquePointer)
            do {
                registration = try database.registerIterator(
                    columnFamily: columnFamily, readOptions: readOptions, snapshot: snapshot)
            } catch {
                rocksdb_readoptions_destroy(readOptions)
                bounds.deallocate()
                throw error
            }
            self.id = registration.id
            self.iterator = registration.iterator
            self.database = database
            self.snapshot = snapshot
            self.range = range
            self.direction = direction
            self.readOptions = readOptions
            self.bounds = bounds
        }

        deinit {
            database.destroyIterator(id: id)
            rocksdb_readoptions_destroy(readOptions)
            bounds.deallocate()
        }

        /// The next entry in `direction`, or `nil` past the end of the range.
        public func next() throws(RocksDBError) -> Entry? {
            try database.withOpenDatabase("cursor next") { _ throws(RocksDBError) -> Entry? in
                if !positioned {
                    switch direction {
                    case .forward: rocksdb_iter_seek_to_first(iterator)
                    case .reverse: rocksdb_iter_seek_to_last(iterator)
                    }
                    positioned = true
                } else if returnedCurrent, rocksdb_iter_valid(iterator) != 0 {
                    switch direction {
                    case .forward: rocksdb_iter_next(iterator)
                    case .reverse: rocksdb_iter_prev(iterator)
                    }
                }
                return try current()
            }
        }

        /// Moves so that the next `next()` returns, going forward, the first key at or
        /// after `key`; going in reverse, the last key at or before `key`. A key outside
        /// the range lands on the range's nearest end.
        public func seek(to key: [UInt8]) throws(RocksDBError) {
            try database.withOpenDatabase("cursor seek") { _ throws(RocksDBError) in
                RocksDBSlice.with(key) { pointer, count in
                    switch direction {
                    case .forward: rocksdb_iter_seek(iterator, pointer, count)
                    case .reverse: rocksdb_iter_seek_for_prev(iterator, pointer, count)
                    }
                }
                positioned = true
                returnedCurrent = false
            }
        }

        /// The entry under the iterator, or `nil` (after checking for an I/O error) when
        /// it has left the range.
        private func current() throws(RocksDBError) -> Entry? {
            guard rocksdb_iter_valid(iterator) != 0 else {
                returnedCurrent = false
                var error: UnsafeMutablePointer<CChar>?
                rocksdb_iter_get_error(iterator, &error)
                try RocksDBError.throwIfSet(error, operation: "cursor next", path: database.path)
                return nil
            }
            var keyCount = 0
            var valueCount = 0
            let key = RocksDBSlice.copy(rocksdb_iter_key(iterator, &keyCount), count: keyCount)
            let value = RocksDBSlice.copy(rocksdb_iter_value(iterator, &valueCount), count: valueCount)
            returnedCurrent = true
            return Entry(key: key, value: value)
        }
    }
}
