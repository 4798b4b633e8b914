import QALoading
import Testing

/// A file's kind comes from its place in the content folder: one of the two files at the top,
/// or a file with the kind's extension directly inside the kind's folder.
@Suite struct DocumentKindTests {
    @Test("each place gives its kind; anything else is no document")
    func places() {
        let kinds: [(String, DocumentKind?)] = [
            ("partnership.md", .partnership), ("glossary.yml", .glossary),
            ("audits/neglect-audit.md", .audit), ("priorities/neglect.md", .priority), ("content-areas/early-help.md", .contentArea),
            ("programme/2025-26.yml", .programme), ("indicators/plans.md", .indicator), ("reviews/r.md", .review),
            ("scrutiny/s.md", .scrutiny), ("briefings/b.md", .briefing), ("pages/about.md", .page), ("reports/2025-26.md", .report),
            ("audits/a.md.bak", nil), ("audits/a.yml", nil), ("programme/2025-26.md", nil), ("audits/sub/a.md", nil),
            ("audits/", nil), ("/a.md", nil), ("audit/a.md", nil), ("Audits/a.md", nil), ("x/partnership.md", nil),
            ("partnership.md.orig", nil), ("apartnership.md", nil), ("glossary.yaml", nil), ("data/x.csv", nil), ("", nil),
            ("audits/é.md", .audit), ("audits/.md", .audit), ("notes.md", nil),
        ]
        for (path, kind) in kinds {
            #expect(DocumentKind.of(relativePath: path) == kind, "\(path)")
        }
    }
}
