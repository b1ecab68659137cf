/// A JSON-RPC error object with geth's codes and messages, so that wallets and
/// libraries that recognise geth's errors recognise ours.
public struct RPCError: Error, Equatable, Sendable, CustomStringConvertible {
    public let code: Int
    public let message: String
    /// `data`: for a revert, the `Error(string)` revert data as hex.
    public let data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public var description: String { "\(code): \(message)" }

    /// The error object as JSON.
    public var json: JSONValue {
        var members: [String: JSONValue] = ["code": code >= 0 ? .unsigned(UInt64(code)) : .signed(Int64(code)), "message": .string(message)]
        if let data { members["data"] = data }
        return .object(members)
    }

    /// -32700: the body is not JSON.
    public static func parse(_ detail: String) -> RPCError { RPCError(code: -32700, message: "parse error: \(detail)") }

    /// -32600: JSON that is not a JSON-RPC 2.0 request.
    public static func invalidRequest(_ detail: String) -> RPCError { RPCError(code: -32600, message: "invalid request: \(detail)") }

    /// -32601, in geth's words.
    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: -32601, message: "the method \(method) does not exist/is not available")
    }

    /// -32602: wrong parameters (geth's wording, e.g. `invalid argument 0: hex string without 0x prefix`).
    public static func invalidParams(_ detail: String) -> RPCError { RPCError(code: -32602, message: detail) }

    /// -32000: the request was understood and refused (transaction rejections, missing data).
    public static func server(_ message: String) -> RPCError { RPCError(code: -32000, message: message) }

    /// -32005: a configured limit was exceeded.
    public static func limitExceeded(_ message: String) -> RPCError { RPCError(code: -32005, message: message) }

    /// -32603: the node failed (e.g. its database); the request may be retried.
    public static func internalError(_ message: String) -> RPCError { RPCError(code: -32603, message: "internal error: \(message)") }

    /// 3: a call reverted; `data` is the `Error(string)` revert data, as geth returns it.
    public static func reverted(_ revert: Revert) -> RPCError {
        RPCError(code: 3, message: "execution reverted: \(revert.reason)", data: .string(Hex.encode(RevertReason(revert.reason).revertData)))
    }
}
