import QADiagnostics

/// A CSV file of indicator values: `period,value[,note]` with a header row.
/// Quoted fields may contain commas, doubled quotes and line breaks (RFC 4180).
struct CSVTable {
    struct Row {
        var fields: [String]
        var line: Int
    }

    var rows: [Row]

    static func parse(_ text: String, path: String) -> Result<CSVTable, Diagnostic> {
        var rows: [Row] = []
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
        rows.removeAll { $0.fields.count == 1 && $0.fields[0].allSatisfy(\.isWhitespace) }
        return .success(CSVTable(rows: rows))
    }
}
