import Foundation
import Node

/// The bridge's data directory (`--datadir`, default `~/.equity-bridge`):
///
///     config.json        node URL, reserve account, custodian address (init, keys)
///     keys/              keystore v3 files, one per key (keys new|import)
///     db/                RocksDB: custody ledger, mint journal, redemption cursor
///     inbox/             statement files `run` imports; then moved to inbox/imported/
///                        or, when refused, inbox/refused/ (with a .error note)
///
/// One process at a time: RocksDB locks `db/`, so a second bridge on the same
/// directory fails to open it instead of corrupting it.
public struct BridgeDataDirectory: Sendable {
    public let url: URL

    /// The default when `--datadir` is not given: `$HOME/.equity-bridge`.
    public static var defaultPath: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return URL(fileURLWithPath: home).appendingPathComponent(".equity-bridge").path
    }

    public init(path: String) {
        url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath, isDirectory: true).standardizedFileURL
    }

    public var configPath: String { url.appendingPathComponent("config.json").path }
    public var keysPath: String { url.appendingPathComponent("keys").path }
    public var databasePath: String { url.appendingPathComponent("db").path }
    public var inboxPath: String { url.appendingPathComponent("inbox").path }
    public var importedPath: String { url.appendingPathComponent("inbox/imported").path }
    public var refusedPath: String { url.appendingPathComponent("inbox/refused").path }

    /// Whether `init` has run here.
    public var isInitialised: Bool { FileManager.default.fileExists(atPath: configPath) }

    /// Creates the directory layout and writes `configuration`. Refuses an initialised
    /// directory unless `force` (which rewrites only the configuration: keys and the
    /// database are kept).
    public func initialise(_ configuration: BridgeConfiguration, force: Bool) throws(BridgeDataDirectoryError) {
        if isInitialised && !force { throw .alreadyInitialised(url.path) }
        do {
            for path in [url.path, keysPath, inboxPath, importedPath, refusedPath] {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            }
        } catch { throw .io(path: url.path, error.localizedDescription) }
        try save(configuration)
    }

    /// The recorded configuration.
    public func configuration() throws(BridgeDataDirectoryError) -> BridgeConfiguration {
        guard isInitialised else { throw .notInitialised(url.path) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: configPath)) } catch { throw .io(path: configPath, error.localizedDescription) }
        do { return try JSONDecoder().decode(BridgeConfiguration.self, from: data) } catch {
            throw .badConfiguration(path: configPath, String(describing: error))
        }
    }

    /// Writes `configuration` atomically (a crash leaves the old file or the new one).
    public func save(_ configuration: BridgeConfiguration) throws(BridgeDataDirectoryError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(configuration).write(to: URL(fileURLWithPath: configPath), options: .atomic)
        } catch { throw .io(path: configPath, error.localizedDescription) }
    }

    /// Opens the database (the directory must be initialised).
    public func openDatabase() throws(BridgeDataDirectoryError) -> BridgeDatabase {
        guard isInitialised else { throw .notInitialised(url.path) }
        do { return try BridgeDatabase(path: databasePath) } catch { throw .storage(error) }
    }

    /// The key ring in `keys/`.
    public var keyRing: KeyRing { KeyRing(path: keysPath) }
}
