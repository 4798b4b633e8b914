import Foundation
import QADiagnostics
import QALoading
import QAMarkdown
import QAModel
import QAPipeline
import Testing

/// Hostile content through the whole check pipeline, on a real (case-sensitive) disk, and the
/// inputs the fuzzer found, replayed the way scripts/fuzz runs them.
@Suite struct HostileContentTests {
    static let asOf = Day(iso: "2026-11-22")!

    @Test("files whose ids differ only by letter case are duplicates, on a case-sensitive disk")
    func caseCollisions() throws {
        let tree = try CommandLineTests().copyOfMinimal(overlaying: nil)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let audit = try String(contentsOfFile: tree + "/content/audits/neglect-audit.md", encoding: .utf8)
        // The same audit under a name that differs only in case, with its own item ids.
        let twin = audit.replacingOccurrences(of: "na-", with: "nb-")
        try twin.write(toFile: tree + "/content/audits/Neglect-Audit.md", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: tree + "/content/pages", withIntermediateDirectories: true)
        try "---\ntitle: About us\n---\nAbout.\n".write(toFile: tree + "/content/pages/about.md", atomically: true, encoding: .utf8)
        try "---\ntitle: About\n---\nAbout.\n".write(toFile: tree + "/content/pages/About.md", atomically: true, encoding: .utf8)
        let names = try FileManager.default.contentsOfDirectory(atPath: tree + "/content/pages")
        try #require(Set(names) == ["about.md", "About.md"], "this test needs a case-sensitive file system")

        let result = check(CheckOptions(projectRoot: tree, asOf: Self.asOf))
        let duplicates = result.diagnostics.filter { $0.code == "duplicate-id" }.map(\.description)
        #expect(duplicates == [
            "\(tree)/content/audits/neglect-audit.md:1:1: error: duplicate audit id 'neglect-audit' (ids may not differ only in letter case); it is already used at \(tree)/content/audits/Neglect-Audit.md:1:1; give this one a different id",
            "\(tree)/content/pages/about.md:1:1: error: duplicate page id 'about' (ids may not differ only in letter case); it is already used at \(tree)/content/pages/About.md:1:1; give this one a different id",
        ])
    }

    /// Where the fuzz target puts its payload, by selector byte: the same table as `slots` in
    /// Sources/QAFuzz/main.swift (checked below).
    static let slots = [
        "content/partnership.md", "content/priorities/fuzz.md", "content/content-areas/fuzz.md",
        "content/programme/2030-31.yml", "content/audits/fuzz.md", "content/indicators/fuzz.md",
        "content/reviews/fuzz.md", "content/scrutiny/fuzz.md", "content/briefings/fuzz.md",
        "content/pages/fuzz.md", "content/glossary.yml", "content/reports/fuzz.md", "qapress.yml",
        "content/data/fuzz.csv",
    ]

    static var regressions: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: FixtureTree.root + "/fuzz-regressions")) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    @Test("the replay puts inputs where the fuzz target does")
    func slotsMatchTheFuzzTarget() throws {
        let source = try String(contentsOfFile: FixtureTree.root + "/../../Sources/QAFuzz/main.swift", encoding: .utf8)
        let table = source.components(separatedBy: "let slots = [")[1].components(separatedBy: "]")[0]
        let paths = table.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        #expect(paths == Self.slots)
    }

    @Test("every input the fuzzer found is checked without a crash, and each of its problems names a file", arguments: regressions)
    func fuzzRegression(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: FixtureTree.root + "/fuzz-regressions/" + name)))
        guard let selector = bytes.first else { return }
        var files = FixtureTree.files(in: FixtureTree.root + "/valid/minimal").filter { $0.key.hasPrefix("content/") }
        files["content/indicators/fuzz-data.md"] = Array("---\ntitle: Fuzzed data\noba: how-much\nunit: count\ndirection: neither\nfrequency: quarterly\npriority: neglect\ndata: data/fuzz.csv\n---\nCommentary.\n".utf8)
        files[Self.slots[Int(selector) % Self.slots.count]] = Array(bytes.dropFirst())
        files["content/data/fuzz.csv"] = Array(bytes.dropFirst())
        let result = check(CheckOptions(projectRoot: ".", asOf: Self.asOf, fileSystem: InMemoryFileSystem(bytes: files)))
        for diagnostic in result.diagnostics {
            #expect(!diagnostic.location.path.isEmpty && diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
        }
        let renderer = MarkdownRenderer()
        for briefing in result.site.publishedBriefings() {
            for section in briefing.sections { _ = renderer.html(section.text) }
        }
    }
}
