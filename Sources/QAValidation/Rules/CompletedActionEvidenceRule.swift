import QADiagnostics
import QAModel

/// "Complete" is not the same as "made a difference": completed actions should say what changed.
struct CompletedActionEvidenceRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.actions
            .filter { $0.action.status(asOf: context.asOf) == .complete && $0.action.evidenceOfImpact.isEmpty }
            .map { .warning($0.action.location, "action '\($0.action.id)' is complete but gives no evidence of impact; add 'evidence:' saying what changed for children and families", code: "complete-without-evidence") }
    }
}
