import CRocksDB
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A RocksDB database opened with named column families: the node's durable store.
///
/// - Writes default to `sync: true`: when `put`, `delete` or `write` returns, the change is
///   in the write-ahead log and the log is fsynced, so it survives a process kill, an OS
///   crash or a power cut. A `WriteBatch` is atomic across column families.
/// - Reads see every acknowledged write; a `Snapshot` freezes a consistent view.
/// - `close()` is explicit and idempotent; any call after it throws `.closed`. It waits for
///   calls in flight, and frees the snapshots and cursors still open.
///
/// Thread safety: every method may be called from any thread or task concurrently.
/// RocksDB's database, column family handles and read/write options are themselves safe
/// for concurrent use; this class adds a read-write lock so that `close()` (the writer)
/// never frees them under a running call (the readers). Cursors are the exception: each
/// one belongs to a single task (see `Cursor`).
///
/// `@unchecked Sendable`: the mutable state (`native`, the live snapshot and iterator
/// registries) is only touched under `lifecycle` (and `registry` for the registries),
/// as documented on each property.
public final class RocksDB: @unchecked Sendable {
    /// The database directory.
    public let path: String
    /// Every open column family, "default" first, then those found on disk, then those
    /// created by this open.
    public let columnFamilyNames: [String]

    /// The native handles while open.
    struct NativeHandles {
        let db: OpaquePointer
        let columnFamilies: [OpaquePointer]
        let syncedWrite: OpaquePointer
        let bufferedWrite: OpaquePointer
        let latestRead: OpaquePointer
    }

    /// Read side: any call using `native`. Write side: `close()`.
    private let lifecycle = ReadWriteLock()
    /// Guards `liveSnapshots`, `liveIterators` and `nextRegistration` (always used
    /// exclusively, nested inside `lifecycle`).
    private let registry = ReadWriteLock()
    /// `nil` once closed. Read under `lifecycle`'s read side, cleared under its write side.
    private var native: NativeHandles?
    private var liveSnapshots: [Int: OpaquePointer] = [:]
    private var liveIterators: [Int: OpaquePointer] = [:]
    private var nextRegistration = 0
    private let logger: Logger?

    /// Opens (creating if missing) the database at `path` with the column families
    /// `columnFamilies` plus "default" and any already on disk; missing ones are created.
    ///
    /// Throws `.rocksDB` with RocksDB's own message when the path cannot hold a database
    /// (a regular file, no permission), when another process or another `RocksDB` in this
    /// process has it open (RocksDB's `LOCK`), or when its files are corrupt; and
    /// `.invalidColumnFamilyName` / `.invalidConfiguration` before touching the disk.
    ///
    /// - Parameter logger: where open and close are reported (info level). RocksDB's own
    ///   diagnostics go to `LOG` files in the database directory.
    public init(
        path: String, columnFamilies: [String], configuration: Configuration = Configuration(),
        logger: Logger? = nil
    ) throws(RocksDBError) {
        let (handles, names, created) = try Self.open(
            path: path, requested: columnFamilies, configuration: configuration)
        self.path = path
        self.columnFamilyNames = names
        self.native = handles
        self.logger = logger
        logger?.info(
            "opened RocksDB",
            metadata: [
                "path": "\(path)", "column-families": "\(names.joined(separator: ","))",
                "created": "\(created.joined(separator: ","))",
            ])
    }

    deinit {
        close()
    }

    /// Whether `close()` has run.
    public var isClosed: Bool {
        lifecycle.withReadLock { native == nil }
    }

    /// The open column family called `name`; `.unknownColumnFamily` if it was neither
    /// requested at open nor found on disk.
    public func columnFamily(_ name: String) throws(RocksDBError) -> ColumnFamily {
        guard let index = columnFamilyNames.firstIndex(of: name) else {
            throw .unknownColumnFamily(name: name, path: path, available: columnFamilyNames)
        }
        return ColumnFamily(name: name, index: index, owner: self)
    }

    // MARK: Reads

