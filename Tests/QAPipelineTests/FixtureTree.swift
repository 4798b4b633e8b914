import Foundation
import QALoading

/// Fixture folders under Tests/Fixtures, read into memory.
enum FixtureTree {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// Every file under `folder`, keyed by its path relative to `folder`.
    static func files(in folder: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return result }
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = folder + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
               let data = FileManager.default.contents(atPath: full) {
                result[relative] = [UInt8](data)
            }
        }
        return result
    }

    /// The minimal valid partnership with a case's files laid over it. A case file whose
    /// name ends in `.removed` deletes the base file of the same name.
    static func overlay(case name: String) -> InMemoryFileSystem {
        var files = files(in: root + "/valid/minimal")
        for (path, bytes) in self.files(in: root + "/invalid/" + name) where path.hasPrefix("content/") || path == "qapress.yml" {
            if path.hasSuffix(".removed") {
                files[String(path.dropLast(".removed".count))] = nil
            } else {
                files[path] = bytes
            }
        }
        return InMemoryFileSystem(bytes: files)
    }

    static func invalidCases() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/invalid")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}
