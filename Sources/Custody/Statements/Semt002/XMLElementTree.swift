import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document read whole into elements, each knowing its path
/// (`/Document/SctiesBalCtdyRpt/BalForAcct[2]/AggtBal`) and line, so an importer
/// can say exactly which element is at fault.
struct XMLElementTree: Sendable {
    struct Element: Sendable {
        let name: String
        let namespace: String?
        let line: Int
        var path: String
        var text: String
        var children: [Element]

        /// The child elements named `name`.
        func children(_ name: String) -> [Element] { children.filter { $0.name == name } }

        /// The only child named `name`, or nil.
        func child(_ name: String) -> Element? { children.first { $0.name == name } }

        var location: StatementLocation { .element(path: path, line: line) }
    }

    let root: Element

    /// Why the XML itself could not be read.
    struct ReadError: Error {
        let line: Int
        let path: String
        let message: String
        let truncated: Bool
    }

    /// Reads `text`. Document type declarations are refused: a statement never needs
    /// one, and entity expansion is a classic way to make a parser eat memory.
    init(text: String) throws(ReadError) {
        if text.range(of: "<!DOCTYPE", options: .caseInsensitive) != nil {
            throw ReadError(line: 1, path: "/", message: "a DOCTYPE declaration is not accepted in a statement", truncated: false)
        }
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let ok = parser.parse()
        if !ok || builder.stack.count != 0 || builder.root == nil {
            let open = builder.stack.map(\.name)
            let path = "/" + open.joined(separator: "/")
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
            // Unclosed elements at end of input mean the file was cut short.
            let truncated = !open.isEmpty && parser.lineNumber >= text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            throw ReadError(line: parser.lineNumber, path: open.isEmpty ? "/" : path, message: message, truncated: truncated)
        }
        guard var root = builder.root else {
            throw ReadError(line: 1, path: "/", message: "no root element", truncated: true)
        }
        Self.assignPaths(&root, path: "/" + root.name)
        self.root = root
    }

    private static func assignPaths(_ element: inout Element, path: String) {
        element.path = path
        var totals: [String: Int] = [:]
        for c in element.children { totals[c.name, default: 0] += 1 }
        var seen: [String: Int] = [:]
        for i in element.children.indices {
            let name = element.children[i].name
            seen[name, default: 0] += 1
            let suffix = totals[name, default: 0] > 1 ? "[\(seen[name, default: 0])]" : ""
            assignPaths(&element.children[i], path: path + "/" + name + suffix)
        }
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var root: Element?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            stack.append(Element(name: name, namespace: namespaceURI, line: parser.lineNumber, path: "", text: "", children: []))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard var done = stack.popLast() else { return }
            done.text = done.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
        }
    }
}
