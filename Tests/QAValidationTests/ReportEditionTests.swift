import QADiagnostics
import QALoading
import QAModel
import Testing

/// The annual report's figures are computed as at the end of its period from dated histories.
@Suite struct ReportEditionTests {
    func site(_ actions: String, values: String = "") -> Site {
        let partnership = "---\nname: P\nshort_name: P\narea: A\nvision: V\nvalues: [{title: T, description: D}]\nagencies: [{id: council, name: C, role: safeguarding-partner}]\n---\n"
        let priority = "---\nnumber: 1\ntitle: Neglect\nlead: council\nplan_start: 2024-04-01\nplan_end: 2027-03-31\nwhat_good_looks_like: [x]\nmeasures: [plans]\n---\n"
        let indicator = "---\ntitle: Second plans\noba: better-off\nunit: percent\ndirection: lower-is-better\nfrequency: quarterly\ntarget: 20\ntolerance: 1\nvalues:\n\(values)---\n"
        let audit = "---\ntitle: Audit\nkind: multi-agency-audit\npriorities: [neglect]\ndate: 2024-06-01\nterms_of_reference: [x]\nmethod: {sample_size: 6}\nfindings: [{id: f1, kind: strength, text: x}]\nrecommendations: [{id: r1, number: 1, text: x}]\nactions:\n\(actions)---\n"
        let report = "---\nyear: 2024-25\nstatus: approved\n---\n"
        return ContentLoader(root: "content", fileSystem: InMemoryFileSystem([
            "content/partnership.md": partnership, "content/priorities/neglect.md": priority, "content/indicators/plans.md": indicator,
            "content/audits/a.md": audit, "content/reports/2024-25.md": report,
        ])).load().site
    }

    let actions = """
      - {id: done-in-year, text: x, recommendation: r1, owner: council, due: 2025-01-31, history: [{date: 2024-07-01, status: green}, {date: 2025-01-10, status: complete}]}
      - {id: done-later, text: x, recommendation: r1, owner: council, due: 2025-02-28, history: [{date: 2024-07-01, status: amber}, {date: 2025-05-01, status: complete}]}
      - {id: not-yet, text: x, recommendation: r1, owner: council, due: 2025-12-31, history: [{date: 2025-06-01, status: green}]}
      - {id: open-on-time, text: x, recommendation: r1, owner: council, due: 2025-09-30, history: [{date: 2024-08-01, status: green}]}

    """

    @Test("an action's status is read as at 31 March: completed later counts as open and overdue; one begun later does not count")
    func statusAsAt() throws {
        let s = site(actions)
        let edition = s.edition(of: try #require(s.reports.first))
        let progress = try #require(edition.priorities.first)
        #expect(progress.completed.map(\.action.id) == ["done-in-year"])
        #expect(progress.open.map(\.action.id).sorted() == ["done-later", "open-on-time"])
        #expect(progress.open.first { $0.action.id == "done-later" }?.status == .amber)
        #expect(edition.slowProgress.overdue.map(\.action.id) == ["done-later"])
    }

    @Test("outcomes run from the first to the last value in the period; moving the wrong way is slow progress")
    func outcomes() throws {
        let values = "  - {period: 2023-24 Q4, value: 30}\n  - {period: 2024-25 Q1, value: 22}\n  - {period: 2024-25 Q4, value: 25}\n  - {period: 2025-26 Q1, value: 10}\n"
        let s = site(actions, values: values)
        let edition = s.edition(of: try #require(s.reports.first))
        let outcome = try #require(edition.priorities.first?.outcomes.first)
        #expect(outcome.start?.value == 22)
        #expect(outcome.end?.value == 25)
        #expect(outcome.trend == .worse)
        #expect(outcome.source == "content/indicators/plans.md, 2024-25 Q1 to 2024-25 Q4")
        #expect(edition.slowProgress.wrongWay.map(\.indicator.id) == ["plans"])
        #expect(edition.priorities.first?.rag == .red)
    }

    @Test("a priority whose outcome measures have no values in the period has no outcome evidence")
    func noEvidence() throws {
        let s = site(actions)
        let edition = s.edition(of: try #require(s.reports.first))
        #expect(edition.slowProgress.noOutcomeEvidence.map(\.id) == ["neglect"])
        #expect(edition.priorities.first?.judgement.hasPrefix("There is no outcome evidence") == true)
    }
}
