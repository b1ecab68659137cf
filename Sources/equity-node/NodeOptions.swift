import ArgumentParser
import Logging
import Node

/// Options every command takes.
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "How much to log (to stderr): trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    /// Sends logs to stderr at the chosen level and returns the node's logger.
    func bootstrap() -> Logger {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "equity-node")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// `--rpc HOST:PORT`.
struct RPCAddress: ExpressibleByArgument {
    let host: String
    let port: Int

    init?(argument: String) {
        guard let (host, port) = RPCConfiguration.parseAddress(argument) else { return nil }
        self.host = host
        self.port = port
    }

    var defaultValueDescription: String { "\(host):\(port)" }
}

/// Why the node did not start; printed as the error, exit status non-zero.
struct NodeStartError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
