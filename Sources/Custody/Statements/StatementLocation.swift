/// Where in a file a problem is: a line (MT535, CSV), or an element path with the
/// line it starts on (XML).
public enum StatementLocation: Hashable, Sendable, CustomStringConvertible {
    case line(Int)
    case element(path: String, line: Int)
    case wholeFile

    public var description: String {
        switch self {
        case .line(let n): return "line \(n)"
        case .element(let p, let n): return "\(p) (line \(n))"
        case .wholeFile: return "the file"
        }
    }
}
