import Foundation

/// One keep-alive HTTP/1.1 connection to a loopback server over a blocking socket: the
/// RPC benchmark's client. A thread per connection writing a request and reading the
/// response costs the client almost nothing, so the figures measure the node.
final class HTTPConnection {
    enum Failure: Error, CustomStringConvertible {
        case socket(String)
        case closed
        case malformedResponse(String)

        var description: String {
            switch self {
            case .socket(let what): return "socket error: \(what)"
            case .closed: return "the server closed the connection"
            case .malformedResponse(let what): return "unexpected HTTP response: \(what)"
            }
        }
    }

    private let descriptor: Int32
    private let port: Int
    private var buffer: [UInt8] = []

    /// Connects to `127.0.0.1:port`.
    init(port: Int) throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure.socket("socket() errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure.socket("connect to 127.0.0.1:\(port): errno \(errno)")
        }
        descriptor = fd
        self.port = port
    }

    deinit { close(descriptor) }

    /// The request head of a JSON `POST /` with a body of `length` bytes.
    static func postHead(port: Int, length: Int) -> [UInt8] {
        Array("POST / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nContent-Length: \(length)\r\n\r\n".utf8)
    }

    /// POSTs `body` (JSON) to `/`: the status and the response body.
    func post(_ body: [UInt8]) throws -> (status: Int, body: [UInt8]) {
        try send(Self.postHead(port: port, length: body.count) + body)
        return try readResponse()
    }

    /// GETs `path`: the status and the response body.
    func get(_ path: String) throws -> (status: Int, body: [UInt8]) {
        try send(Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8))
        return try readResponse()
    }

    private func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                Foundation.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard n > 0 else { throw Failure.socket("send errno \(errno)") }
            offset += n
        }
    }

    /// Reads one response with a `Content-Length` body (what the node sends).
    private func readResponse() throws -> (status: Int, body: [UInt8]) {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Self.find(separator, in: buffer)
            if headEnd == nil { try fill() }
        }
        let end = headEnd!
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1.1 "),
              let status = Int(statusLine.dropFirst(9).prefix(3)) else {
            throw Failure.malformedResponse(String(head.prefix(200)))
        }
        guard let lengthLine = lines.first(where: { $0.lowercased().hasPrefix("content-length:") }),
              let length = Int(lengthLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else {
            throw Failure.malformedResponse("no Content-Length in \(head.prefix(200))")
        }
        let bodyStart = end + separator.count
        while buffer.count < bodyStart + length { try fill() }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        return (status, body)
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let n = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard n != 0 else { throw Failure.closed }
        guard n > 0 else { throw Failure.socket("recv errno \(errno)") }
        buffer += chunk[0..<n]
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }
}
