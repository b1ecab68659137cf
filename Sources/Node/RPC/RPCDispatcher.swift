/// Turns a JSON-RPC 2.0 body (one request or a batch) into the response body, for
/// HTTP and WebSocket alike.
///
/// The expensive step of `eth_sendRawTransaction` is signature recovery, so a batch's
/// raw transactions are all decoded and recovered first, in parallel on every core,
/// outside the chain actor; then the batch runs in order, consecutive transactions
/// going to the chain in one actor visit. Responses are written without Foundation.
public struct RPCDispatcher: Sendable {
    public let api: NodeAPI
    public let metrics: RPCMetrics?

    public init(api: NodeAPI, metrics: RPCMetrics?) {
        self.api = api
        self.metrics = metrics
    }

    /// One parsed request.
    struct Request {
        /// nil for a notification (no `id` member): it runs, but gets no response.
        var id: JSONValue?
        var method: String
        var params: RPCParameters
    }

    /// The response body for `body`, or nil when there is nothing to answer (only notifications).
    /// `subscriptions` serves `eth_subscribe`/`eth_unsubscribe`; without it (HTTP) they are refused.
    public func respond(to body: [UInt8], subscriptions: (any SubscriptionHost)? = nil) async -> [UInt8]? {
        let document: JSONValue
        do { document = try JSONParser.parse(body) } catch {
            return Self.envelope(id: .null, .failure(.parse(error.description)))
        }
        guard case .array(let elements) = document else {
            let (id, response) = await single(document, subscriptions: subscriptions)
            guard let id else { return nil }
            return Self.envelope(id: id, response)
        }
        guard !elements.isEmpty else { return Self.envelope(id: .null, .failure(.invalidRequest("empty batch"))) }
        let limit = api.configuration.maxBatchLength
        guard elements.count <= limit else {
            return Self.envelope(id: .null, .failure(RPCError(
                code: -32600, message: "batch too large: \(elements.count) requests, at most \(limit) per batch (split it)")))
        }
        let answers = await batch(elements, subscriptions: subscriptions)
        var writer = JSONWriter(capacity: answers.count * 96)
        writer.raw("[")
        var first = true
        for (id, response) in answers {
            guard let id else { continue }
            if !first { writer.raw(",") }
            first = false
            Self.write(&writer, id: id, response)
        }
        guard !first else { return nil }
        writer.raw("]")
        return writer.bytes
    }

    /// Reads a request object; a bad one is answered with id null (its id may be unreadable).
    static func parseRequest(_ value: JSONValue) -> Result<Request, RPCError> {
        guard case .object(let o) = value else { return .failure(.invalidRequest("a request must be a JSON object, not \(value.typeName)")) }
        guard o["jsonrpc"] == .string("2.0") else { return .failure(.invalidRequest("\"jsonrpc\" must be \"2.0\"")) }
        guard case .string(let method)? = o["method"] else { return .failure(.invalidRequest("\"method\" must be a string")) }
        let id = o["id"]
        switch id {
        case nil, .null?, .string?, .unsigned?, .signed?: break
        default: return .failure(.invalidRequest("\"id\" must be a string, a number or null"))
        }
        do { return .success(Request(id: id, method: method, params: try RPCParameters(o["params"]))) } catch { return .failure(error) }
    }

    private func single(_ value: JSONValue, subscriptions: (any SubscriptionHost)?) async -> (JSONValue?, Result<JSONValue, RPCError>) {
        switch Self.parseRequest(value) {
        case .failure(let error): return Self.failure(error, request: value)
        case .success(let request):
            return (request.id, await run(request, subscriptions: subscriptions))
        }
    }

    /// A parse failure's answer: the request's id when it had a readable one.
    private static func failure(_ error: RPCError, request: JSONValue) -> (JSONValue?, Result<JSONValue, RPCError>) {
        var id: JSONValue = .null
        if case .object(let o) = request, let given = o["id"] {
            switch given {
            case .string, .unsigned, .signed: id = given
            default: break
            }
        }
        return (id, .failure(error))
    }

