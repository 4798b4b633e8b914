import QADiagnostics
import QAModel

/// A status dated after today has not happened yet: usually a typo in the year. (Checking
/// as of an earlier date is allowed to see later statuses.)
struct FutureStatusRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.actions.flatMap { item in
            item.action.history.filter { $0.date.isKnown && $0.date > context.today }.map {
                .warning($0.location, "this status of action '\(item.action.id)' is dated \($0.date), which is in the future (today is \(context.today)); correct the year, or record the status when it happens", code: "future-status")
            }
        }
    }
}
