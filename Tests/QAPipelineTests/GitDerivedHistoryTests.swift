import Foundation
import QALoading
import QAModel
@testable import QAPipeline
import Testing

@Suite struct GitDerivedHistoryTests {
    @Test("an action that records only its current status gets a dated history from the commits that changed it")
    func derivedFromCommits() throws {
        let repo = try DiffTests.Repository()
        let audit = "audits/neglect-audit.md"
        try repo.edit(audit, "    evidence: Staff use the toolkit in 8 of 10 cases.\n", "    evidence: Staff use the toolkit in 8 of 10 cases.\n  - id: na-a2\n    text: Re-audit.\n    recommendation: na-r1\n    owner: police\n    due: 2025-03-31\n    status: green\n")
        try repo.commit("Add na-a2", date: "2025-01-10T12:00:00Z")
        try repo.edit(audit, "    status: green\n", "    status: amber\n")
        try repo.commit("na-a2 at risk", date: "2025-02-20T12:00:00Z")
        try repo.edit(audit, "    due: 2025-03-31\n    status: amber\n", "    due: 2025-03-31\n    status: complete\n    evidence: Done.\n")
        try repo.commit("na-a2 done", date: "2025-05-02T12:00:00Z")

        let content = repo.path + "/content"
        let site = ContentLoader(root: content).load().site
        let derived = GitHistory.derivingActionHistories(site, contentFolder: content)
        let action = try #require(derived.audits.first?.actions.first { $0.id == "na-a2" })
        #expect(action.history.map { "\($0.date) \($0.status.rawValue)" } == ["2025-01-10 green", "2025-02-20 amber", "2025-05-02 complete"])
        #expect(action.status(asOf: Day(iso: "2025-03-31")!) == .amber)
        #expect(action.isOverdue(asOf: Day(iso: "2025-04-01")!))
        let untouched = try #require(derived.audits.first?.actions.first { $0.id == "na-a1" })
        #expect(untouched.history.count == 2, "a written history is kept as it is")
    }
}
