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

    static func parse(_ text: String, path: String) -> Result<CSVTable, Diagnostic> {
        var rows: [Row] = []
        var filled = 0
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var quoteStart = 1
        var chars = text.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if ch == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else { inQuotes = false }
                } else {
                    if ch == "\n" { line += 1 }
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"" where field.isEmpty: inQuotes = true; quoteStart = line
            case ",": fields.append(field); field = ""
            case "\n":
                fields.append(field)
                rows.append(Row(fields: fields, line: rowLine))
                if !isBlank(rows[rows.count - 1]) { filled += 1 }
                if filled > rowLimit + 1 {
                    return .failure(.error(SourceLocation(path: path, line: rowLine, column: 1), "the data file has more than \(rowLimit) rows of values; an indicator holds at most \(rowLimit), so keep only the periods it reports on", code: "too-many-rows"))
                }
                fields = []; field = ""; line += 1; rowLine = line
            default: field.append(ch)
            }
        }
        if inQuotes {
            return .failure(.error(SourceLocation(path: path, line: quoteStart, column: 1), "a quoted field opened here is never closed; add the closing '\"'", code: "csv-syntax"))
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(fields: fields, line: rowLine))
        }
        rows.removeAll(where: isBlank)
        return .success(CSVTable(rows: rows))
    }

    static func isBlank(_ row: Row) -> Bool { row.fields.count == 1 && row.fields[0].allSatisfy(\.isWhitespace) }
}
