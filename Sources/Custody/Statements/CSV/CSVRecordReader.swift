/// Splits RFC 4180 text into records: comma-separated fields, fields optionally in
/// double quotes (a quoted field may hold commas, line breaks and `""` for a quote),
/// records ended by CRLF or LF. Each record keeps the line it starts on.
struct CSVRecordReader {
    struct Record {
        let line: Int
        let fields: [String]
    }

    enum Failure: Error {
        case quoteInUnquotedField(line: Int)
        case textAfterClosingQuote(line: Int)
        case unterminatedQuote(openedAt: Int)
    }

    /// The records of `text`; blank lines are skipped.
    static func records(_ text: String) throws(Failure) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var afterClosingQuote = false
        var fieldStarted = false

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            fieldStarted = false
            afterClosingQuote = false
        }

        for c in text {
            let isNewline = c == "\n" || c == "\r\n" || c == "\r"
            if inQuotes {
                if c == "\"" {
                    inQuotes = false
                    afterClosingQuote = true
                } else {
                    field.append(c)
                    if isNewline { line += 1 }
                }
                continue
            }
            if afterClosingQuote && c == "\"" {
                // A doubled quote inside a quoted field: one literal quote, still quoted.
                field.append("\"")
                inQuotes = true
                afterClosingQuote = false
                continue
            }
            if c == "," {
                fields.append(field)
                field = ""
                afterClosingQuote = false
                fieldStarted = true
            } else if isNewline {
                endRecord()
                line += 1
                recordLine = line
            } else if c == "\"" {
                guard field.isEmpty else { throw .quoteInUnquotedField(line: line) }
                inQuotes = true
                quoteLine = line
                fieldStarted = true
            } else {
                guard !afterClosingQuote else { throw .textAfterClosingQuote(line: line) }
                field.append(c)
                fieldStarted = true
            }
        }
        if inQuotes { throw .unterminatedQuote(openedAt: quoteLine) }
        endRecord()
        return records
    }
}
