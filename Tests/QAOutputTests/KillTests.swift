import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `qapress build`, killed with SIGKILL at moments spread over a whole build: the
/// output is always a complete tree, old or new, nothing outside the output folder changes,
/// and the next build clears what the killed ones left behind.
@Suite(.serialized) struct KillTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The qapress built beside this test bundle (whatever the scratch path), else .build's.
    static let executable: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qapress").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : repo + "/.build/debug/qapress"
    }()

    typealias Tree = [String: [UInt8]]

    /// Every file and link under `folder` (links are not followed), by relative path.
    static func snapshot(_ folder: String, skipping skipped: Set<String> = []) -> Tree {
        var tree: Tree = [:]
        func walk(_ relative: String) {
            let full = relative.isEmpty ? folder : folder + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? [] {
                let rel = relative.isEmpty ? name : relative + "/" + name
                if skipped.contains(rel) { continue }
                let type = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + rel))?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    tree[rel + "/"] = []
                    walk(rel)
                } else if type == .typeSymbolicLink {
                    tree[rel + " ->"] = Array(((try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + rel)) ?? "").utf8)
                } else {
                    tree[rel] = FileManager.default.contents(atPath: folder + "/" + rel).map { [UInt8]($0) } ?? []
                }
            }
        }
        walk("")
        return tree
    }

    static func startBuild(in project: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["build", "--no-pdf", "--build-date", "2026-11-22"]
        process.currentDirectoryURL = URL(fileURLWithPath: project)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func build(in project: String) throws {
        let process = try startBuild(in: project)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// A project holding a copy of the minimal fixture partnership and a link to the themes.
    static func project() throws -> String {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-kill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repo + "/Tests/Fixtures/valid/minimal/content", toPath: project + "/content")
        try FileManager.default.createSymbolicLink(atPath: project + "/themes", withDestinationPath: repo + "/themes")
        return project
    }

    /// Two versions of the content, whose sites differ.
    static let auditPath = "/content/audits/neglect-audit.md"
    static func setVersion(_ version: Int, of project: String, original: String) throws {
        try (original + (version == 0 ? "" : "\nA second version of this audit.\n")).write(toFile: project + auditPath, atomically: true, encoding: .utf8)
    }

    @Test("a build killed at any moment leaves the old site or the new one, whole; the next build cleans up")
    func killedBuilds() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable), "build qapress first (swift build --build-tests)")
        // The two complete sites, built without interruption in a project of their own.
        let reference = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: reference) }
        let original = try String(contentsOfFile: reference + Self.auditPath, encoding: .utf8)
        var sites: [Tree] = []
        for version in 0...1 {
            try Self.setVersion(version, of: reference, original: original)
            try Self.build(in: reference)
            sites.append(Self.snapshot(reference + "/output/site"))
        }
        #expect(sites[0] != sites[1])
        #expect(sites[0][".qapress-output"] != nil && sites[0]["index.html"] != nil)

        let project = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: project) }
        try Self.setVersion(0, of: project, original: original)
        let started = Date()
        try Self.build(in: project)
        let duration = Date().timeIntervalSince(started)
        var current = 0
        #expect(Self.snapshot(project + "/output/site") == sites[0], "the same content gives the same bytes in another folder")

        // Kill builds of the other version after delays spread evenly over the time a whole
        // build took here (about 150 ms on an idle machine), and a little beyond.
        var outcomes: [Int] = [], swapped = 0, leftovers = 0
        for run in 0..<17 {
            let delay = Int(duration * 1.2 * 1000 * Double(run) / 16)
            try Self.setVersion(1 - current, of: project, original: original)
            let outside = Self.snapshot(project, skipping: ["output"])
            let process = try Self.startBuild(in: project)
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let site = Self.snapshot(project + "/output/site")
            let which = sites.firstIndex(of: site)
            #expect(which != nil, "run \(run), killed after \(delay) ms: output/site is neither complete site (\(site.count) entries)")
            if let which {
                if which != current { swapped += 1 }
                current = which
                outcomes.append(which)
            }
            #expect(Self.snapshot(project, skipping: ["output"]) == outside, "run \(run): something outside output/ changed")
            let others = try FileManager.default.contentsOfDirectory(atPath: project + "/output").filter { $0 != "site" }
            #expect(others.allSatisfy { $0.hasPrefix(".site.tmp-") }, "run \(run): \(others)")
            leftovers += others.count
        }
        #expect(outcomes.count == 17)
        print("KillTests: of 17 killed builds, \(17 - swapped) left the previous site and \(swapped) finished the swap first; \(leftovers) left a temporary folder behind")

        // What killed builds left behind, and a folder qapress did not make, which it must keep.
        try FileManager.default.createDirectory(atPath: project + "/output/.site.tmp-999999999/audits", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: project + "/output/.site.tmp-999999999/.qapress-output", contents: Data()))
        try FileManager.default.createDirectory(atPath: project + "/output/.site.tmp-999999998", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: project + "/output/.site.tmp-999999998/notes.txt", contents: Data("mine".utf8)))
        // Killed between making its folder and writing the marker: empty, so safe to remove.
        try FileManager.default.createDirectory(atPath: project + "/output/.site.tmp-999999997", withIntermediateDirectories: true)
        try Self.setVersion(0, of: project, original: original)
        try Self.build(in: project)
        #expect(Self.snapshot(project + "/output/site") == sites[0])
        #expect(try FileManager.default.contentsOfDirectory(atPath: project + "/output").sorted() == [".site.tmp-999999998", "site"],
                "stale temporary folders with the marker, or empty, are removed; one without the marker that holds files is left alone: \(Self.snapshot(project + "/output").keys.filter { !$0.hasPrefix("site/") }.sorted())")
    }
}
