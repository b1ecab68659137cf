extension RocksDB {
    /// How a database is tuned. The defaults (`Configuration()`) are chosen for a node:
    /// point lookups by hash dominate reads, every block is one synced batch, and a
    /// restart after `kill -9` must be quick. docs/storage.md explains each choice.
    public struct Configuration: Sendable, Equatable {
        /// Block compression codecs. Debian's librocksdb 7.8.3 links snappy, zlib, bz2,
        /// lz4 and zstd; a codec the installed library lacks makes `open` fail with
        /// RocksDB's "not linked with the binary" message.
        public enum Compression: Sendable, Equatable {
            case none, snappy, lz4, zstd

            var native: Int32 {
                switch self {
                case .none: return 0  // rocksdb_no_compression
                case .snappy: return 1  // rocksdb_snappy_compression
                case .lz4: return 4  // rocksdb_lz4_compression
                case .zstd: return 7  // rocksdb_zstd_compression
                }
            }
        }

        /// Capacity of the LRU block cache shared by every column family, holding data,
        /// index and filter blocks. Default 128 MiB.
        public var blockCacheBytes: Int = 128 << 20
        /// Bloom filter bits per key; 10 gives about 1% false positives, so a lookup of
        /// a missing key rarely touches disk. 0 disables filters. Default 10.
        public var bloomBitsPerKey: Double = 10
        /// Codec for levels above the last. Default lz4: cheap to compress on the write path.
        public var compression: Compression = .lz4
        /// Codec for the last level, where most data ends up. Default zstd: denser, and
        /// that data is rewritten rarely.
        public var bottommostCompression: Compression = .zstd
        /// Memtable size per column family before it is flushed to an SST file. Bounds the
        /// WAL a restart replays per column family. Default 32 MiB.
        public var writeBufferBytes: Int = 32 << 20
        /// Memtables per column family (one active, the rest flushing). Default 2.
        public var maxWriteBufferNumber: Int = 2
        /// Total WAL size across column families; past it RocksDB flushes the column
        /// families holding the oldest log, so replay after a crash stays bounded even for
        /// rarely written column families. Default 64 MiB.
        public var maxTotalWALBytes: Int = 64 << 20
        /// SST files kept open (their index and filter blocks live in the block cache).
        /// Default 512, well under the usual 1024 file-descriptor limit.
        public var maxOpenFiles: Int = 512
        /// Background flush and compaction threads. Default 2.
        public var backgroundJobs: Int = 2
        /// Verify checksums and stop on any inconsistency instead of serving bad data.
        /// Default true.
        public var paranoidChecks: Bool = true
        /// RocksDB's own `LOG` files kept in the database directory. Default 5.
        public var keptInfoLogFiles: Int = 5

        /// The node defaults described on each property.
        public init() {}

        /// Throws `.invalidConfiguration` naming the first value out of range.
        func validate() throws(RocksDBError) {
            guard blockCacheBytes >= 1 << 20 else {
                throw .invalidConfiguration("blockCacheBytes is \(blockCacheBytes); use at least 1 MiB (1048576)")
            }
            guard bloomBitsPerKey.isFinite, bloomBitsPerKey >= 0, bloomBitsPerKey <= 64 else {
                throw .invalidConfiguration("bloomBitsPerKey is \(bloomBitsPerKey); use 0 (no filter) to 64")
            }
            guard writeBufferBytes >= 64 << 10 else {
                throw .invalidConfiguration("writeBufferBytes is \(writeBufferBytes); use at least 64 KiB (65536)")
            }
            guard (2...16).contains(maxWriteBufferNumber) else {
                throw .invalidConfiguration("maxWriteBufferNumber is \(maxWriteBufferNumber); use 2 to 16")
            }
            guard maxTotalWALBytes >= writeBufferBytes else {
                throw .invalidConfiguration(
                    "maxTotalWALBytes (\(maxTotalWALBytes)) is below writeBufferBytes (\(writeBufferBytes)); "
                        + "the WAL must hold at least one full memtable")
            }
            guard maxOpenFiles == -1 || (16...1_000_000).contains(maxOpenFiles) else {
                throw .invalidConfiguration("maxOpenFiles is \(maxOpenFiles); use -1 (unlimited) or 16 to 1000000")
            }
            guard (1...64).contains(backgroundJobs) else {
                throw .invalidConfiguration("backgroundJobs is \(backgroundJobs); use 1 to 64")
            }
            guard keptInfoLogFiles >= 1 else {
                throw .invalidConfiguration("keptInfoLogFiles is \(keptInfoLogFiles); use at least 1")
            }
        }
    }
}
