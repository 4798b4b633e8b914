import Foundation
import QADiagnostics
import QALoading
import QAModel
import QAPipeline
import Testing

/// The example partnership in content/ is clean, and ten mistakes of different kinds,
/// planted in ten different files, are all reported in one run, each at its line.
@Suite struct ExampleContentTests {
    static let asOf = Day(iso: "2026-11-22")!

    func exampleFiles() -> [String: [UInt8]] {
        var files = FixtureTree.files(in: DocumentationTests.repo + "/content").reduce(into: [:]) { $0["content/" + $1.key] = $1.value }
        files["qapress.yml"] = FileManager.default.contents(atPath: DocumentationTests.repo + "/qapress.yml").map { [UInt8]($0) }
        return files
    }

    @Test("qapress check reports no errors on the example, and only overdue actions as warnings")
    func exampleIsClean() {
        let result = check(CheckOptions(projectRoot: ".", asOf: Self.asOf, fileSystem: InMemoryFileSystem(bytes: exampleFiles())))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        #expect(result.diagnostics.allSatisfy { $0.code == "overdue-action" }, "\(result.diagnostics)")
        #expect(result.site.priorities.count >= 4)
        #expect(result.site.audits.count >= 6)
        #expect(Set(result.site.audits.map(\.kind)).count >= 4)
        #expect(result.site.indicators.count >= 12)
        #expect(result.site.indicators.allSatisfy { $0.values.count >= 8 })
        #expect(result.site.programmes.count >= 2)
        #expect(Set(result.site.reviews.map(\.kind)).isSuperset(of: [.rapidReview, .localCSPR]))
        #expect(!result.site.scrutiny.isEmpty)
        #expect(Set(result.site.pages.map(\.id)).isSuperset(of: ["about", "contact", "accessibility"]))
        #expect(!result.site.glossary.isEmpty)
        #expect(result.diagnostics.contains { $0.code == "overdue-action" }, "the example shows some overdue actions")
    }

    /// A planted mistake: in `file`, replace the first `find` with `replace`; the diagnostic
    /// with `code` must be reported on the line where `marker` then stands.
    struct Mistake: CustomStringConvertible {
        var file: String
        var find: String
        var replace: String
        var code: String
        var marker: String
        var description: String { "\(code) in \(file)" }
    }

    static let mistakes = [
        Mistake(file: "content/partnership.md", find: "\nshort_name:", replace: "\nshortname:", code: "unknown-key", marker: "shortname:"),
        Mistake(file: "content/priorities/neglect.md", find: "\nlead: ", replace: "\nlead: counicl-", code: "unknown-reference", marker: "lead: counicl-"),
        Mistake(file: "content/audits/maa-2024-neglect.md", find: "    due: ", replace: "    due: 2025-02-30\n    x_due: ", code: "bad-date", marker: "due: 2025-02-30"),
        Mistake(file: "content/programme/2024-25.yml", find: "status: done", replace: "status: finished", code: "bad-choice", marker: "status: finished"),
        Mistake(file: "content/scrutiny/scrutiny-2025-neglect.md", find: "\ndate: ", replace: "\ntitle: Repeated\ndate: ", code: "duplicate-key", marker: "title: Repeated"),
        Mistake(file: "content/glossary.yml", find: "", replace: "  - term: BRAG\n    meaning: Defined twice.\n", code: "duplicate-term", marker: "term: BRAG\n    meaning: Defined twice."),
        Mistake(file: "content/data/repeat-referrals.csv", find: "2024-25 Q2,", replace: "2024-25 Q2,n/a\n2024-25 Q2b,", code: "bad-number", marker: "2024-25 Q2,n/a"),
        Mistake(file: "content/audits/s11-2024.md", find: "    recommendation: s11-24-r1\n", replace: "", code: "recommendation-without-action", marker: "id: s11-24-r1"),
        Mistake(file: "content/content-areas/neglect.md", find: "\nkind: ", replace: "\nkind: 010\nx_kind: ", code: "bad-choice", marker: "kind: 010"),
        Mistake(file: "content/reviews/rapid-review-2025-infant.md", find: "\ndate: ", replace: "\npublished: [a, list]\ndate: ", code: "wrong-type", marker: "published: [a, list]"),
    ]

    @Test("ten mistakes in ten files are all reported in one run, each at its line")
    func tenMistakes() throws {
        var files = exampleFiles()
        var expected: [(Mistake, Int)] = []
        for mistake in Self.mistakes {
            var text = String(decoding: try #require(files[mistake.file], "\(mistake.file) is missing"), as: UTF8.self)
            if mistake.find.isEmpty {
                text += mistake.replace
            } else {
                let range = try #require(text.range(of: mistake.find), "'\(mistake.find)' not found in \(mistake.file)")
                text.replaceSubrange(range, with: mistake.replace)
            }
            files[mistake.file] = Array(text.utf8)
            let markerStart = try #require(text.range(of: mistake.marker)).lowerBound
            let line = text[..<markerStart].filter { $0 == "\n" }.count + 1
            expected.append((mistake, line))
        }
        let result = check(CheckOptions(projectRoot: ".", asOf: Self.asOf, fileSystem: InMemoryFileSystem(bytes: files)))
        let errors = result.diagnostics.filter { $0.severity == .error }
        for (mistake, line) in expected {
            #expect(errors.contains { $0.location.path == mistake.file && $0.location.line == line && $0.code == mistake.code },
                    "expected \(mistake) at line \(line); got \(errors.filter { $0.location.path == mistake.file })")
        }
        #expect(Set(errors.map(\.location.path)).count == 10, "\(errors)")
    }
}
