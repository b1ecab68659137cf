/// Why the data directory cannot be used.
public enum BridgeDataDirectoryError: Error, Equatable, Sendable, CustomStringConvertible {
    case notInitialised(String)
    case alreadyInitialised(String)
    case badConfiguration(path: String, String)
    case io(path: String, String)
    case storage(BridgeStorageError)

    public var description: String {
        switch self {
        case .notInitialised(let p):
            return "\(p) is not an initialised bridge data directory; run `equity-bridge init --datadir \(p) --node URL --reserve-account ID` first"
        case .alreadyInitialised(let p):
            return "\(p) is already initialised; pass --force to replace its configuration (keys and the database are kept)"
        case .badConfiguration(let p, let m): return "\(p) is not a valid bridge configuration: \(m)"
        case .io(let p, let m): return "\(p): \(m)"
        case .storage(let e): return e.description
        }
    }
}
