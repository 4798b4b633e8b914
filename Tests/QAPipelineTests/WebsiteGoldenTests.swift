import Foundation
import QADiagnostics
import QAModel
import QAPipeline
import Testing

/// The minimal partnership built into a temporary folder and compared, file by file, with
/// Tests/Fixtures/valid/minimal/expected/. Re-record with QAPRESS_RECORD=1 and read the diff.
@Suite struct WebsiteGoldenTests {
    static let minimal = FixtureTree.root + "/valid/minimal"

    func buildMinimal(baseURL: String? = nil) throws -> (output: String, result: BuildResult) {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-golden-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.minimal + "/content", toPath: project + "/content")
        try FileManager.default.createSymbolicLink(atPath: project + "/themes", withDestinationPath: DocumentationTests.repo + "/themes")
        // PDFs depend on the PDF engine installed; BriefingTests covers them.
        let result = build(BuildOptions(projectRoot: project, outputFolder: project + "/output", buildDate: Day(iso: "2026-11-22")!, baseURL: baseURL, pdf: .off))
        return (project + "/output/site", result)
    }

    @Test("the minimal partnership's site matches the golden files")
    func goldenSite() throws {
        let (site, result) = try buildMinimal()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        // Theme assets are copied as they are; the golden files cover what qapress generates.
        let actual = FixtureTree.files(in: site).filter { !$0.key.hasPrefix("theme/") }
        let expectedFolder = Self.minimal + "/expected/site"
        if ProcessInfo.processInfo.environment["QAPRESS_RECORD"] == "1" {
            try? FileManager.default.removeItem(atPath: expectedFolder)
            for (path, bytes) in actual {
                let full = expectedFolder + "/" + path
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: full))
            }
        }
        let expected = FixtureTree.files(in: expectedFolder)
        #expect(Set(actual.keys) == Set(expected.keys))
        for path in actual.keys.sorted() where expected[path] != actual[path] {
            Issue.record("\(path) differs from its golden file")
        }
    }

    @Test("a base path prefixes every link, including links in Markdown")
    func basePath() throws {
        let (site, result) = try buildMinimal(baseURL: "https://example.org/scp/")
        #expect(!result.diagnostics.hasErrors)
        let home = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(home.contains("href=\"/scp/theme/qapress.css\""))
        #expect(home.contains("href=\"/scp/priorities/neglect/\""))
        #expect(!home.contains("href=\"/priorities/"))
        let sitemap = try String(contentsOfFile: site + "/sitemap.xml", encoding: .utf8)
        #expect(sitemap.contains("<loc>https://example.org/scp/audits/neglect-audit/</loc>"))
    }

    @Test("building twice gives byte-identical trees")
    func deterministic() throws {
        let first = FixtureTree.files(in: try buildMinimal().output)
        let second = FixtureTree.files(in: try buildMinimal().output)
        #expect(Set(first.keys) == Set(second.keys))
        let differing = first.keys.filter { first[$0] != second[$0] }.sorted()
        for path in differing {
            let a = String(decoding: first[path]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let b = String(decoding: second[path]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
            Issue.record("\(path) differs between two builds at line \(line + 1):\n\(line < a.count ? a[line] : "")\n\(line < b.count ? b[line] : "")")
        }
    }
}
