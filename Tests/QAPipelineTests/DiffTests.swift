import Foundation
import QAChanges
import QADiagnostics
import QAModel
import QAPipeline
import Testing

/// `qapress diff` on real git repositories built commit by commit.
@Suite struct DiffTests {
    final class Repository {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-git-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: WebsiteGoldenTests.minimal + "/content", toPath: path + "/content")
            try git("init", "-q")
            try commit("Minimal partnership")
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func git(_ args: String..., date: String? = nil) throws {
            let p = Process()
            if let date {
                var env = ProcessInfo.processInfo.environment
                env["GIT_AUTHOR_DATE"] = date
                env["GIT_COMMITTER_DATE"] = date
                p.environment = env
            }
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", path, "-c", "user.name=QA officer", "-c", "user.email=qa@example.org"] + args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        }

        func commit(_ message: String, date: String? = nil) throws {
            try git("add", "-A")
            try git("commit", "-q", "-m", message, date: date)
        }

        func edit(_ file: String, _ find: String, _ replace: String) throws {
            let full = path + "/content/" + file
            let text = try String(contentsOfFile: full, encoding: .utf8)
            #expect(text.contains(find), "\(find) not in \(file)")
            try text.replacingOccurrences(of: find, with: replace).write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    @Test("a series of commits reads as a reviewer would: slipped, closed, revised, added, and what became public first")
    func reviewSummary() throws {
        let repo = try Repository()
        try repo.edit("audits/neglect-audit.md", "    due: 2025-03-31\n    history:\n      - date: 2024-09-01\n        status: green\n      - date: 2025-03-01\n        status: complete\n    evidence: Staff use the toolkit in 8 of 10 cases.\n",
                      "    due: 2025-06-30\n    history:\n      - date: 2024-09-01\n        status: green\n      - date: 2025-03-01\n        status: amber\n")
        try repo.commit("Slip na-a1")
        try repo.edit("audits/neglect-audit.md", "        status: amber\n", "        status: amber\n      - date: 2025-06-01\n        status: complete\n    evidence: Eight of ten plans now use the toolkit.\n  - id: na-a2\n    text: Re-audit in a year.\n    recommendation: na-r1\n    owner: police\n    due: 2026-06-30\n    status: green\n    audience: internal\n")
        try repo.commit("Close na-a1, add na-a2")
        try repo.edit("indicators/neglect-plans.md", "    value: 38", "    value: 36")
        try repo.edit("indicators/neglect-plans.md", "  - period: 2024-25 Q2\n    value: 36\n", "  - period: 2024-25 Q2\n    value: 36\n  - period: 2024-25 Q3\n    value: 31\n")
        try repo.commit("Revise and add figures")
        try repo.edit("audits/neglect-audit.md", "    audience: internal\n", "")
        try repo.edit("programme/2024-25.yml", "quarter: 2", "quarter: 3")
        try repo.commit("Publish na-a2; move the audit")

        let changes = try diff(DiffOptions(projectRoot: repo.path, base: "HEAD~4", head: "HEAD", asOf: Day(iso: "2026-11-22")!))
        let text = changes.map { "\($0.kind.rawValue): \($0.text)" }
        #expect(text.contains("due-date-moved: Action na-a1 in 'Neglect audit' slipped by 91 days: due 31 March 2025 → 30 June 2025"))
        #expect(text.contains("action-added: Action na-a2 added to 'Neglect audit', due 30 June 2026: Re-audit in a year."))
        #expect(text.contains("value-revised: 'Children on a plan for neglect' for 2024-25 Q2 revised: 38 → 36"))
        #expect(text.contains("value-added: 'Children on a plan for neglect' for 2024-25 Q3: 31"))
        #expect(text.contains("audit-moved: 'Neglect audit' moved from Q2 2024-25 to Q3 2024-25"))
        #expect(changes.contains { $0.kind == .problemIntroduced && $0.text.contains("is planned for Q3 2024-25") }, "moving the activity leaves the audit outside its quarter")

        // Between the last two commits, an internal action became public: it leads the summary.
        let last = try diff(DiffOptions(projectRoot: repo.path, base: "HEAD~1", asOf: Day(iso: "2026-11-22")!))
        #expect(last.first?.kind == .becamePublic)
        let markdown = ChangeSummary.markdown(last, base: "HEAD~1", head: "HEAD")
        #expect(markdown.contains("> **1 item will now appear on the public site.**"))
        #expect(markdown.contains("- **Action na-a2 in 'Neglect audit' became public** (it was for internal readers) — `content/audits/neglect-audit.md`"))

        // Closing an action, between the second and third commits.
        let closing = try diff(DiffOptions(projectRoot: repo.path, base: "HEAD~3", head: "HEAD~2", asOf: Day(iso: "2026-11-22")!))
        #expect(closing.map(\.text).contains("Action na-a1 in 'Neglect audit' closed: Amber: at risk → Blue: complete"))
        let json = ChangeSummary.json(closing, base: "HEAD~3", head: "HEAD~2")
        #expect(json.contains("\"kind\": \"action-closed\", \"item\": \"na-a1\""))
    }

    @Test("an unknown revision is a clear error, and the working tree is never touched")
    func unknownRevision() throws {
        let repo = try Repository()
        try repo.edit("priorities/neglect.md", "Reducing neglect", "Reducing neglect (edited, not committed)")
        #expect(throws: (any Error).self) { try diff(DiffOptions(projectRoot: repo.path, base: "no-such-branch", asOf: Day(iso: "2026-11-22")!)) }
        do {
            _ = try diff(DiffOptions(projectRoot: repo.path, base: "no-such-branch", asOf: Day(iso: "2026-11-22")!))
        } catch {
            #expect("\(error)" == "git knows no commit called 'no-such-branch'; give a branch, tag or commit, for example main or HEAD~1")
        }
        let unchanged = try diff(DiffOptions(projectRoot: repo.path, base: "HEAD", asOf: Day(iso: "2026-11-22")!))
        #expect(unchanged.isEmpty, "uncommitted edits are not part of HEAD")
        #expect(try String(contentsOfFile: repo.path + "/content/priorities/neglect.md", encoding: .utf8).contains("(edited, not committed)"))
    }
}