    private func run(_ request: Request, subscriptions: (any SubscriptionHost)?) async -> Result<JSONValue, RPCError> {
        let clock = ContinuousClock()
        let start = clock.now
        let result: Result<JSONValue, RPCError>
        do throws(RPCError) {
            switch request.method {
            case "eth_subscribe", "eth_unsubscribe", "equity_subscribe", "equity_unsubscribe":
                guard let subscriptions else {
                    throw RPCError(code: -32601, message: "notifications not supported: subscribe over a WebSocket connection")
                }
                result = .success(try await subscriptions.handle(request.method, request.params))
            default:
                result = .success(try await api.call(request.method, request.params))
            }
        } catch { result = .failure(error) }
        metrics?.record(method: request.method, duration: clock.now - start)
        return result
    }

    private func batch(_ elements: [JSONValue], subscriptions: (any SubscriptionHost)?) async -> [(JSONValue?, Result<JSONValue, RPCError>)] {
        let parsed = elements.map(Self.parseRequest)
        // Decode every raw transaction, then recover all senders at once.
        var prepared = [Result<VerifiedTransaction, RPCError>?](repeating: nil, count: parsed.count)
        var decoded: [SignedTransaction] = []
        var decodedAt: [Int] = []
        // A follower forwards transactions one by one instead (`NodeAPI.relay`).
        for (i, p) in parsed.enumerated() where api.relay == nil {
            guard case .success(let request) = p, request.method == "eth_sendRawTransaction" else { continue }
            do {
                decoded.append(try NodeAPI.decodeRawTransaction(request.params))
                decodedAt.append(i)
            } catch { prepared[i] = .failure(error) }
        }
        for (k, result) in api.chain.signer.verifyAll(decoded).enumerated() {
            prepared[decodedAt[k]] = result.mapError { .server($0.description) }
        }

        var answers: [(JSONValue?, Result<JSONValue, RPCError>)] = []
        answers.reserveCapacity(parsed.count)
        var i = 0
        while i < parsed.count {
            let request: Request
            switch parsed[i] {
            case .failure(let error):
                answers.append(Self.failure(error, request: elements[i]))
                i += 1
                continue
            case .success(let r): request = r
            }
            guard let verification = prepared[i] else {
                answers.append((request.id, await run(request, subscriptions: subscriptions)))
                i += 1
                continue
            }
            guard case .success = verification else {
                answers.append((request.id, verification.map { _ in .null }))
                i += 1
                continue
            }
            // A run of recovered transactions goes to the chain in one visit, in order.
            var run: [VerifiedTransaction] = []
            var ids: [JSONValue?] = []
            while i < parsed.count, case .success(let tx)? = prepared[i], case .success(let r) = parsed[i] {
                run.append(tx)
                ids.append(r.id)
                i += 1
            }
            let clock = ContinuousClock()
            let start = clock.now
            let results = await api.submit(run)
            let each = (clock.now - start) / run.count
            for (id, result) in zip(ids, results) {
                metrics?.record(method: "eth_sendRawTransaction", duration: each)
                answers.append((id, result))
            }
        }
        return answers
    }

    // MARK: Writing

    /// `{"jsonrpc":"2.0","id":…,"result":…}` or `…,"error":{…}}`.
    static func envelope(id: JSONValue, _ response: Result<JSONValue, RPCError>) -> [UInt8] {
        var writer = JSONWriter()
        write(&writer, id: id, response)
        return writer.bytes
    }

    static func write(_ writer: inout JSONWriter, id: JSONValue, _ response: Result<JSONValue, RPCError>) {
        writer.raw("{\"jsonrpc\":\"2.0\",\"id\":")
        writer.write(id)
        switch response {
        case .success(let value):
            writer.raw(",\"result\":")
            writer.write(value)
        case .failure(let error):
            writer.raw(",\"error\":")
            writer.write(error.json)
        }
        writer.raw("}")
    }
}

/// Serves `eth_subscribe` and `eth_unsubscribe` for one connection.
public protocol SubscriptionHost: Sendable {
    func handle(_ method: String, _ params: RPCParameters) async throws(RPCError) -> JSONValue
}
