import QADiagnostics
import QAModel

/// "Complete" is not the same as "made a difference": completed actions should say what changed.
struct CompletedActionEvidenceRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let actions = context.actions
        for i in actions.indices {
            let action = actions[i].action
            guard action.status(asOf: context.asOf) == .complete, action.evidenceOfImpact.isEmpty else { continue }
            found.append(.warning(action.location, "action '\(action.id)' is complete but gives no evidence of impact; add 'evidence:' saying what changed for children and families", code: "complete-without-evidence"))
        }
        return found
    }
}
