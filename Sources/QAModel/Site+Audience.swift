extension Site {
    /// The site as a reader with `audience` may see it: documents, findings, recommendations,
    /// actions and programme activities meant for a narrower audience are removed, so nothing
    /// built from the result (pages, counts, feeds, search, calendars) can show them.
    public func visible(to audience: Audience) -> Site {
        var s = self
        func allowed(_ a: Audience) -> Bool { a <= audience }
        // Each list is written to only when something in it must go, so a site with nothing
        // narrower than the audience shares every list with the site it came from.
        func drop<T>(_ list: inout [T], _ narrower: (T) -> Bool) {
            if list.contains(where: narrower) { list.removeAll(where: narrower) }
        }
        drop(&s.priorities) { !allowed($0.source.audience) }
        drop(&s.contentAreas) { !allowed($0.source.audience) }
        drop(&s.indicators) { !allowed($0.source.audience) }
        drop(&s.briefings) { !allowed($0.source.audience) }
        drop(&s.pages) { !allowed($0.source.audience) }
        drop(&s.reports) { !allowed($0.source.audience) }
        drop(&s.programmes) { !allowed($0.source.audience) }
        // (An element is reached for writing only when it changes: that alone would copy the list.)
        for i in s.programmes.indices where s.programmes[i].activities.contains(where: { !allowed($0.audience) }) {
            s.programmes[i].activities.removeAll { !allowed($0.audience) }
        }
        func keepVisible<D: ActionPlanDocument & SourcedDocument>(_ documents: inout [D]) {
            drop(&documents) { !allowed($0.source.audience) }
            for i in documents.indices where documents[i].hasItems(narrowerThan: audience) {
                documents[i] = documents[i].withItems(visibleTo: audience)
            }
        }
        keepVisible(&s.audits)
        keepVisible(&s.reviews)
        keepVisible(&s.scrutiny)
        let visibleAudits = Set(s.audits.map(\.id))
        for i in s.programmes.indices {
            for j in s.programmes[i].activities.indices where s.programmes[i].activities[j].audit.map({ !visibleAudits.contains($0.id) }) ?? false {
                s.programmes[i].activities[j].audit = nil
            }
        }
        let visibleIndicators = Set(s.indicators.map(\.id))
        for i in s.priorities.indices where s.priorities[i].measures.contains(where: { !visibleIndicators.contains($0.id) }) {
            s.priorities[i].measures.removeAll { !visibleIndicators.contains($0.id) }
        }
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

/// A document read from a file of its own, which says who may read it.
protocol SourcedDocument {
    var source: SourceFile { get }
}

extension ActionPlanDocument {
    /// Whether the document holds an item that `audience` may not read.
    func hasItems(narrowerThan audience: Audience) -> Bool {
        // Read in place by index: `contains(where:)` would copy each whole item.
        let findings = self.findings, recommendations = self.recommendations, actions = self.actions
        for i in findings.indices where findings[i].audience > audience { return true }
        for i in recommendations.indices where recommendations[i].audience > audience { return true }
        for i in actions.indices where actions[i].audience > audience { return true }
        return false
    }

    /// The document with only the items `audience` may read.
    func withItems(visibleTo audience: Audience) -> Self {
        var copy = self
        copy.findings.removeAll { $0.audience > audience }
        copy.recommendations.removeAll { $0.audience > audience }
        copy.actions.removeAll { $0.audience > audience }
        return copy
    }
}

extension Audit: ActionPlanDocument, SourcedDocument {}
extension Review: ActionPlanDocument, SourcedDocument {}
extension ScrutinyReport: ActionPlanDocument, SourcedDocument {}
