import QADiagnostics
import QAModel

/// An action plan line without an owner or a due date cannot be held to account.
struct ActionOwnerAndDueRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let actions = context.actions
        for i in actions.indices {
            let action = actions[i].action // one reference: an action's fields are in shared storage
            if action.ownerAgency == nil, !action.unreadKeys.contains("owner") {
                found.append(.error(action.location, "action '\(action.id)' has no owner; add 'owner:' with the id of the agency responsible", code: "action-without-owner"))
            }
            if action.due == nil, !action.unreadKeys.contains("due") {
                found.append(.error(action.location, "action '\(action.id)' has no due date; add 'due:' with a date written YYYY-MM-DD", code: "action-without-due-date"))
            }
        }
        return found
    }
}
