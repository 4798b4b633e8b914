@testable import QALoading
import QADiagnostics
import Testing

@Suite struct CSVTableTests {
    /// The rows read from `text`, as fields and lines, or the problem's message.
    func read(_ text: String) -> [(fields: [String], line: Int)]? {
        guard case let .success(table) = CSVTable.parse(text, path: "data/x.csv") else { return nil }
        return table.rows.map { ($0.fields, $0.line) }
    }

    func expectRows(_ text: String, _ expected: [([String], Int)], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let rows = read(text) else {
            Issue.record("'\(text)' was refused", sourceLocation: sourceLocation)
            return
        }
        #expect(rows.map(\.fields) == expected.map(\.0), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(rows.map(\.line) == expected.map(\.1), "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test("plain fields are cut at commas and rows at line ends, with or without a last line end")
    func plainFields() {
        expectRows("period,value\n2025-26 Q1,12\n", [(["period", "value"], 1), (["2025-26 Q1", "12"], 2)])
        expectRows("period,value\n2025-26 Q1,12", [(["period", "value"], 1), (["2025-26 Q1", "12"], 2)])
        expectRows("a,,c\n,\n", [(["a", "", "c"], 1), (["", ""], 2)])
        expectRows("", [])
        expectRows("\n\n", [])
    }

    @Test("blank rows are dropped but counted in the lines of the rows after them")
    func blankRows() {
        expectRows("period,value\n\n  \n2025-26 Q1,12\n", [(["period", "value"], 1), (["2025-26 Q1", "12"], 4)])
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks; a row's line is where it starts")
    func quotedFields() {
        expectRows("a,\"b, c\",d\n", [(["a", "b, c", "d"], 1)])
        expectRows("\"say \"\"hello\"\"\",x\n", [(["say \"hello\"", "x"], 1)])
        expectRows("\"two\nlines\",x\nnext,y\n", [(["two\nlines", "x"], 1), (["next", "y"], 3)])
        expectRows("\"\",x\n", [(["", "x"], 1)])
        expectRows("\"\"\"\"\n", [(["\""], 1)])
        // Text after a closing quote stays in the field; a quote inside a plain field is text.
        expectRows("\"a\"b,c\n", [(["ab", "c"], 1)])
        expectRows("a\"b\",c\n", [(["a\"b\"", "c"], 1)])
        expectRows("\"end\"", [(["end"], 1)])
    }

    @Test("letters beyond ASCII are kept whole, in quoted and plain fields")
    func unicode() {
        expectRows("période,valeur\n\"Ōtautahi, NZ\",1½\n", [(["période", "valeur"], 1), (["Ōtautahi, NZ", "1½"], 2)])
    }

    @Test("a quote left open is reported at the line it opened on")
    func unclosedQuote() {
        guard case let .failure(problem) = CSVTable.parse("period,value\n2025-26 Q1,\"12\nmore\n", path: "data/x.csv") else {
            Issue.record("an open quote was accepted")
            return
        }
        #expect(problem.description == "data/x.csv:2:1: error: a quoted field opened here is never closed; add the closing '\"'")
    }

    @Test("more rows than an indicator holds are refused while reading")
    func tooManyRows() {
        let text = "period,value\n" + String(repeating: "2025-26 Q1,1\n", count: CSVTable.rowLimit + 1)
        guard case let .failure(problem) = CSVTable.parse(text, path: "data/x.csv") else {
            Issue.record("\(CSVTable.rowLimit + 1) rows were accepted")
            return
        }
        #expect(problem.description.hasPrefix("data/x.csv:\(CSVTable.rowLimit + 2):1: error: the data file has more than \(CSVTable.rowLimit) rows of values"))
    }
}
