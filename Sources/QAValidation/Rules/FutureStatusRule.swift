import QADiagnostics
import QAModel

/// A status dated after today has not happened yet: usually a typo in the year. (Checking
/// as of an earlier date is allowed to see later statuses.)
struct FutureStatusRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let actions = context.actions
        for i in actions.indices {
            let history = actions[i].action.history
            for h in history.indices where history[h].date.isKnown && history[h].date > context.today {
                found.append(.warning(history[h].location, "this status of action '\(actions[i].action.id)' is dated \(history[h].date), which is in the future (today is \(context.today)); correct the year, or record the status when it happens", code: "future-status"))
            }
        }
        return found
    }
}
