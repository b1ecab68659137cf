import COpenSSL

/// A failure reported by OpenSSL, or a request our OpenSSL wrappers refuse before calling it.
public enum OpenSSLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An OpenSSL call returned failure; `reason` is OpenSSL's own error queue, drained.
    case operationFailed(operation: String, reason: String)
    /// The arguments are outside what the operation accepts (a wrong key length, a zero count).
    case invalidArgument(operation: String, reason: String)

    public var description: String {
        switch self {
        case .operationFailed(let operation, let reason):
            return "\(operation) failed in OpenSSL: \(reason)"
        case .invalidArgument(let operation, let reason):
            return "\(operation): \(reason)"
        }
    }

    /// Drains OpenSSL's thread-local error queue into one error for `operation`.
    ///
    /// Draining matters: a stale entry left on the queue would be reported against the
    /// next, unrelated failure on the same thread.
    static func drainingQueue(operation: String) -> OpenSSLError {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let reason = reasons.isEmpty ? "no error detail was reported" : reasons.joined(separator: "; ")
        return .operationFailed(operation: operation, reason: reason)
    }
}
