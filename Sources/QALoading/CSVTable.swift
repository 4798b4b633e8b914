import QADiagnostics

/// A CSV file of indicator values: `period,value[,note]` with a header row.
/// Quoted fields may contain commas, doubled quotes and line breaks (RFC 4180).
struct CSVTable {
    struct Row {
        var fields: [String]
        var line: Int
    }

    var rows: [Row]

    /// Rows of values (after the header) a data file may hold: 2,500 years of quarters. More
    /// is refused while reading, so a huge file costs no more than this.
    static let rowLimit = 10_000

    /// Reads the table from its UTF-8 bytes: every byte the format gives a meaning to is
    /// ASCII, so fields are cut between them and made strings once, each from its bytes (a
    /// quoted field's doubled quotes made single on the way).
    static func parse(_ text: String, path: String) -> Result<CSVTable, Diagnostic> {
        var text = text
        return text.withUTF8 { parse(utf8: $0, path: path) }
    }

    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<CSVTable, Diagnostic> {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        var rows: [Row] = []
        var filled = 0
        var fields: [String] = []
        // The field being read: its bytes so far, from `start` when it is unquoted; a quoted
        // field's bytes are gathered in `quoted`.
        var start = 0
        var quoted: [UInt8] = []
        var inQuotes = false, wasQuoted = false
        var line = 1, rowLine = 1, quoteStart = 1
        var at = 0
        func field(endingAt end: Int) -> String {
            wasQuoted ? String(decoding: quoted, as: UTF8.self) : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        while at < bytes.count {
            let byte = bytes[at]
            if inQuotes {
                if byte == quote {
                    if at + 1 < bytes.count, bytes[at + 1] == quote { quoted.append(quote); at += 2; continue }
                    inQuotes = false
                } else {
                    if byte == newline { line += 1 }
                    quoted.append(byte)
                }
                at += 1
                continue
            }
            switch byte {
            case quote where !wasQuoted && at == start:
                inQuotes = true; wasQuoted = true; quoted.removeAll(keepingCapacity: true); quoteStart = line
            case comma:
                fields.append(field(endingAt: at)); start = at + 1; wasQuoted = false
            case newline:
                fields.append(field(endingAt: at))
                rows.append(Row(fields: fields, line: rowLine))
                if !isBlank(rows[rows.count - 1]) { filled += 1 }
                if filled > rowLimit + 1 {
                    return .failure(.error(SourceLocation(path: path, line: rowLine, column: 1), "the data file has more than \(rowLimit) rows of values; an indicator holds at most \(rowLimit), so keep only the periods it reports on", code: "too-many-rows"))
                }
                fields = []; start = at + 1; wasQuoted = false; line += 1; rowLine = line
            default:
                // Text after a quoted field's closing quote belongs to the field.
                if wasQuoted { quoted.append(byte) }
            }
            at += 1
        }
        if inQuotes {
            return .failure(.error(SourceLocation(path: path, line: quoteStart, column: 1), "a quoted field opened here is never closed; add the closing '\"'", code: "csv-syntax"))
        }
        if start < bytes.count || wasQuoted || !fields.isEmpty {
            fields.append(field(endingAt: bytes.count))
            rows.append(Row(fields: fields, line: rowLine))
        }
        rows.removeAll(where: isBlank)
        return .success(CSVTable(rows: rows))
    }

    static func isBlank(_ row: Row) -> Bool { row.fields.count == 1 && row.fields[0].allSatisfy(\.isWhitespace) }
}
