import QADiagnostics
import QAModel

/// Audits and audit days fall in the quarter their programme plans them for, and an audit and
/// its programme activity agree on each other.
struct ProgrammeQuarterRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var activities: [String: (ProgrammeActivity, FinancialYear)] = [:]
        for programme in context.site.programmes {
            for activity in programme.activities {
                activities[activity.id] = (activity, programme.year)
                guard (1...4).contains(activity.quarter) else { continue }
                let quarter = programme.year.quarter(activity.quarter)
                for day in activity.dates where !quarter.contains(day) {
                    diagnostics.append(.error(activity.location, "activity '\(activity.id)' is planned for Q\(activity.quarter) \(programme.year) (\(quarter.lowerBound.long) to \(quarter.upperBound.long)) but has a date \(day) outside it; move the activity to the right quarter or correct the date", code: "date-outside-quarter"))
                }
            }
        }
        for audit in context.site.audits {
            guard let reference = audit.activity, let (activity, year) = activities[reference.id] else { continue }
            guard (1...4).contains(activity.quarter), audit.date.isKnown else { continue }
            let quarter = year.quarter(activity.quarter)
            if !quarter.contains(audit.date) {
                let actual = FinancialYear(containing: audit.date)
                let actualQuarter = actual.quarter(of: audit.date) ?? 0
                diagnostics.append(.error(reference.location, "audit '\(audit.id)' is dated \(audit.date) (Q\(actualQuarter) \(actual)) but its programme activity '\(activity.id)' is planned for Q\(activity.quarter) \(year); correct the audit's date or move the activity to Q\(actualQuarter) \(actual)", code: "audit-outside-quarter"))
            }
            if let linked = activity.audit, linked.id != audit.id {
                diagnostics.append(.error(reference.location, "audit '\(audit.id)' reports activity '\(activity.id)', but that activity names audit '\(linked.id)'; make the two agree", code: "activity-mismatch"))
            }
        }
        return diagnostics
    }
}
