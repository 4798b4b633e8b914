import Foundation
import QADiagnostics
import QAModel

/// Reads indicator values from a CSV table with the header `period,value` or `period,value,note`.
enum IndicatorCSV {
    /// `field` without white space at either end; a field that starts and ends with a
    /// visible ASCII character, as almost every one does, as it is, without Foundation.
    static func trimmed(_ field: String) -> String {
        let bytes = field.utf8
        guard let first = bytes.first, let last = bytes.last else { return field }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return field }
        return field.trimmingCharacters(in: .whitespaces)
    }

    static func values(from table: CSVTable, path: String, diagnostics: inout [Diagnostic]) -> [IndicatorValue] {
        guard let header = table.rows.first else {
            diagnostics.append(.error(SourceLocation(path: path, line: 1, column: 1), "the data file is empty; start it with the header 'period,value'", code: "csv-header"))
            return []
        }
        let names = header.fields.map { trimmed($0).lowercased() }
        guard names == ["period", "value"] || names == ["period", "value", "note"] else {
            diagnostics.append(.error(SourceLocation(path: path, line: header.line, column: 1), "the header is '\(header.fields.joined(separator: ","))'; it must be 'period,value' or 'period,value,note'", code: "csv-header"))
            return []
        }
        var values: [IndicatorValue] = []
        let file = SourceLocation(path: path)
        for row in table.rows.dropFirst() {
            let location = file.at(line: row.line)
            guard row.fields.count == names.count else {
                diagnostics.append(.error(location, "this row has \(row.fields.count) fields but the header has \(names.count); give every row \(names.joined(separator: ","))", code: "csv-row"))
                continue
            }
            let periodText = trimmed(row.fields[0])
            let valueText = trimmed(row.fields[1])
            guard let period = Period(periodText) else {
                diagnostics.append(.error(location, "'\(periodText)' is not a period; write a quarter as '2025-26 Q1', a month as '2025-04' or a year as '2025-26'", code: "bad-period"))
                continue
            }
            // Counted in characters only for a diagnostic.
            var valueColumn: Int { row.fields[0].count + 2 }
            if let problem = NumberText.problem(valueText, plain: true) {
                diagnostics.append(.error(file.at(line: row.line, column: valueColumn), "'\(valueText)' is not a number; \(problem)", code: "bad-number"))
                continue
            }
            guard NumberText.isDecimal(valueText), let value = Double(valueText) else {
                diagnostics.append(.error(file.at(line: row.line, column: valueColumn), "'\(valueText)' is not a number; write digits with an optional decimal point, such as 12.5", code: "bad-number"))
                continue
            }
            let note = names.count == 3 ? row.fields[2] : ""
            values.append(IndicatorValue(period: period, value: value, note: note, location: location))
        }
        return values
    }
}
