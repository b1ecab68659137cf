import ArgumentParser
import Bridge

/// `--datadir DIR`, on every command.
struct DataDirectoryOptions: ParsableArguments {
    @Option(name: .long, help: "The bridge's data directory (config.json, keys/, db/, inbox/). Default: ~/.equity-bridge.")
    var datadir: String?

    var directory: BridgeDataDirectory { BridgeDataDirectory(path: datadir ?? BridgeDataDirectory.defaultPath) }
}
