import CRocksDB

/// The `rocksdb_options_t` a `Configuration` describes, used for the database and for
/// every column family alike so they share one block cache and one filter setup.
///
/// Ownership: the options object is owned here and destroyed in `deinit`. The block cache
/// and the bloom filter policy are reference-counted inside RocksDB once attached: the
/// table options take ownership of the filter policy, the table factory copies the cache
/// pointer, so the only C objects released here besides the options are the cache wrapper
/// and the table options, right after they have been copied in.
final class RocksDBOptions {
    let pointer: OpaquePointer

    init(_ configuration: RocksDB.Configuration) {
        pointer = rocksdb_options_create()

        let table = rocksdb_block_based_options_create()
        let cache = rocksdb_cache_create_lru(configuration.blockCacheBytes)
        rocksdb_block_based_options_set_block_cache(table, cache)
        rocksdb_cache_destroy(cache)
        if configuration.bloomBitsPerKey > 0 {
            rocksdb_block_based_options_set_filter_policy(
                table, rocksdb_filterpolicy_create_bloom_full(configuration.bloomBitsPerKey))
        }
        // Index and filter blocks count against the cache, so memory stays bounded by the
        // cache size however large the chain grows; level-0 ones stay pinned because every
        // lookup consults them.
        rocksdb_block_based_options_set_cache_index_and_filter_blocks(table, 1)
        rocksdb_block_based_options_set_cache_index_and_filter_blocks_with_high_priority(table, 1)
        rocksdb_block_based_options_set_pin_l0_filter_and_index_blocks_in_cache(table, 1)
        rocksdb_options_set_block_based_table_factory(pointer, table)
        rocksdb_block_based_options_destroy(table)

        rocksdb_options_set_create_if_missing(pointer, 1)
        rocksdb_options_set_create_missing_column_families(pointer, 1)
        rocksdb_options_set_paranoid_checks(pointer, configuration.paranoidChecks ? 1 : 0)
        // Point-in-time recovery: after a crash, replay the WAL up to the first torn or
        // corrupt record. Every acknowledged synced batch lies before that point.
        rocksdb_options_set_wal_recovery_mode(pointer, 2)
        rocksdb_options_set_compression(pointer, configuration.compression.native)
        rocksdb_options_set_bottommost_compression(pointer, configuration.bottommostCompression.native)
        rocksdb_options_set_level_compaction_dynamic_level_bytes(pointer, 1)
        rocksdb_options_set_write_buffer_size(pointer, configuration.writeBufferBytes)
        rocksdb_options_set_max_write_buffer_number(pointer, Int32(configuration.maxWriteBufferNumber))
        rocksdb_options_set_max_total_wal_size(pointer, UInt64(configuration.maxTotalWALBytes))
        rocksdb_options_set_max_open_files(pointer, Int32(configuration.maxOpenFiles))
        rocksdb_options_set_max_background_jobs(pointer, Int32(configuration.backgroundJobs))
        rocksdb_options_set_keep_log_file_num(pointer, configuration.keptInfoLogFiles)
        rocksdb_options_set_max_log_file_size(pointer, 16 << 20)
        // Write SST data out in 1 MiB steps so a flush never stalls on one huge fsync.
        rocksdb_options_set_bytes_per_sync(pointer, 1 << 20)
    }

    deinit {
        rocksdb_options_destroy(pointer)
    }
}
