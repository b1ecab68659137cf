import Foundation

/// Reads a statement file of any supported format into pages, recognising the
/// format from its first characters: `<` is semt.002 XML, `{1:` or `:` an MT535
/// message, a header row naming `statement_id` the custody CSV.
public enum StatementImporter {
    /// The pages in the file's bytes, which must be UTF-8 (a byte order mark is skipped).
    public static func pages(fromFile bytes: [UInt8]) throws(StatementFileError) -> [StatementPage] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw StatementFileError(format: nil, location: .wholeFile, problem: .notUTF8)
        }
        return try pages(from: text)
    }

    /// The pages in `text`.
    public static func pages(from text: String) throws(StatementFileError) -> [StatementPage] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let start = body.drop(while: { $0.isWhitespace })
        if start.hasPrefix("<") { return [try Semt002Parser.parse(body)] }
        if start.hasPrefix("{1:") || start.hasPrefix(":") { return try MT535Parser.parse(body) }
        let firstLine = start.prefix(while: { $0 != "\n" && $0 != "\r\n" && $0 != "\r" })
        if firstLine.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == StatementCSVColumn.statementId.rawValue }) {
            return try StatementCSVParser.parse(body)
        }
        throw StatementFileError(format: nil, location: .line(1), problem: .unknownFormat)
    }
}
