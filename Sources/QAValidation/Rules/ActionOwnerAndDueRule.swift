import QADiagnostics
import QAModel

/// An action plan line without an owner or a due date cannot be held to account.
struct ActionOwnerAndDueRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let actions = context.actions
        for i in actions.indices {
            if actions[i].action.ownerAgency == nil, !actions[i].action.unreadKeys.contains("owner") {
                found.append(.error(actions[i].action.location, "action '\(actions[i].action.id)' has no owner; add 'owner:' with the id of the agency responsible", code: "action-without-owner"))
            }
            if actions[i].action.due == nil, !actions[i].action.unreadKeys.contains("due") {
                found.append(.error(actions[i].action.location, "action '\(actions[i].action.id)' has no due date; add 'due:' with a date written YYYY-MM-DD", code: "action-without-due-date"))
            }
        }
        return found
    }
}