    /// The value of `key` in `columnFamily`, or `nil` if absent; as of `snapshot` if given,
    /// otherwise the latest acknowledged write.
    public func get(
        _ key: [UInt8], in columnFamily: ColumnFamily, at snapshot: Snapshot? = nil
    ) throws(RocksDBError) -> [UInt8]? {
        try withOpenDatabase("get") { native throws(RocksDBError) -> [UInt8]? in
            let handle = try self.handle(of: columnFamily, in: native, operation: "get")
            let readOptions = try self.readOptions(at: snapshot, in: native, operation: "get")
            var error: UnsafeMutablePointer<CChar>?
            let slice = RocksDBSlice.with(key) { pointer, count in
                rocksdb_get_pinned_cf(native.db, readOptions, handle, pointer, count, &error)
            }
            try RocksDBError.throwIfSet(error, operation: "get", path: path)
            guard let slice else { return nil }
            defer { rocksdb_pinnableslice_destroy(slice) }
            var count = 0
            let value = rocksdb_pinnableslice_value(slice, &count)
            return RocksDBSlice.copy(value, count: count)
        }
    }

    /// A cursor over `range` of `columnFamily`, in `direction`, as of `snapshot` if given,
    /// otherwise as of now.
    public func cursor(
        over columnFamily: ColumnFamily, in range: KeyRange = .all, direction: Direction = .forward,
        at snapshot: Snapshot? = nil
    ) throws(RocksDBError) -> Cursor {
        try Cursor(database: self, columnFamily: columnFamily, range: range, direction: direction, snapshot: snapshot)
    }

    /// The entries of `range` in `columnFamily`, in `direction`, at most `limit` of them.
    public func entries(
        in columnFamily: ColumnFamily, range: KeyRange = .all, direction: Direction = .forward,
        at snapshot: Snapshot? = nil, limit: Int = .max
    ) throws(RocksDBError) -> [Entry] {
        let cursor = try cursor(over: columnFamily, in: range, direction: direction, at: snapshot)
        var entries: [Entry] = []
        while entries.count < limit, let entry = try cursor.next() {
            entries.append(entry)
        }
        return entries
    }

    /// A consistent view of every column family as of now.
    public func snapshot() throws(RocksDBError) -> Snapshot {
        try Snapshot(database: self)
    }

    // MARK: Writes

    /// Sets `key` to `value` in `columnFamily`. With `sync` (the default) the WAL is
    /// fsynced before returning.
    public func put(
        _ key: [UInt8], _ value: [UInt8], in columnFamily: ColumnFamily, sync: Bool = true
    ) throws(RocksDBError) {
        try withOpenDatabase("put") { native throws(RocksDBError) in
            let handle = try self.handle(of: columnFamily, in: native, operation: "put")
            var error: UnsafeMutablePointer<CChar>?
            RocksDBSlice.with(key) { keyPointer, keyCount in
                RocksDBSlice.with(value) { valuePointer, valueCount in
                    rocksdb_put_cf(
                        native.db, sync ? native.syncedWrite : native.bufferedWrite, handle,
                        keyPointer, keyCount, valuePointer, valueCount, &error)
                }
            }
            try RocksDBError.throwIfSet(error, operation: "put", path: path)
        }
    }

    /// Removes `key` from `columnFamily` (no error if absent). With `sync` (the default)
    /// the WAL is fsynced before returning.
    public func delete(_ key: [UInt8], in columnFamily: ColumnFamily, sync: Bool = true) throws(RocksDBError) {
        try withOpenDatabase("delete") { native throws(RocksDBError) in
            let handle = try self.handle(of: columnFamily, in: native, operation: "delete")
            var error: UnsafeMutablePointer<CChar>?
            RocksDBSlice.with(key) { pointer, count in
                rocksdb_delete_cf(
                    native.db, sync ? native.syncedWrite : native.bufferedWrite, handle, pointer, count, &error)
            }
            try RocksDBError.throwIfSet(error, operation: "delete", path: path)
        }
    }

