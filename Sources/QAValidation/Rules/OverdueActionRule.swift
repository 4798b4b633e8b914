import QADiagnostics
import QAModel

/// Actions past their due date and not complete, as of the check date.
struct OverdueActionRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let actions = context.actions
        // The same date ends every message: written once.
        let asOf = context.asOf.description
        for i in actions.indices where actions[i].action.isOverdue(asOf: context.asOf) {
            let action = actions[i].action
            let days = action.due!.days(until: context.asOf)
            found.append(.warning(action.location, "action '\(action.id)' in '\(actions[i].document)' was due on \(action.due!) and is \(days) day\(days == 1 ? "" : "s") overdue as of \(asOf); complete it, or agree a new due date and record why", code: "overdue-action"))
        }
        return found
    }
}
