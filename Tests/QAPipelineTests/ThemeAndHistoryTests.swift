import Foundation
import QADiagnostics
import QAModel
import QAPipeline
import Testing

@Suite struct ThemeAndHistoryTests {
    func project() throws -> String {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-theme-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: project + "/themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: WebsiteGoldenTests.minimal + "/content", toPath: project + "/content")
        try FileManager.default.createSymbolicLink(atPath: project + "/themes/default", withDestinationPath: DocumentationTests.repo + "/themes/default")
        return project
    }

    @Test("a partnership theme overrides one template and one asset, and keeps the rest of the default")
    func themeOverride() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/themes/eastmere/templates", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/themes/eastmere/assets", withIntermediateDirectories: true)
        try "<h1 class=\"eastmere\">{{title}}</h1>\n<p>Eastmere glossary</p>\n".write(toFile: root + "/themes/eastmere/templates/glossary.mustache", atomically: true, encoding: .utf8)
        try "body { color: #000; }\n".write(toFile: root + "/themes/eastmere/assets/qapress.css", atomically: true, encoding: .utf8)
        try "theme: eastmere\n".write(toFile: root + "/qapress.yml", atomically: true, encoding: .utf8)
        let result = build(BuildOptions(projectRoot: root, outputFolder: root + "/output", buildDate: Day(iso: "2026-11-22")!))
        #expect(result.written, "\(result.diagnostics)")
        let glossary = try String(contentsOfFile: root + "/output/site/glossary/index.html", encoding: .utf8)
        #expect(glossary.contains("<p>Eastmere glossary</p>"))
        #expect(glossary.contains("Skip to main content"), "the default layout still wraps the page")
        let audit = try String(contentsOfFile: root + "/output/site/audits/neglect-audit/index.html", encoding: .utf8)
        #expect(audit.contains("Action plan"), "other templates come from the default")
        #expect(try String(contentsOfFile: root + "/output/site/theme/qapress.css", encoding: .utf8) == "body { color: #000; }\n")
        #expect(FileManager.default.fileExists(atPath: root + "/output/site/theme/qapress.js"))
    }

    @Test("a layout that shows the body in its own way gets exactly what it asks for: written around the body, indented by a partial, escaped, twice")
    func layoutsShowTheBody() throws {
        let page = "audits/neglect-audit/index.html"
        func built(_ layout: String, partial: String? = nil) throws -> String {
            let root = try project()
            defer { try? FileManager.default.removeItem(atPath: root) }
            try FileManager.default.createDirectory(atPath: root + "/themes/plain/templates", withIntermediateDirectories: true)
            try layout.write(toFile: root + "/themes/plain/templates/layout.mustache", atomically: true, encoding: .utf8)
            if let partial { try partial.write(toFile: root + "/themes/plain/templates/main.mustache", atomically: true, encoding: .utf8) }
            try "theme: plain\n".write(toFile: root + "/qapress.yml", atomically: true, encoding: .utf8)
            let result = build(BuildOptions(projectRoot: root, outputFolder: root + "/output", buildDate: Day(iso: "2026-11-22")!, pdf: .off))
            #expect(result.written, "\(result.diagnostics)")
            return try String(contentsOfFile: root + "/output/site/" + page, encoding: .utf8)
        }
        let plain = try built("<main>\n{{{body}}}\n</main>\n")
        #expect(plain.hasPrefix("<main>\n<"), "the layout before the body")
        #expect(plain.hasSuffix("\n</main>\n"), "the layout after the body")
        #expect(plain.contains("Action plan"))
        let body = String(plain.dropFirst("<main>\n".count).dropLast("\n</main>\n".count))
        #expect(!body.contains("\u{0}"), "the stand-in for the body never reaches a page")
        // An indented partial indents its own lines; the body is one value within them.
        let indented = try built("<main>\n  {{>main}}\n</main>\n", partial: "{{{body}}}\n")
        #expect(indented == "<main>\n  " + body + "\n</main>\n")
        #expect(!indented.contains("\u{0}"))
        // Escaped, the body shows as text.
        let escaped = try built("<pre>{{body}}</pre>\n")
        #expect(escaped.hasPrefix("<pre>&lt;"))
        #expect(!escaped.contains("\u{0}"))
        // Twice, it is there twice.
        let twice = try built("{{{body}}}<hr>{{{body}}}\n")
        #expect(twice == body + "<hr>" + body + "\n")
    }

    @Test("a template with a syntax error stops the build at its file and line, and writes nothing")
    func brokenTemplate() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/themes/broken/templates", withIntermediateDirectories: true)
        try "<h1>{{title}}</h1>\n{{#terms}}\n<p>{{term}}</p>\n".write(toFile: root + "/themes/broken/templates/glossary.mustache", atomically: true, encoding: .utf8)
        try "theme: broken\n".write(toFile: root + "/qapress.yml", atomically: true, encoding: .utf8)
        let result = build(BuildOptions(projectRoot: root, outputFolder: root + "/output", buildDate: Day(iso: "2026-11-22")!))
        #expect(!result.written)
        #expect(result.diagnostics.contains { $0.code == "template-syntax" && $0.location.path.hasSuffix("themes/broken/templates/glossary.mustache") })
        #expect(!FileManager.default.fileExists(atPath: root + "/output"))
    }

    @Test("last updated comes from the git history of each page's file")
    func lastUpdatedFromGit() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(atPath: root) }
        func git(_ args: String...) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", root] + args
            var env = ProcessInfo.processInfo.environment
            env["GIT_AUTHOR_DATE"] = "2025-05-06T12:00:00Z"
            env["GIT_COMMITTER_DATE"] = "2025-05-06T12:00:00Z"
            env["GIT_AUTHOR_NAME"] = "QA officer"; env["GIT_AUTHOR_EMAIL"] = "qa@example.org"
            env["GIT_COMMITTER_NAME"] = "QA officer"; env["GIT_COMMITTER_EMAIL"] = "qa@example.org"
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "git \(args)")
        }
        try git("init", "-q")
        try git("add", "content")
        try git("commit", "-q", "-m", "Content")
        let result = build(BuildOptions(projectRoot: root, outputFolder: root + "/output", buildDate: Day(iso: "2026-11-22")!))
        #expect(result.written)
        let audit = try String(contentsOfFile: root + "/output/site/audits/neglect-audit/index.html", encoding: .utf8)
        #expect(audit.contains("Last updated 6 May 2025"))
        let sitemap = try String(contentsOfFile: root + "/output/site/sitemap.xml", encoding: .utf8)
        #expect(sitemap.contains("<lastmod>2025-05-06</lastmod>"))
    }
}
