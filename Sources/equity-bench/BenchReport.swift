import Foundation

/// The figures one benchmark scenario measured, in the order they were taken.
///
/// With `--json` it prints as ONE JSON object (`{"name": value, ...}`) so scripts can
/// read it; otherwise as a two-column table for people.
struct BenchReport {
    /// A measured value: numbers print as JSON numbers, text as JSON strings.
    enum Value {
        case integer(Int64)
        case number(Double)
        case text(String)
    }

    let scenario: String
    private(set) var figures: [(name: String, value: Value)] = []

    init(scenario: String) {
        self.scenario = scenario
    }

    mutating func record(_ name: String, _ value: Double) { figures.append((name, .number(value))) }
    mutating func record(_ name: String, _ value: Int) { figures.append((name, .integer(Int64(value)))) }
    mutating func record(_ name: String, _ value: String) { figures.append((name, .text(value))) }

    /// Prints the report as JSON (`json == true`) or as a table.
    func print(json: Bool) {
        Swift.print(json ? jsonText() : tableText())
    }

    func jsonText() -> String {
        let body = figures.map { "\(Self.quoted($0.name)):\(Self.jsonValue($0.value))" }
        return "{" + body.joined(separator: ",") + "}"
    }

    func tableText() -> String {
        let width = max(figures.map(\.name.count).max() ?? 0, 6)
        var lines = ["equity-bench \(scenario)", String(repeating: "-", count: width + 22)]
        for (name, value) in figures {
            lines.append(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Self.display(value))
        }
        return lines.joined(separator: "\n")
    }

    private static func jsonValue(_ value: Value) -> String {
        switch value {
        case .integer(let v): return String(v)
        case .number(let v): return v.isFinite ? String(format: "%.3f", v) : "null"
        case .text(let s): return quoted(s)
        }
    }

    private static func display(_ value: Value) -> String {
        switch value {
        case .integer(let v): return String(v)
        case .number(let v): return String(format: "%.1f", v)
        case .text(let s): return s
        }
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
