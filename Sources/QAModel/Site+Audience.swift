extension Site {
    /// The site as a reader with `audience` may see it: documents, findings, recommendations,
    /// actions and programme activities meant for a narrower audience are removed, so nothing
    /// built from the result (pages, counts, feeds, search, calendars) can show them.
    public func visible(to audience: Audience) -> Site {
        var s = self
        func allowed(_ a: Audience) -> Bool { a <= audience }
        s.priorities.removeAll { !allowed($0.source.audience) }
        s.contentAreas.removeAll { !allowed($0.source.audience) }
        s.indicators.removeAll { !allowed($0.source.audience) }
        s.briefings.removeAll { !allowed($0.source.audience) }
        s.pages.removeAll { !allowed($0.source.audience) }
        s.reports.removeAll { !allowed($0.source.audience) }
        s.programmes = s.programmes.filter { allowed($0.source.audience) }.map { p in
            var p = p
            p.activities.removeAll { !allowed($0.audience) }
            return p
        }
        s.audits = s.audits.filter { allowed($0.source.audience) }.map { $0.withItems(visibleTo: audience) }
        s.reviews = s.reviews.filter { allowed($0.source.audience) }.map { $0.withItems(visibleTo: audience) }
        s.scrutiny = s.scrutiny.filter { allowed($0.source.audience) }.map { $0.withItems(visibleTo: audience) }
        let visibleAudits = Set(s.audits.map(\.id))
        for i in s.programmes.indices {
            for j in s.programmes[i].activities.indices where s.programmes[i].activities[j].audit.map({ !visibleAudits.contains($0.id) }) ?? false {
                s.programmes[i].activities[j].audit = nil
            }
        }
        let visibleIndicators = Set(s.indicators.map(\.id))
        for i in s.priorities.indices { s.priorities[i].measures.removeAll { !visibleIndicators.contains($0.id) } }
        return s
    }
}

/// A document with findings, recommendations and an action plan: an audit, a review or a
/// scrutiny report.
public protocol ActionPlanDocument {
    var findings: [Finding] { get set }
    var recommendations: [Recommendation] { get set }
    var actions: [Action] { get set }
}

extension ActionPlanDocument {
    /// The document with only the items `audience` may read.
    func withItems(visibleTo audience: Audience) -> Self {
        var copy = self
        copy.findings.removeAll { $0.audience > audience }
        copy.recommendations.removeAll { $0.audience > audience }
        copy.actions.removeAll { $0.audience > audience }
        return copy
    }
}

extension Audit: ActionPlanDocument {}
extension Review: ActionPlanDocument {}
extension ScrutinyReport: ActionPlanDocument {}
