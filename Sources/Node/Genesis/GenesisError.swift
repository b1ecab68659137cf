/// Why a genesis file is refused. Every message names the field at fault.
public enum GenesisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not JSON at all.
    case notJSON(String)
    /// A field is missing, has the wrong type, or a value that is not allowed.
    case field(String, String)

    public var description: String {
        switch self {
        case .notJSON(let why): return "genesis: not valid JSON: \(why)"
        case .field(let path, let problem): return "genesis: \(path): \(problem)"
        }
    }
}
