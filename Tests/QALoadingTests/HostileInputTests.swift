import Foundation
import QADiagnostics
@testable import QALoading
import QAModel
import Testing

/// Input built to break the loader: each gives a diagnostic that names the file, and the load
/// finishes in bounded time because every limit is checked before the expensive step
/// (docs/LIMITS.md). Diagnostics are compared exactly; no timing is asserted.
@Suite struct HostileInputTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    /// The diagnostics about one file, as printed.
    func problems(_ loaded: LoadedContent, _ path: String) -> [String] {
        loaded.diagnostics.filter { $0.location.path == path }.map(\.description)
    }

    func load(_ files: [String: String]) -> LoadedContent {
        ContentLoader(root: "content", fileSystem: InMemoryFileSystem(files)).load()
    }

    func page(_ body: String, frontMatter: String = "title: Hostile") -> String { "---\n\(frontMatter)\n---\n\(body)" }

    /// A fresh folder holding `content/`, removed when `body` returns.
    func withContentFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/content/audits", withIntermediateDirectories: true)
        defer {
            _ = chmod(folder + "/content/audits", 0o755)
            try? FileManager.default.removeItem(atPath: folder)
        }
        try body(folder + "/content")
    }

    // MARK: Encoding

    @Test("invalid UTF-8 and NUL bytes are reported where they are")
    func encoding() {
        for (name, expected) in [("invalid-utf8", "3:18: error: the file is not valid UTF-8 text; save it as UTF-8 in your editor"),
                                 ("binary-file", "3:16: error: the file contains a NUL byte, so it looks like a binary file; content files must be UTF-8 text")] {
            let root = Self.fixtures + "/invalid/\(name)/content"
            let loaded = ContentLoader(root: root).load()
            #expect(problems(loaded, root + "/priorities/neglect.md") == [root + "/priorities/neglect.md:" + expected])
        }
    }

    // MARK: Size

    @Test("a 100 MB file is refused after reading at most 8 MB of it")
    func hugeFile() throws {
        try withContentFolder { content in
            let path = content + "/audits/huge.md"
            #expect(FileManager.default.createFile(atPath: path, contents: Data("---\ntitle: x\n---\n".utf8)))
            #expect(truncate(path, 100 * 1024 * 1024) == 0, "a sparse file: no 100 MB is written")
            let read = try DiskFileSystem().read(path)
            #expect(read.count == 8 * 1024 * 1024 + 1)
            let loaded = ContentLoader(root: content).load()
            #expect(problems(loaded, path) == ["\(path):1:1: error: the file is larger than the 8 MB limit for a content file; split it into several files"])
        }
    }

    @Test("a 5 MB line is refused as a line, in the body or in the front matter")
    func longLines() {
        let line = String(repeating: "a", count: 5 * 1024 * 1024)
        let loaded = load(["content/pages/body.md": page(line), "content/pages/title.md": page("Body.\n", frontMatter: "title: " + line)])
        #expect(problems(loaded, "content/pages/body.md") == ["content/pages/body.md:4:1: error: this line is 5120 KB long, over the 64 KB limit for one line; break it into shorter lines (Markdown and YAML text can run over several lines)"])
        #expect(problems(loaded, "content/pages/title.md") == ["content/pages/title.md:2:1: error: this line is 5121 KB long, over the 64 KB limit for one line; break it into shorter lines (Markdown and YAML text can run over several lines)"])
    }

    @Test("a 100,000-row data file is refused at row 10,001; 10,000 rows load")
    func bigTable() {
        let indicator = page("Commentary.\n", frontMatter: "title: Rows\noba: how-much\nunit: count\ndirection: neither\nfrequency: quarterly\ndata: data/rows.csv")
        func csv(_ rows: Int) -> String {
            "period,value\n" + (0..<rows).map { i in
                let year = 2000 + i / 4
                return "\(year)-\(String(format: "%02d", (year + 1) % 100)) Q\(i % 4 + 1),\(i % 50)\n"
            }.joined()
        }
        let huge = load(["content/indicators/rows.md": indicator, "content/data/rows.csv": csv(100_000)])
        #expect(problems(huge, "content/data/rows.csv") == ["content/data/rows.csv:10002:1: error: the data file has more than 10000 rows of values; an indicator holds at most 10000, so keep only the periods it reports on"])
        #expect(huge.site.indicators.first?.values.isEmpty == true)
        let fine = load(["content/indicators/rows.md": indicator, "content/data/rows.csv": csv(10_000)])
        #expect(problems(fine, "content/data/rows.csv") == [])
        #expect(fine.site.indicators.first?.values.count == 10_000)
    }

    @Test("a document's Markdown, body and keys together, is limited to 256 KB")
    func markdownBudget() {
        let paragraph = String(repeating: "Text. ", count: 10) + "\n\n"
        let body = String(repeating: paragraph, count: 200 * 1024 / paragraph.utf8.count)
        let block = "  " + String(repeating: "Text. ", count: 10) + "\n  \n"
        let field = "summary: Short.\nsharing: |\n" + String(repeating: block, count: 100 * 1024 / block.utf8.count)
        let audit = page(body, frontMatter: "title: Big\nkind: single-agency-audit\ndate: 2025-01-01\n" + field)
        let loaded = load(["content/audits/big.md": audit])
        let lines = audit.split(separator: "\n", omittingEmptySubsequences: false)
        let bodyLine = lines.lastIndex(of: "---")! + 2
        #expect(problems(loaded, "content/audits/big.md").contains("content/audits/big.md:\(bodyLine):1: error: this body and the Markdown in the keys above it come to 294 KB, over the 256 KB limit for one document; split it into several documents or pages"))
        #expect(loaded.site.audits.first?.body == "", "a refused body is left out")
    }

    // MARK: Markdown

    @Test("deeply nested lists and block quotes in a body are refused at their line")
    func deepMarkdownBodies() {
        let lists = (0..<100).map { String(repeating: "  ", count: $0) + "- item\n" }.joined()
        let quotes = "Intro.\n\n" + String(repeating: "> ", count: 10_000) + "deep\n"
        let loaded = load(["content/pages/lists.md": page(lists), "content/pages/quotes.md": page(quotes)])
        #expect(problems(loaded, "content/pages/lists.md") == ["content/pages/lists.md:20:33: error: lists and block quotes nest more than 16 levels deep here; flatten the structure"])
        #expect(problems(loaded, "content/pages/quotes.md") == ["content/pages/quotes.md:6:33: error: lists and block quotes nest more than 16 levels deep here; flatten the structure"])
        #expect(loaded.site.pages.allSatisfy { $0.body.isEmpty }, "refused bodies never reach the renderer")
    }

    @Test("a pathological Markdown key is refused at the key, with the line of its text")
    func pathologicalMarkdownKey() {
        let wide = "|" + String(repeating: "a|", count: 10_000)
        let audit = page("Body.\n", frontMatter: "title: Wide\nkind: single-agency-audit\ndate: 2025-01-01\nsummary: S.\nsharing: |\n  Intro.\n  \(wide)")
        let loaded = load(["content/audits/wide.md": audit])
        #expect(problems(loaded, "content/audits/wide.md").contains("content/audits/wide.md:6:10: error: 'sharing', line 2 of its text: this text would take too long to render (see docs/LIMITS.md): it has table rows with too many cells (at least 8661 '|' on this line), and a row takes time that grows with the square of its cells; split wide tables into narrower ones, or write '\\|' for a bar that is not a column"))
    }

    @Test("Markdown keys that are each fine but together too slow are refused from the one that runs out the budget")
    func sharedBudget() {
        let quotes = String(repeating: "'", count: 3_000)
        let findings = (1...20).map { "  - id: f\($0)\n    kind: strength\n    text: |\n      \(quotes)\n" }.joined()
        let audit = page("Body.\n", frontMatter: "title: Quotes\nkind: single-agency-audit\ndate: 2025-01-01\nfindings:\n" + findings)
        let loaded = load(["content/audits/quotes.md": audit])
        let refused = problems(loaded, "content/audits/quotes.md").filter { $0.contains("too long to render") }
        #expect(refused.count == 4, "findings 17 to 20")
        #expect(refused.first == "content/audits/quotes.md:72:11: error: 'text': this text, with the other Markdown in this document, would take too long to render (see docs/LIMITS.md): its paragraphs hold too many quotation marks (at least 2450 in the paragraph that starts here), and smart quotes are matched in time that grows with the square of their number in a paragraph; split long paragraphs with blank lines")
        #expect(loaded.site.audits.first?.findings.count == 20)
    }

    // MARK: YAML

    @Test("a YAML alias bomb is refused before anything is expanded")
    func billionLaughs() {
        var yaml = "title: Laughs\nsummary: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...9 {
            yaml += "l\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let loaded = load(["content/pages/laughs.md": page("Body.\n", frontMatter: yaml)])
        #expect(problems(loaded, "content/pages/laughs.md") == ["content/pages/laughs.md:4:10: error: YAML aliases (*name) are not supported; write the value out in full instead of repeating it by alias"])
    }

    // MARK: The file system

    @Test("the disk walk lists paths in the order of whole paths, a file before a folder it prefixes")
    func walkOrder() throws {
        try withContentFolder { content in
            let fm = FileManager.default
            // "a.md" and "a-b" sort before "a/…" as whole paths ('.' and '-' come before '/'),
            // though the folder "a" sorts before them by name alone.
            for folder in ["a", "a-b", "ab", "audits/z"] { try fm.createDirectory(atPath: content + "/" + folder, withIntermediateDirectories: true) }
            for file in ["a.md", "a/x.md", "a-b/y.md", "ab/w.md", "a0.md", "audits/z/v.md", "audits.md", "audits/a.md"] {
                #expect(fm.createFile(atPath: content + "/" + file, contents: Data("x".utf8)))
            }
            let (paths, problems) = DiskFileSystem().walked(under: content)
            #expect(problems.isEmpty)
            #expect(paths == paths.sorted())
            #expect(paths.firstIndex(of: "a.md")! < paths.firstIndex(of: "a/x.md")!)
            #expect(paths.firstIndex(of: "a-b/y.md")! < paths.firstIndex(of: "a/x.md")!)
            #expect(paths.firstIndex(of: "audits.md")! < paths.firstIndex(of: "audits/a.md")!)
        }
    }

    @Test("symbolic link loops, links to folders and links to pipes are reported, never followed")
    func links() throws {
        try withContentFolder { content in
            let fm = FileManager.default
            try fm.createSymbolicLink(atPath: content + "/audits/a.md", withDestinationPath: content + "/audits/b.md")
            try fm.createSymbolicLink(atPath: content + "/audits/b.md", withDestinationPath: content + "/audits/a.md")
            try fm.createSymbolicLink(atPath: content + "/audits/loop", withDestinationPath: content)
            #expect(mkfifo(content + "/audits/pipe.md", 0o644) == 0)
            try fm.createSymbolicLink(atPath: content + "/audits/to-pipe.md", withDestinationPath: content + "/audits/pipe.md")
            let loaded = ContentLoader(root: content).load()
            #expect(problems(loaded, content + "/audits/a.md") == ["\(content)/audits/a.md:1:1: error: this symbolic link points to nothing or loops; remove it or point it at a file"])
            #expect(problems(loaded, content + "/audits/b.md") == ["\(content)/audits/b.md:1:1: error: this symbolic link points to nothing or loops; remove it or point it at a file"])
            #expect(problems(loaded, content + "/audits/loop") == ["\(content)/audits/loop:1:1: error: this symbolic link points to a folder, which qapress does not follow; copy the folder in instead"])
            #expect(problems(loaded, content + "/audits/pipe.md") == ["\(content)/audits/pipe.md:1:1: error: this is not a regular file; remove it from the content folder"])
            #expect(problems(loaded, content + "/audits/to-pipe.md") == ["\(content)/audits/to-pipe.md:1:1: error: this symbolic link points to something that is not a regular file; remove it from the content folder"])
            #expect(throws: (any Error).self, "reading a pipe fails at once rather than waiting for a writer") { try DiskFileSystem().read(content + "/audits/pipe.md") }
        }
    }

    @Test("unreadable files and folders are reported")
    func unreadable() throws {
        try withContentFolder { content in
            let file = content + "/audits/locked.md"
            try "---\ntitle: Locked\n---\n".write(toFile: file, atomically: true, encoding: .utf8)
            #expect(chmod(file, 0) == 0)
            try FileManager.default.createDirectory(atPath: content + "/data", withIntermediateDirectories: true)
            try "period,value\n".write(toFile: content + "/data/locked.csv", atomically: true, encoding: .utf8)
            #expect(chmod(content + "/data/locked.csv", 0) == 0)
            try FileManager.default.createDirectory(atPath: content + "/pages", withIntermediateDirectories: true)
            #expect(chmod(content + "/pages", 0) == 0)
            defer { _ = chmod(content + "/pages", 0o755) }
            try "---\ntitle: Rows\noba: how-much\nunit: count\ndirection: neither\nfrequency: quarterly\ndata: data/locked.csv\n---\n"
                .write(toFile: content + "/indicators.tmp", atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(atPath: content + "/indicators", withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: content + "/indicators.tmp", toPath: content + "/indicators/rows.md")
            let loaded = ContentLoader(root: content).load()
            // Root reads files whatever their permissions, so there is nothing to report then.
            guard access(file, R_OK) != 0 else { return }
            #expect(problems(loaded, file) == ["\(file):1:1: error: cannot read this file; check its permissions"])
            #expect(problems(loaded, content + "/data/locked.csv") == ["\(content)/data/locked.csv:1:1: error: cannot read this file; check its permissions, and that it is a file, not a folder"])
            #expect(problems(loaded, content + "/pages") == ["\(content)/pages:1:1: error: cannot read this folder; check its permissions"])
        }
    }
}
