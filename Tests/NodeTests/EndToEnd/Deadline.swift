/// Bounds a wait on another process, so that a node which never answers fails the test
/// instead of hanging the suite. Not a timing assertion: the bound is generous.
enum Deadline {
    /// Runs `body`; throws if it has not finished within `seconds` (and cancels it).
    @discardableResult
    static func run<T: Sendable>(seconds: Int, _ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw TestNodeFailure("\(what) did not finish within \(seconds) s")
            }
            return value
        }
    }
}
