import QADiagnostics
import QAModel
import Testing

/// An action keeps its fields in one shared storage object, so that copies are cheap; it must
/// still behave as a value.
@Suite struct ActionValueTests {
    static func action() -> Action {
        Action(id: "a1", text: "Write the guidance", ownerAgency: Reference("police", .agency, at: SourceLocation(path: "a.md", line: 3)),
               ownerRole: "Lead", due: Day(iso: "2026-03-31"), history: [], currentStatus: .notStarted, evidenceOfImpact: "",
               audience: .public, location: SourceLocation(path: "a.md", line: 2, column: 5))
    }

    @Test("changing a copy of an action leaves the original as it was, field by field")
    func copiesAreIndependent() {
        let original = Self.action()
        var copy = original
        copy.id = "a2"
        copy.text = "Review the guidance"
        copy.history = [StatusUpdate(date: Day(iso: "2026-01-10")!, status: .complete, note: "done", location: SourceLocation(path: "a.md", line: 9))]
        copy.currentStatus = .complete
        copy.unreadKeys.insert("owner")
        copy.ownerAgency = nil
        #expect(original.id == "a1")
        #expect(original.text == "Write the guidance")
        #expect(original.history.isEmpty)
        #expect(original.currentStatus == .notStarted)
        #expect(original.unreadKeys.isEmpty)
        #expect(original.ownerAgency?.id == "police")
        #expect(copy.id == "a2" && copy.text == "Review the guidance" && copy.history.count == 1)
        #expect(copy.status(asOf: Day(iso: "2026-02-01")!) == .complete)
        #expect(original.status(asOf: Day(iso: "2026-02-01")!) == .notStarted)
    }

    @Test("an action in an array changed in place changes only that element")
    func changedInPlace() {
        var actions = [Self.action(), Self.action()]
        let kept = actions
        actions[1].evidenceOfImpact = "Fewer repeat referrals"
        #expect(actions[0].evidenceOfImpact.isEmpty)
        #expect(actions[1].evidenceOfImpact == "Fewer repeat referrals")
        #expect(kept[1].evidenceOfImpact.isEmpty)
        // The text and evidence locations default to the action's own.
        #expect(kept[0].textLocation == kept[0].location && kept[0].evidenceLocation == kept[0].location)
    }
}
