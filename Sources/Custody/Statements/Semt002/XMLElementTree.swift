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
        if !ok || builder.failure != nil || builder.stack.count != 0 || builder.root == nil {
            let failure = builder.failure ?? (line: parser.lineNumber, open: builder.stack.map(\.name), code: nil)
            let code = failure.code ?? (parser.parserError as NSError?)?.code
            // Cut short: libxml2 says so (77), or it stopped on the last line with elements open.
            let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let truncated = code == 77 || (!failure.open.isEmpty && failure.line >= lastLine - 1)
            throw ReadError(
                line: failure.line, path: "/" + failure.open.joined(separator: "/"),
                message: Self.explain(truncated ? 77 : code), truncated: truncated)
        }
        guard var root = builder.root else {
            throw ReadError(line: 1, path: "/", message: "no root element", truncated: true)
        }
        Self.assignPaths(&root, path: "/" + root.name)
        self.root = root
    }

    /// Words for the libxml2 errors (`xmlParserErrors`, the codes XMLParser reports)
    /// a damaged statement file typically shows.
    private static func explain(_ code: Int?) -> String {
        switch code {
        case 4?: return "the document is empty"
        case 5?, 86?: return "content after the end of the document element"
        case 9?: return "a character not allowed in XML"
        case 23?, 26?, 68?: return "an unescaped & or an undeclared entity (write & as &amp;)"
        case 73?: return "a tag is not closed by >"
        case 76?: return "a closing tag does not match the element it closes"
        case 77?: return "the document ends before its elements are closed"
        case let other?: return "not well-formed XML (libxml2 error \(other))"
        case nil: return "not well-formed XML"
        }
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
        /// Where the first error was reported, and the elements open there.
        var failure: (line: Int, open: [String], code: Int?)?

        func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
            guard failure == nil else { return }
            failure = (parser.lineNumber, stack.map(\.name), (error as NSError).code)
        }

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
