import Foundation
import QADiagnostics
import QALoading
import QAModel
import QAPipeline
import Testing

/// docs/CONTENT.md must stay true: its examples pass `qapress check`, its key reference is
/// what the schemas say, and docs/schema holds the current JSON Schemas.
@Suite struct DocumentationTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func contentGuide() throws -> String {
        try String(contentsOfFile: Self.repo + "/docs/CONTENT.md", encoding: .utf8)
    }

    /// Code blocks whose info string names a file: ```` ```markdown file=content/x.md ````.
    func exampleFiles(_ text: String) -> [String: String] {
        var files: [String: String] = [:]
        var current: String?
        var body = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let name = current {
                if line == "````" { files[name] = body; current = nil } else { body += line + "\n" }
            } else if line.hasPrefix("````"), let range = line.range(of: "file=") {
                current = String(line[range.upperBound...])
                body = ""
            }
        }
        return files
    }

    @Test("every example in docs/CONTENT.md passes check, and together they cover every kind")
    func examplesAreValid() throws {
        let files = exampleFiles(try contentGuide())
        let kinds = Set(files.keys.compactMap { DocumentKind.of(relativePath: String($0.dropFirst("content/".count))) })
        #expect(kinds == Set(DocumentKind.allCases), "kinds without an example: \(Set(DocumentKind.allCases).subtracting(kinds))")
        let result = check(CheckOptions(projectRoot: ".", asOf: Day(iso: "2025-12-15")!, today: Day(iso: "2026-11-22")!, fileSystem: InMemoryFileSystem(files)))
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.site.audits.first?.actions.first?.status(asOf: Day(iso: "2026-03-31")!) == .complete)
    }

    @Test("the key reference in docs/CONTENT.md is generated from the schemas")
    func keyReferenceIsCurrent() throws {
        let text = try contentGuide()
        let begin = try #require(text.range(of: "<!-- keys:begin -->\n"))
        let end = try #require(text.range(of: "<!-- keys:end -->"))
        #expect(String(text[begin.upperBound..<end.lowerBound]) == KeyReferenceWriter.markdown,
                "run: .build/debug/qapress schema --markdown, and paste it between the markers")
    }

    @Test("docs/schema holds the current JSON Schema of every kind")
    func jsonSchemasAreCurrent() throws {
        for kind in DocumentKind.allCases {
            let stored = try String(contentsOfFile: Self.repo + "/docs/schema/\(kind.rawValue).schema.json", encoding: .utf8)
            #expect(stored == JSONSchemaWriter.document(for: kind), "run: .build/debug/qapress schema --output docs/schema")
        }
        let config = try String(contentsOfFile: Self.repo + "/docs/schema/config.schema.json", encoding: .utf8)
        #expect(config == JSONSchemaWriter.config)
    }
}
