import QADiagnostics
import QAModel

/// An action plan line without an owner or a due date cannot be held to account.
struct ActionOwnerAndDueRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.actions.flatMap { item -> [Diagnostic] in
            var found: [Diagnostic] = []
            if item.action.ownerAgency == nil, !item.action.unreadKeys.contains("owner") {
                found.append(.error(item.action.location, "action '\(item.action.id)' has no owner; add 'owner:' with the id of the agency responsible", code: "action-without-owner"))
            }
            if item.action.due == nil, !item.action.unreadKeys.contains("due") {
                found.append(.error(item.action.location, "action '\(item.action.id)' has no due date; add 'due:' with a date written YYYY-MM-DD", code: "action-without-due-date"))
            }
            return found
        }
    }
}
