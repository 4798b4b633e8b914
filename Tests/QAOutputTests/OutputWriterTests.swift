import Foundation
import QAOutput
import QARendering
import Testing

@Suite struct OutputWriterTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a second build replaces the first whole, and leaves no temporary folder")
    func replaces() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try OutputWriter().write([RenderedFile(path: "site/a.html", text: "one"), RenderedFile(path: "site/old.html", text: "old")], to: root + "/output")
        try OutputWriter().write([RenderedFile(path: "site/a.html", text: "two")], to: root + "/output")
        #expect(try String(contentsOfFile: root + "/output/site/a.html", encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: root + "/output/site/old.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["output"])
    }

    @Test("a folder qapress did not create is never replaced")
    func refusesForeignFolder() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/output", withIntermediateDirectories: true)
        try "precious".write(toFile: root + "/output/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: OutputError.notOurs(root + "/output")) {
            try OutputWriter().write([RenderedFile(path: "site/a.html", text: "x")], to: root + "/output")
        }
        #expect(try String(contentsOfFile: root + "/output/notes.txt", encoding: .utf8) == "precious")
    }

    @Test("paths that would leave the output folder are refused before anything is written", arguments: ["../escape.html", "/etc/passwd", "site/../../x", "site//a", "site/./a", ".qapress-output"])
    func refusesUnsafePaths(_ path: String) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: OutputError.unsafePath(path)) {
            try OutputWriter().write([RenderedFile(path: "site/ok.html", text: "ok"), RenderedFile(path: path, text: "x")], to: root + "/output")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/output"))
        #expect(!FileManager.default.fileExists(atPath: root + "/escape.html"))
    }
}
