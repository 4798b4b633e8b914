import QADiagnostics
import QALoading
import QAModel
import QAValidation
import Testing

/// Each rule on a small content tree held in memory.
@Suite struct RuleTests {
    static let partnership = """
    ---
    name: P
    short_name: P
    area: A
    vision: V
    values: [{title: T, description: D}]
    agencies:
      - {id: council, name: Council, role: safeguarding-partner}
    ---

    """

    func problems(_ files: [String: String], asOf: String = "2026-01-01", today: String = "2026-11-22") -> [String] {
        var all = files
        all["content/partnership.md"] = Self.partnership
        let loaded = ContentLoader(root: "content", fileSystem: InMemoryFileSystem(all)).load()
        let found = loaded.diagnostics + Validator().validate(loaded.site, asOf: Day(iso: asOf)!, today: Day(iso: today)!)
        return found.sorted().map(\.description)
    }

    func audit(actions: String, recommendations: String = "", date: String = "2025-05-01", extra: String = "") -> String {
        """
        ---
        title: Audit
        kind: multi-agency-audit
        date: \(date)
        terms_of_reference: [Scope]
        method: {sample_size: 6}
        findings: [{id: f1, kind: strength, text: Good}]
        \(extra)
        recommendations:
        \(recommendations.isEmpty ? "  - {id: r1, number: 1, text: Do it}" : recommendations)
        actions:
        \(actions)
        ---

        """
    }

    @Test("an unknown owner is reported with a suggestion")
    func unknownReference() {
        let file = audit(actions: "  - {id: a1, text: X, recommendation: r1, owner: counci, due: 2026-06-01, status: green}")
        #expect(problems(["content/audits/x.md": file]) == [
            "content/audits/x.md:12:50: error: no agency has the id 'counci'; did you mean 'council'?",
        ])
    }

    @Test("a recommendation with no action, and an action with no owner or due date")
    func recommendationAndOwner() {
        let file = audit(actions: "  - {id: a1, text: X, status: green}",
                         recommendations: "  - {id: r1, number: 1, text: Do it}")
        #expect(problems(["content/audits/x.md": file]) == [
            "content/audits/x.md:10:10: error: recommendation 1 ('r1') has no action; add an action with 'recommendation: r1'",
            "content/audits/x.md:12:10: error: action 'a1' has no due date; add 'due:' with a date written YYYY-MM-DD",
            "content/audits/x.md:12:10: error: action 'a1' has no owner; add 'owner:' with the id of the agency responsible",
        ])
    }

    @Test("overdue is judged from the dated history as of the check date")
    func overdue() {
        let file = audit(actions: """
          - id: a1
            text: X
            recommendation: r1
            owner: council
            due: 2025-12-01
            history: [{date: 2025-06-01, status: green}, {date: 2026-02-01, status: complete}]
            evidence: Better plans.
        """)
        #expect(problems(["content/audits/x.md": file], asOf: "2026-01-01") == [
            "content/audits/x.md:12:9: warning: action 'a1' in 'Audit' was due on 2025-12-01 and is 31 days overdue as of 2026-01-01; complete it, or agree a new due date and record why",
        ])
        #expect(problems(["content/audits/x.md": file], asOf: "2026-03-01").isEmpty)
    }

    @Test("a duplicate action id across two files names the first place")
    func duplicateIDs() {
        let action = "  - {id: a1, text: X, recommendation: r1, owner: council, due: 2026-06-01, status: green}"
        let second = audit(actions: action, recommendations: "  - {id: r2, number: 1, text: Do it}")
            .replacingOccurrences(of: "recommendation: r1", with: "recommendation: r2").replacingOccurrences(of: "id: f1", with: "id: f2")
        #expect(problems(["content/audits/x.md": audit(actions: action), "content/audits/y.md": second]) == [
            "content/audits/y.md:12:10: error: duplicate action id 'a1'; it is already used at content/audits/x.md:12:10; give this one a different id",
        ])
    }

    @Test("an audit dated outside its programme quarter")
    func auditQuarter() {
        let programme = "year: 2025-26\nactivities:\n  - {id: act1, title: A, kind: multi-agency-audit, quarter: 2, lead: council, status: done}\n"
        let file = audit(actions: "  - {id: a1, text: X, recommendation: r1, owner: council, due: 2026-06-01, status: green}", extra: "activity: act1")
        #expect(problems(["content/audits/x.md": file, "content/programme/2025-26.yml": programme]) == [
            "content/audits/x.md:8:11: error: audit 'x' is dated 2025-05-01 (Q1 2025-26) but its programme activity 'act1' is planned for Q2 2025-26; correct the audit's date or move the activity to Q1 2025-26",
        ])
    }

    /// A quarterly indicator's file with these values, one `{period: …, value: …}` a line.
    func quarterlyIndicator(_ values: [String]) -> String {
        "---\ntitle: T\noba: better-off\nunit: percent\ndirection: higher-is-better\nfrequency: quarterly\nvalues:\n"
            + values.map { "  - \($0)\n" }.joined() + "---\n"
    }

    @Test("an indicator with a gap in its quarters")
    func missingPeriod() {
        let indicator = quarterlyIndicator(["{period: 2024-25 Q1, value: 1}", "{period: 2024-25 Q4, value: 2}"])
        #expect(problems(["content/indicators/t.md": indicator]) == [
            "content/indicators/t.md:8:5: error: indicator 't' has no value for '2024-25 Q2', '2024-25 Q3' between 2024-25 Q1 and 2024-25 Q4; add the missing periods after this one",
        ])
    }

    @Test("an indicator with several gaps, written out of order: every missing quarter in order, from the last given before the first gap")
    func missingPeriods() {
        let indicator = quarterlyIndicator(["{period: 2025-26 Q3, value: 4}", "{period: 2023-24 Q3, value: 2}", "{period: 2023-24 Q1, value: 1}",
                                            "{period: 2023-24 Q2, value: 1}", "{period: 2025-26 Q1, value: 3}"])
        #expect(problems(["content/indicators/t.md": indicator]) == [
            "content/indicators/t.md:9:5: error: indicator 't' has no value for '2023-24 Q4', '2024-25 Q1', '2024-25 Q2', '2024-25 Q3', '2024-25 Q4', '2025-26 Q2' between 2023-24 Q1 and 2025-26 Q3; add the missing periods after this one",
        ])
    }
}
