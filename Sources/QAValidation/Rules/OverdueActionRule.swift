import QADiagnostics
import QAModel

/// Actions past their due date and not complete, as of the check date.
struct OverdueActionRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.actions
            .filter { $0.action.isOverdue(asOf: context.asOf) }
            .map { item in
                let days = item.action.due!.days(until: context.asOf)
                return .warning(item.action.location, "action '\(item.action.id)' in '\(item.document)' was due on \(item.action.due!) and is \(days) day\(days == 1 ? "" : "s") overdue as of \(context.asOf); complete it, or agree a new due date and record why", code: "overdue-action")
            }
    }
}
