import QADiagnostics
import QAModel

/// Audits and audit days fall in the quarter their programme plans them for, and an audit and
/// its programme activity agree on each other.
struct ProgrammeQuarterRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Each activity by its id, as its programme's and its own place (the last of an id
        // that is written twice), so that no activity is copied.
        let programmes = context.site.programmes
        var activities: [String: (programme: Int, activity: Int)] = [:]
        for p in programmes.indices {
            let year = programmes[p].year
            let planned = programmes[p].activities
            for a in planned.indices {
                activities[planned[a].id] = (p, a)
                let number = planned[a].quarter
                guard (1...4).contains(number) else { continue }
                let quarter = year.quarter(number)
                for day in planned[a].dates where !quarter.contains(day) {
                    diagnostics.append(.error(planned[a].location, "activity '\(planned[a].id)' is planned for Q\(number) \(year) (\(quarter.lowerBound.long) to \(quarter.upperBound.long)) but has a date \(day) outside it; move the activity to the right quarter or correct the date", code: "date-outside-quarter"))
                }
            }
        }
        for audit in context.site.audits {
            guard let reference = audit.activity, let place = activities[reference.id] else { continue }
            let activity = programmes[place.programme].activities[place.activity], year = programmes[place.programme].year
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
