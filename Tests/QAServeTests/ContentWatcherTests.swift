import Foundation
import Testing
@testable import QAServe

@Suite("Noticing edits for the preview")
struct ContentWatcherTests {
    func folder(_ name: String) throws -> String {
        let root = NSTemporaryDirectory() + "qapress-watch-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root + "/content/priorities", withIntermediateDirectories: true)
        try "---\ntitle: Neglect\n---\n".write(toFile: root + "/content/priorities/neglect.md", atomically: false, encoding: .utf8)
        return root
    }

    @Test("a file's edit, a new file and a removed file each change the fingerprint; hidden files do not")
    func fingerprint() throws {
        let root = try folder("fingerprint")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = ContentWatcher(roots: [root + "/content", root + "/qapress.yml"])
        let first = watcher.fingerprint()
        #expect(Array(first.keys) == [root + "/content/priorities/neglect.md"], "files only: no folders, and a missing root is left out")

        try "---\ntitle: Neglect and harm\n---\n".write(toFile: root + "/content/priorities/neglect.md", atomically: false, encoding: .utf8)
        let edited = watcher.fingerprint()
        #expect(edited != first)

        // What an editor's save does first: a hidden temporary file beside the one it replaces.
        // The folder's modification time changes, but the content has not changed yet.
        try "draft".write(toFile: root + "/content/priorities/.neglect.md.swp", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/content/.git", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/content/.git/index", atomically: false, encoding: .utf8)
        #expect(watcher.fingerprint() == edited)

        try "---\ntitle: Harm\n---\n".write(toFile: root + "/content/priorities/harm.md", atomically: false, encoding: .utf8)
        let added = watcher.fingerprint()
        #expect(added.count == 2)
        try FileManager.default.removeItem(atPath: root + "/content/priorities/harm.md")
        #expect(watcher.fingerprint() == edited)

        try "site: {}\n".write(toFile: root + "/qapress.yml", atomically: false, encoding: .utf8)
        #expect(watcher.fingerprint().count == 2, "a root that is a file counts once it exists")
    }

    @Test("a rebuild waits until the content has stayed the same for one poll")
    func settling() {
        var changes = SettledChanges(built: 0)
        // Each poll's fingerprint, and whether that poll starts a rebuild.
        let polls: [(Int, Bool)] = [
            (0, false),  // nothing changed
            (1, false),  // changed, but perhaps still changing
            (1, true),   // the same again: rebuild
            (1, false),  // already built
            (2, false), (3, false),  // still changing: no rebuild of a half-made state
            (3, true),
            (4, false),
            (1, false), (1, true),  // back to an older state, which is not what was built last
            (1, false),
        ]
        let rebuilds = polls.map { changes.poll($0.0) }
        #expect(rebuilds == polls.map(\.1))
    }
}
