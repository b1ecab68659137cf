import ArgumentParser
import Foundation
import Node

/// `equity-bench rocksdb-writer`: the child process of the RocksDB crash test and of the
/// reopen-after-crash benchmark. Not listed in `--help`.
///
/// Writes `--batches` synced `RocksDBWorkload` batches in order and, after each write has
/// RETURNED (the batch is acknowledged), prints its number on its own line and flushes
/// stdout. Then prints `done` and keeps the database open until stdin reaches end of
/// file, so the parent can SIGKILL it with everything still in the WAL.
struct RocksDBCrashWriter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rocksdb-writer",
        abstract: "Crash-test writer: prints each synced batch's number once the write returned.",
        discussion: """
            Used by the RocksDB crash test and `equity-bench rocksdb`: the parent reads the \
            acknowledged batch numbers, kills this process with SIGKILL, reopens the database \
            and checks that every acknowledged batch is there, whole. After the last batch it \
            prints `done` and waits for stdin to close.
            """,
        shouldDisplay: false)

    @Option(help: "Database directory (created if missing).")
    var path: String

    @Option(help: "Number of batches to write.")
    var batches: Int = 1000

    @Option(help: "Key/value pairs per batch (32-byte keys, 100-byte values).")
    var pairs: Int = 1000

    func validate() throws {
        guard batches >= 0 else { throw ValidationError("--batches must be 0 or more") }
        guard pairs >= 1 else { throw ValidationError("--pairs must be at least 1") }
    }

    func run() throws {
        let database = try RocksDB(path: path, columnFamilies: RocksDBWorkload.allFamilies)
        let output = FileHandle.standardOutput
        for number in 0..<UInt64(batches) {
            try database.write(RocksDBWorkload.batch(number, pairs: pairs, database: database), sync: true)
            // An unbuffered write(2): the line leaves this process before the next batch starts.
            output.write(Data("\(number)\n".utf8))
        }
        output.write(Data("done\n".utf8))
        _ = FileHandle.standardInput.readDataToEndOfFile()
        database.close()
    }
}
