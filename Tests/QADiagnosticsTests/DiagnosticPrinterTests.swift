import QADiagnostics
import Testing

@Suite struct DiagnosticPrinterTests {
    let diagnostics: [Diagnostic] = [
        .warning(SourceLocation(path: "content/b.md", line: 2, column: 1), "action 'a1' is overdue; complete it", code: "overdue-action"),
        .error(SourceLocation(path: "content/a.md", line: 7, column: 3), "unknown key 'tittle'; did you mean 'title'?", code: "unknown-key"),
    ]

    @Test("text lines are path:line:col: severity: message, sorted by place")
    func text() {
        #expect(DiagnosticPrinter.render(diagnostics, as: .text) == """
        content/a.md:7:3: error: unknown key 'tittle'; did you mean 'title'?
        content/b.md:2:1: warning: action 'a1' is overdue; complete it

        """)
    }

    @Test("GitHub annotations escape properties and data")
    func github() {
        let d = Diagnostic.error(SourceLocation(path: "content/x,y.md", line: 1, column: 2), "50% done\nnext", code: "c")
        #expect(DiagnosticPrinter.render([d], as: .github) == "::error file=content/x%2Cy.md,line=1,col=2,title=qapress c::50%25 done%0Anext\n")
    }

    @Test("JSON is an array of objects with every field")
    func json() {
        #expect(DiagnosticPrinter.render([diagnostics[1]], as: .json) == """
        [
          {"severity": "error", "path": "content/a.md", "line": 7, "column": 3, "code": "unknown-key", "message": "unknown key 'tittle'; did you mean 'title'?"}
        ]

        """)
        #expect(DiagnosticPrinter.render([], as: .json) == "[]\n")
    }

    @Test("summary counts errors and warnings")
    func summary() {
        #expect(DiagnosticPrinter.summary(diagnostics) == "1 error, 1 warning")
    }

    @Test("near misses suggest close words and prefixes, not distant ones")
    func nearMiss() {
        #expect(NearMiss.suggestion(for: "tittle", in: ["title", "date"]) == "title")
        #expect(NearMiss.suggestion(for: "multi-agency", in: ["multi-agency-audit", "deep-dive"]) == "multi-agency-audit")
        #expect(NearMiss.suggestion(for: "zebra", in: ["title", "date"]) == nil)
    }
}
