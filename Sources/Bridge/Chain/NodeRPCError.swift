/// Why a JSON-RPC call to the node failed.
public enum NodeRPCError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URL is not an `http://` or `https://` URL with a host.
    case badURL(String)
    /// No answer: connection refused, timeout, DNS.
    case unreachable(url: String, reason: String)
    /// An HTTP status other than 200.
    case httpStatus(url: String, status: Int)
    /// The answer is not a JSON-RPC 2.0 response, or a result is not of the expected shape.
    case malformedResponse(method: String, reason: String)
    /// The node answered with a JSON-RPC error (geth's codes and messages).
    case node(method: String, code: Int64, message: String)

    public var description: String {
        switch self {
        case .badURL(let u): return "'\(u)' is not a node URL (expected http://HOST:PORT or https://HOST:PORT)"
        case .unreachable(let u, let r): return "the node at \(u) did not answer: \(r)"
        case .httpStatus(let u, let s): return "the node at \(u) answered HTTP \(s)"
        case .malformedResponse(let m, let r): return "\(m): unexpected answer from the node: \(r)"
        case .node(let m, let c, let msg): return "\(m) failed: \(msg) (code \(c))"
        }
    }

    /// The node's message for a refused call, if that is what this is.
    public var nodeMessage: String? {
        if case .node(_, _, let message) = self { return message }
        return nil
    }
}