    /// Applies every operation of `batch` atomically, across column families. With `sync`
    /// (the default) the batch is in the fsynced WAL when this returns: it survives any
    /// crash, and a crash before that leaves either the whole batch or none of it.
    /// A batch naming another database's column family throws and writes nothing.
    public func write(_ batch: WriteBatch, sync: Bool = true) throws(RocksDBError) {
        try withOpenDatabase("write batch") { native throws(RocksDBError) in
            var handles: [OpaquePointer] = []
            handles.reserveCapacity(batch.operations.count)
            for operation in batch.operations {
                switch operation {
                case .put(let family, _, _), .delete(let family, _):
                    handles.append(try self.handle(of: family, in: native, operation: "write batch"))
                }
            }
            let nativeBatch: OpaquePointer = rocksdb_writebatch_create()
            defer { rocksdb_writebatch_destroy(nativeBatch) }
            RocksDBSlice.with(batch.bytes) { base, _ in
                for (operation, handle) in zip(batch.operations, handles) {
                    switch operation {
                    case let .put(_, key, value):
                        rocksdb_writebatch_put_cf(
                            nativeBatch, handle, base + key.lowerBound, key.count, base + value.lowerBound, value.count)
                    case let .delete(_, key):
                        rocksdb_writebatch_delete_cf(nativeBatch, handle, base + key.lowerBound, key.count)
                    }
                }
            }
            var error: UnsafeMutablePointer<CChar>?
            rocksdb_write(native.db, sync ? native.syncedWrite : native.bufferedWrite, nativeBatch, &error)
            try RocksDBError.throwIfSet(error, operation: "write batch", path: path)
        }
    }

    // MARK: Closing

    /// Closes the database: waits for calls in flight, releases open snapshots and
    /// cursors, and closes RocksDB (releasing its `LOCK` so it can be opened again).
    /// Calling it again does nothing; any other call afterwards throws `.closed`.
    public func close() {
        let wasOpen = lifecycle.withWriteLock { () -> Bool in
            guard let native else { return false }
            self.native = nil
            registry.withWriteLock {
                for iterator in liveIterators.values { rocksdb_iter_destroy(iterator) }
                for snapshot in liveSnapshots.values { rocksdb_release_snapshot(native.db, snapshot) }
                liveIterators = [:]
                liveSnapshots = [:]
            }
            for handle in native.columnFamilies { rocksdb_column_family_handle_destroy(handle) }
            rocksdb_close(native.db)
            rocksdb_writeoptions_destroy(native.syncedWrite)
            rocksdb_writeoptions_destroy(native.bufferedWrite)
            rocksdb_readoptions_destroy(native.latestRead)
            return true
        }
        if wasOpen { logger?.info("closed RocksDB", metadata: ["path": "\(path)"]) }
    }

    // MARK: Internals shared with Snapshot and Cursor

    /// Runs `body` with the native handles, holding the read side of the lifecycle lock;
    /// throws `.closed` after `close()`.
    func withOpenDatabase<R>(
        _ operation: String, _ body: (NativeHandles) throws(RocksDBError) -> R
    ) throws(RocksDBError) -> R {
        try lifecycle.withReadLock { () throws(RocksDBError) -> R in
            guard let native else { throw .closed(operation: operation, path: path) }
            return try body(native)
        }
    }

    /// Takes a native snapshot and records it so `close()` can release it.
    func registerSnapshot() throws(RocksDBError) -> (id: Int, pointer: OpaquePointer) {
        try withOpenDatabase("snapshot") { native in
            let pointer: OpaquePointer = rocksdb_create_snapshot(native.db)
            return (register(pointer, in: \.liveSnapshots), pointer)
        }
    }

    /// Releases snapshot `id` unless `close()` already did.
    func releaseSnapshot(id: Int) {
        lifecycle.withReadLock {
            guard let native else { return }
            if let pointer = unregister(id, from: \.liveSnapshots) {
                rocksdb_release_snapshot(native.db, pointer)
            }
        }
    }

    /// Creates a native iterator and records it so `close()` can destroy it.
    func registerIterator(
        columnFamily: ColumnFamily, readOptions: OpaquePointer, snapshot: Snapshot?
    ) throws(RocksDBError) -> (id: Int, iterator: OpaquePointer) {
        try withOpenDatabase("cursor") { native throws(RocksDBError) in
            let handle = try self.handle(of: columnFamily, in: native, operation: "cursor")
            if let snapshot, snapshot.database !== self {
                throw .foreignHandle(operation: "cursor", path: path)
            }
            let iterator: OpaquePointer = rocksdb_create_iterator_cf(native.db, readOptions, handle)
            return (register(iterator, in: \.liveIterators), iterator)
        }
    }

    /// Destroys iterator `id` unless `close()` already did.
    func destroyIterator(id: Int) {
        lifecycle.withReadLock {
            guard native != nil else { return }
            if let iterator = unregister(id, from: \.liveIterators) {
                rocksdb_iter_destroy(iterator)
            }
        }
    }

