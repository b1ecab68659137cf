import Foundation

/// Reads a parsed JSON value field by field, keeping the path so that a refusal can
/// name the field at fault (`assets[2].isin`).
struct JSONFieldReader {
    let value: JSONValue
    let path: String

    /// Parses `data` as a JSON object.
    static func root(_ data: Data) throws(GenesisError) -> JSONFieldReader {
        let parsed: JSONValue
        do { parsed = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw .notJSON(String(describing: error))
        }
        guard case .object = parsed else { throw .notJSON("the top level must be an object") }
        return JSONFieldReader(value: parsed, path: "")
    }

    func fail(_ problem: String) -> GenesisError { .field(path.isEmpty ? "(top level)" : path, problem) }

    private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func object() throws(GenesisError) -> [String: JSONValue] {
        guard case .object(let o) = value else { throw fail("must be an object, not \(value.typeName)") }
        return o
    }

    /// The object's member `key`; missing is an error.
    func field(_ key: String) throws(GenesisError) -> JSONFieldReader {
        guard let member = try object()[key], member != .null else { throw GenesisError.field(child(key), "is missing") }
        return JSONFieldReader(value: member, path: child(key))
    }

    /// The object's member `key`, or nil when absent.
    func optionalField(_ key: String) throws(GenesisError) -> JSONFieldReader? {
        guard let member = try object()[key], member != .null else { return nil }
        return JSONFieldReader(value: member, path: child(key))
    }

    /// Refuses members other than `allowed`, so a typo is not silently ignored.
    func onlyKeys(_ allowed: Set<String>) throws(GenesisError) {
        if let unknown = try object().keys.sorted().first(where: { !allowed.contains($0) }) {
            throw GenesisError.field(child(unknown), "is not a known field")
        }
    }

    func string() throws(GenesisError) -> String {
        guard case .string(let s) = value else { throw fail("must be a string, not \(value.typeName)") }
        return s
    }

    func uint64() throws(GenesisError) -> UInt64 {
        guard case .unsigned(let v) = value else {
            throw fail("must be a whole number from 0 to \(UInt64.max), not \(value.typeName)")
        }
        return v
    }

    func array() throws(GenesisError) -> [JSONFieldReader] {
        guard case .array(let items) = value else { throw fail("must be an array, not \(value.typeName)") }
        return items.enumerated().map { JSONFieldReader(value: $0.element, path: "\(path)[\($0.offset)]") }
    }

    /// The object's members in key order (deterministic).
    func members() throws(GenesisError) -> [(key: String, value: JSONFieldReader)] {
        let o = try object()
        return o.keys.sorted().map { ($0, JSONFieldReader(value: o[$0]!, path: child($0))) }
    }

    func address() throws(GenesisError) -> Address {
        let text = try string()
        do { return try Address(hex: text) } catch { throw fail(error.description) }
    }
}
