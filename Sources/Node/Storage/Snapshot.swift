import CRocksDB

extension RocksDB {
    /// A consistent, read-only view of the database as of the moment it was taken:
    /// reads and cursors at a snapshot see every write acknowledged before it and
    /// nothing written after, in every column family.
    ///
    /// Released when the last reference goes away, or by `RocksDB.close()` (after which
    /// using it throws `.closed`). Holding a snapshot keeps RocksDB from discarding the
    /// versions it needs, so hold it only as long as a consistent read needs it.
    ///
    /// `@unchecked Sendable`: its stored properties are immutable; the native snapshot
    /// and read options are only read by RocksDB, which allows concurrent reads through
    /// one snapshot, and they are freed only in `deinit` or under the database's write
    /// lock at close, when no read through them can be running.
    public final class Snapshot: @unchecked Sendable {
        let database: RocksDB
        let id: Int
        /// `const rocksdb_snapshot_t*`, released by `deinit` or by `RocksDB.close()`.
        let pointer: OpaquePointer
        /// Read options pinned to `pointer`; owned here.
        let readOptions: OpaquePointer

        init(database: RocksDB) throws(RocksDBError) {
            let (id, pointer) = try database.registerSnapshot()
            self.database = database
            self.id = id
            self.pointer = pointer
            readOptions = rocksdb_readoptions_create()
            rocksdb_readoptions_set_snapshot(readOptions, pointer)
        }

        deinit {
            database.releaseSnapshot(id: id)
            rocksdb_readoptions_destroy(readOptions)
        }
    }
}
