import Foundation
import QADiagnostics
import QAModel
import QAPipeline
import Testing

/// `qapress init`, `qapress new` and `qapress serve`, through the real executable.
@Suite(.serialized) struct AuthoringTests {
    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("qapress-\(name)-\(UUID().uuidString)").path
    }

    func run(_ arguments: [String], in folder: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try CommandLineTests().run(arguments, in: folder)
        return (result.status, result.stdout, result.stderr)
    }

    @Test("init makes a partnership that passes check and builds; every new item passes check")
    func initAndNew() throws {
        let root = temporary("init")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let made = try run(["init", root, "--name", "Westvale Safeguarding Children Partnership"], in: FileManager.default.temporaryDirectory.path)
        #expect(made.status == 0, "\(made.stderr)")
        for file in [".gitignore", ".github/workflows/qa.yml", ".gitlab-ci.yml", "qapress.yml", "content/partnership.md"] {
            #expect(FileManager.default.fileExists(atPath: root + "/" + file), "\(file) is missing")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/themes"), "the default theme is used by reference")
        #expect(try run(["check"], in: root).status == 0)

        for (kind, title) in [("audit", "Multi-agency audit: neglect"), ("indicator", "Children on a plan"), ("briefing", "Professional curiosity"),
                              ("review", "Rapid review: a baby"), ("page", "Contact the team")] {
            let new = try run(["new", kind, title], in: root)
            #expect(new.status == 0, "\(new.stderr)")
            #expect(FileManager.default.fileExists(atPath: root + "/" + new.stdout.trimmingCharacters(in: .newlines)), "\(kind): \(new.stdout)")
        }
        let again = try run(["new", "audit", "Multi-agency audit: neglect"], in: root)
        #expect(again.stdout == "content/audits/multi-agency-audit-neglect-2.md\n", "a free id is found")
        let action = try run(["new", "action", "Relaunch the toolkit", "--audit", "multi-agency-audit-neglect"], in: root)
        #expect(action.stdout == "content/audits/multi-agency-audit-neglect.md\n")
        let second = try run(["new", "action", "Brief the chairs", "--audit", "multi-agency-audit-neglect"], in: root)
        #expect(second.status == 0)
        let audit = try String(contentsOfFile: root + "/content/audits/multi-agency-audit-neglect.md", encoding: .utf8)
        #expect(audit.contains("  - id: multi-agency-audit-neglect-a1\n    text: \"Relaunch the toolkit\""))
        #expect(audit.contains("  - id: multi-agency-audit-neglect-a2\n    text: \"Brief the chairs\""))
        let checked = try run(["check"], in: root)
        #expect(checked.status == 0, "\(checked.stdout)")
        let typo = try run(["new", "action", "X", "--audit", "multi-agency-audit-neglet"], in: root)
        #expect(typo.status == 1)
        #expect(typo.stderr == "qapress new: there is no audit 'multi-agency-audit-neglet'; did you mean 'multi-agency-audit-neglect'?\n")
        #expect(try run(["build", "--no-pdf"], in: root).status == 0)
        #expect(try run(["init", root], in: root).status == 1, "init never writes over a partnership")
    }

    @Test("serve shows the site, rebuilds on an edit, tells open pages to reload, and shows a broken edit without dying")
    func serve() throws {
        let root = temporary("serve")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: WebsiteGoldenTests.minimal + "/content", toPath: root + "/content")
        let (server, log, base) = try startServer(in: root)
        defer {
            server.interrupt()
            server.waitUntilExit()
        }

        let page = try fetch(base + "priorities/neglect/")
        #expect(page.contains("Reducing neglect"))
        #expect(try fetch(base).contains("<h1"), "the home page, at the bare address")
        #expect(page.contains("<script src=\"/__qapress/live.js\" defer></script>"))

        let events = EventReader(url: URL(string: base + "__qapress/events")!)
        try events.start()
        let file = root + "/content/priorities/neglect.md"
        try (try String(contentsOfFile: file, encoding: .utf8)).replacingOccurrences(of: "title: Reducing neglect", with: "title: Reducing neglect together")
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(events.waitFor("data: reload"), "open pages are told to reload")
        #expect(try fetch(base + "priorities/neglect/").contains("Reducing neglect together"))

        try FileManager.default.createDirectory(atPath: root + "/content/pages", withIntermediateDirectories: true)
        try "---\ntitle: [unclosed\n---\n".write(toFile: root + "/content/pages/broken.md", atomically: true, encoding: .utf8)
        #expect(log.next { $0.contains("content/pages/broken.md:") } != nil, "the problem is shown in the terminal")
        let broken = try fetch(base + "priorities/neglect/")
        #expect(broken.contains("class=\"qapress-overlay\""), "and over the page")
        #expect(broken.contains("content/pages/broken.md:3:1: error: invalid YAML"))
        #expect(broken.contains("Reducing neglect together"), "the last good site stays up")
        #expect(server.isRunning)
    }

    @Test("serve started on broken content shows the problems on every page, then the site once it is fixed")
    func serveStartsBroken() throws {
        let root = temporary("serve-broken")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: WebsiteGoldenTests.minimal + "/content", toPath: root + "/content")
        let file = root + "/content/priorities/neglect.md"
        let good = try String(contentsOfFile: file, encoding: .utf8)
        try good.replacingOccurrences(of: "title: Reducing neglect", with: "title: [Reducing neglect").write(toFile: file, atomically: true, encoding: .utf8)
        let (server, log, base) = try startServer(in: root)
        defer {
            server.interrupt()
            server.waitUntilExit()
            // The server's log is read until it stops, so that its pipe never fills.
            withExtendedLifetime(log) {}
        }
        let page = try fetch(base)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("class=\"qapress-overlay\""))
        #expect(page.contains("the site has not built yet: fix these and it appears here"))
        #expect(page.contains("content/priorities/neglect.md:"))
        let events = EventReader(url: URL(string: base + "__qapress/events")!)
        try events.start()
        try good.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(events.waitFor("data: reload"))
        let fixed = try fetch(base + "priorities/neglect/")
        #expect(fixed.contains("Reducing neglect"))
        #expect(!fixed.contains("qapress-overlay\""))
        #expect(server.isRunning)
    }

    /// `qapress serve` on a free port in `root`: the process, its terminal output as it comes,
    /// and the address it serves.
    func startServer(in root: String) throws -> (Process, LineReader, String) {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        server.arguments = ["serve", "--port", "0", "--build-date", "2026-11-22"]
        server.currentDirectoryURL = URL(fileURLWithPath: root)
        let errors = Pipe()
        server.standardError = errors
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        let log = LineReader(errors.fileHandleForReading)
        guard let ready = log.next({ $0.contains("previewing on http://127.0.0.1:") }) else {
            server.interrupt()
            server.waitUntilExit()
            throw ServerDidNotStart()
        }
        let base = String(ready[ready.range(of: "http://")!.lowerBound...]).trimmingCharacters(in: .whitespaces).components(separatedBy: " ")[0]
        return (server, log, base)
    }

    struct ServerDidNotStart: Error {}

    func fetch(_ url: String) throws -> String {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = ["curl", "-s", url]
        let out = Pipe()
        curl.standardOutput = out
        try curl.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Lines of a child's output, read as they come.
final class LineReader: @unchecked Sendable {
    private var lines: [String] = []
    private var buffer = ""
    private let lock = NSLock()

    init(_ handle: FileHandle) {
        handle.readabilityHandler = { [weak self] h in
            let data = h.availableData
            guard let self else { return }
            if data.isEmpty {
                h.readabilityHandler = nil
                return
            }
            self.lock.lock()
            self.buffer += String(decoding: data, as: UTF8.self)
            while let newline = self.buffer.firstIndex(of: "\n") {
                self.lines.append(String(self.buffer[..<newline]))
                self.buffer = String(self.buffer[self.buffer.index(after: newline)...])
            }
            self.lock.unlock()
        }
    }

    func first(_ matches: (String) -> Bool) -> String? {
        lock.withLock { lines.first(where: matches) }
    }

    /// The first line so far or within 20 seconds that matches. Blocking on purpose: the
    /// test waits on a real server in another process.
    func next(_ matches: @escaping (String) -> Bool) -> String? {
        for _ in 0..<200 {
            if let found = first(matches) { return found }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }
}

/// Reads a server-sent event stream in the background with curl, as a browser would hold it open.
final class EventReader: @unchecked Sendable {
    let url: URL
    private let process = Process()
    private var lines: LineReader?

    init(url: URL) { self.url = url }

    func start() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-sN", url.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        lines = LineReader(out.fileHandleForReading)
        try process.run()
        _ = lines?.next { $0.hasPrefix("retry:") }
    }

    func waitFor(_ needle: String) -> Bool {
        lines?.next { $0.contains(needle) } != nil
    }

    deinit { if process.isRunning { process.terminate() } }
}