    /// Records a live native object in `table` under a new id. Called under `lifecycle`'s read side.
    private func register(_ pointer: OpaquePointer, in table: ReferenceWritableKeyPath<RocksDB, [Int: OpaquePointer]>) -> Int {
        registry.withWriteLock {
            nextRegistration += 1
            self[keyPath: table][nextRegistration] = pointer
            return nextRegistration
        }
    }

    /// Removes and returns the native object `id` from `table`; `nil` if `close()` took it.
    private func unregister(_ id: Int, from table: ReferenceWritableKeyPath<RocksDB, [Int: OpaquePointer]>) -> OpaquePointer? {
        registry.withWriteLock { self[keyPath: table].removeValue(forKey: id) }
    }

    private func handle(
        of columnFamily: ColumnFamily, in native: NativeHandles, operation: String
    ) throws(RocksDBError) -> OpaquePointer {
        guard columnFamily.owner === self else { throw .foreignHandle(operation: operation, path: path) }
        return native.columnFamilies[columnFamily.index]
    }

    private func readOptions(
        at snapshot: Snapshot?, in native: NativeHandles, operation: String
    ) throws(RocksDBError) -> OpaquePointer {
        guard let snapshot else { return native.latestRead }
        guard snapshot.database === self else { throw .foreignHandle(operation: operation, path: path) }
        return snapshot.readOptions
    }

    // MARK: Opening

    private static func open(
        path: String, requested: [String], configuration: Configuration
    ) throws(RocksDBError) -> (NativeHandles, names: [String], created: [String]) {
        try configuration.validate()
        guard !path.isEmpty, !path.utf8.contains(0) else { throw .invalidPath(path) }
        for name in requested where name.isEmpty || name.utf8.contains(0) {
            throw .invalidColumnFamilyName(name)
        }
        let options = RocksDBOptions(configuration)
        var existing: [String] = []
        // A directory without CURRENT holds no database yet; listing would fail on it.
        if access(path + "/CURRENT", F_OK) == 0 {
            existing = try listColumnFamilies(path: path, options: options)
        }
        var names = ["default"]
        for name in existing + requested where !names.contains(name) { names.append(name) }
        let created = names.filter { !existing.contains($0) }

        guard let familyCount = Int32(exactly: names.count) else {
            throw .invalidConfiguration("\(names.count) column families is more than RocksDB can open")
        }
        let cNames = names.map { strdup($0) }
        defer { cNames.forEach { free($0) } }
        let nameArguments = cNames.map { UnsafePointer($0) }
        let optionArguments = [OpaquePointer?](repeating: options.pointer, count: names.count)
        var handles = [OpaquePointer?](repeating: nil, count: names.count)
        var error: UnsafeMutablePointer<CChar>?
        let db = rocksdb_open_column_families(
            options.pointer, path, familyCount, nameArguments, optionArguments, &handles, &error)
        try RocksDBError.throwIfSet(error, operation: "open", path: path)
        guard let db else {
            throw .rocksDB(operation: "open", path: path, message: "rocksdb_open_column_families returned no database")
        }
        let columnFamilies = handles.compactMap { $0 }
        guard columnFamilies.count == names.count else {
            columnFamilies.forEach { rocksdb_column_family_handle_destroy($0) }
            rocksdb_close(db)
            throw .rocksDB(operation: "open", path: path, message: "RocksDB returned no handle for a column family")
        }
        let syncedWrite: OpaquePointer = rocksdb_writeoptions_create()
        rocksdb_writeoptions_set_sync(syncedWrite, 1)
        let handlesOpen = NativeHandles(
            db: db, columnFamilies: columnFamilies, syncedWrite: syncedWrite,
            bufferedWrite: rocksdb_writeoptions_create(), latestRead: rocksdb_readoptions_create())
        return (handlesOpen, names, created)
    }

    private static func listColumnFamilies(path: String, options: RocksDBOptions) throws(RocksDBError) -> [String] {
        var count = 0
        var error: UnsafeMutablePointer<CChar>?
        let list = rocksdb_list_column_families(options.pointer, path, &count, &error)
        try RocksDBError.throwIfSet(error, operation: "list column families", path: path)
        guard let list else { return [] }
        defer { rocksdb_list_column_families_destroy(list, count) }
        return (0..<count).compactMap { list[$0].map { String(cString: $0) } }
    }
}
