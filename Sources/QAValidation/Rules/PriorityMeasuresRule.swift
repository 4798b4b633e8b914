import QADiagnostics
import QAModel

/// Progress on a priority cannot be shown without measures.
struct PriorityMeasuresRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.site.priorities.filter(\.measures.isEmpty).map {
            .error($0.location, "priority \($0.number) '\($0.title)' has no measures; list the ids of the indicators that show its progress under 'measures:'", code: "priority-without-measures")
        }
    }
}
