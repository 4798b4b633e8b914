import Foundation
import Testing

/// The real `qapress` executable, as users and CI run it.
@Suite struct CommandLineTests {
    static let repo = DocumentationTests.repo
    static let executable = repo + "/.build/debug/qapress"

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], in folder: String = repo) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1795305600" // 2026-11-22
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    var fixture: String { FixtureTree.root + "/invalid/unknown-key" }

    @Test("check exits 1 with the diagnostics on stdout and a summary on stderr")
    func checkWithErrors() throws {
        let tree = try copyOfMinimal(overlaying: fixture)
        let result = try run(["check"], in: tree)
        #expect(result.status == 1)
        #expect(result.stdout == "content/audits/neglect-audit.md:2:1: error: unknown key 'tittle' in audit; did you mean 'title'?\n")
        #expect(result.stderr == "qapress check: 1 error, 0 warnings\n")
    }

    @Test("check exits 0 on clean content, and --warnings-as-errors turns an overdue action into a failure")
    func cleanAndWarnings() throws {
        let tree = try copyOfMinimal(overlaying: nil)
        #expect(try run(["check"], in: tree).status == 0)
        let late = try run(["check", "--as-of", "2024-10-01", "--warnings-as-errors"], in: tree)
        #expect(late.status == 0, "nothing is overdue on 2024-10-01")
        let plan = tree + "/content/audits/neglect-audit.md"
        let text = try String(contentsOfFile: plan, encoding: .utf8).replacingOccurrences(of: "        status: complete", with: "        status: amber")
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        let overdue = try run(["check", "--warnings-as-errors"], in: tree)
        #expect(overdue.status == 1)
        #expect(overdue.stdout.contains("warning: action 'na-a1' in 'Neglect audit' was due on 2025-03-31 and is 601 days overdue as of 2026-11-22"))
    }

    @Test("build --timings prints each stage once, in order, and the stages add up to the total")
    func timings() throws {
        let tree = try copyOfMinimal(overlaying: nil)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let result = try run(["build", "--no-pdf", "--only", "website", "--timings"], in: tree)
        #expect(result.status == 0)
        let stages = Self.stages(in: result.stderr)
        #expect(stages.map(\.0) == ["load", "model", "validate", "prepare", "render", "write", "total"])
        let sum = stages.dropLast().reduce(0) { $0 + $1.1 }
        // Each stage is rounded to the millisecond on its own.
        #expect(abs(sum - stages.last!.1) <= stages.count, "\(stages)")
    }

    @Test("build reports a problem in qapress.yml once, as check does, and writes nothing")
    func configProblemOnce() throws {
        let tree = try copyOfMinimal(overlaying: nil)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let config = tree + "/qapress.yml"
        let text = (try? String(contentsOfFile: config, encoding: .utf8)) ?? ""
        try (text + "colour: blue\n").write(toFile: config, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let expected = "qapress.yml:\(line):1: error: unknown key 'colour' in config; the keys allowed in a config are: content, theme, base_url, build_date, default_audience, privacy, briefings\n"
        let checked = try run(["check"], in: tree)
        #expect(checked.stdout == expected)
        let built = try run(["build", "--no-pdf"], in: tree)
        #expect(built.status == 1)
        #expect(built.stdout == expected)
        #expect(!FileManager.default.fileExists(atPath: tree + "/output/site"))
    }

    /// The stages `--timings` printed, with their milliseconds.
    static func stages(in stderr: String) -> [(String, Int)] {
        let lines = stderr.split(separator: "\n").drop { $0 != "timings:" }.dropFirst().prefix { $0.hasPrefix("  ") }
        return lines.map { line in
            let words = line.split(separator: " ")
            return (String(words[0]), Int(words[1]) ?? -1)
        }
    }

    @Test("check --timings prints load, model and validate, and they add up to the total")
    func checkTimings() throws {
        let tree = try copyOfMinimal(overlaying: nil)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let result = try run(["check", "--timings"], in: tree)
        #expect(result.status == 0)
        let stages = Self.stages(in: result.stderr)
        #expect(stages.map(\.0) == ["load", "model", "validate", "total"])
        #expect(abs(stages.dropLast().reduce(0) { $0 + $1.1 } - stages.last!.1) <= stages.count, "\(stages)")
    }

    @Test("--format github and json")
    func formats() throws {
        let tree = try copyOfMinimal(overlaying: fixture)
        let github = try run(["check", "--format", "github"], in: tree)
        #expect(github.stdout == "::error file=content/audits/neglect-audit.md,line=2,col=1,title=qapress unknown-key::unknown key 'tittle' in audit; did you mean 'title'?\n")
        let json = try run(["check", "content", "--format", "json"], in: tree)
        #expect(json.stdout.hasPrefix("[\n  {\"severity\": \"error\", \"path\": \"content/audits/neglect-audit.md\", \"line\": 2"))
        #expect(json.stderr.isEmpty)
    }

    @Test("a wrong command line exits 64")
    func usage() throws {
        #expect(try run(["check", "--as-of", "31/03/2026"]).status == 64)
        #expect(try run(["schema", "nonsense"]).status == 64)
    }

    @Test("a missing content folder is one clear error")
    func missingContent() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let result = try run(["check"], in: empty)
        #expect(result.status == 1)
        #expect(result.stdout == "content:1:1: error: there is no content folder here; run qapress in a partnership's repository, or name the folder: qapress check path/to/content\n")
    }

    /// A temporary copy of the minimal partnership with a case's files laid over it.
    func copyOfMinimal(overlaying caseFolder: String?) throws -> String {
        let tree = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-cli-\(UUID().uuidString)").path
        var files = FixtureTree.files(in: FixtureTree.root + "/valid/minimal")
        if let caseFolder { files.merge(FixtureTree.files(in: caseFolder).filter { $0.key.hasPrefix("content/") }) { $1 } }
        for (path, bytes) in files {
            let full = tree + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: full))
        }
        return tree
    }
}

@Suite struct ThreadCountTests {
    @Test("the example builds to the same bytes on one thread as on every core")
    func sameOnOneThread() throws {
        func build(threads: String?) throws -> [String: [UInt8]] {
            let output = FileManager.default.temporaryDirectory.path + "/qapress-threads-\(threads ?? "all")-\(getpid())"
            defer { try? FileManager.default.removeItem(atPath: output) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
            process.arguments = ["build", "--output", output, "--no-pdf", "--quiet"]
            process.currentDirectoryURL = URL(fileURLWithPath: CommandLineTests.repo)
            var environment = ProcessInfo.processInfo.environment
            environment["SOURCE_DATE_EPOCH"] = "1795305600"
            environment["QAPRESS_THREADS"] = threads
            process.environment = environment
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return FixtureTree.files(in: output + "/site")
        }
        let serial = try build(threads: "1")
        let parallel = try build(threads: nil)
        #expect(serial.count > 50)
        #expect(Set(serial.keys) == Set(parallel.keys))
        #expect(serial.keys.filter { serial[$0] != parallel[$0] }.sorted() == [])
    }
}
