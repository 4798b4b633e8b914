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
        s.audits = s.audits.filter { allowed($0.source.audience) }.map { a in
            var a = a
            a.findings.removeAll { !allowed($0.audience) }
            a.recommendations.removeAll { !allowed($0.audience) }
            a.actions.removeAll { !allowed($0.audience) }
            return a
        }
        s.reviews = s.reviews.filter { allowed($0.source.audience) }.map { r in
            var r = r
            r.findings.removeAll { !allowed($0.audience) }
            r.recommendations.removeAll { !allowed($0.audience) }
            r.actions.removeAll { !allowed($0.audience) }
            return r
        }
        s.scrutiny = s.scrutiny.filter { allowed($0.source.audience) }.map { r in
            var r = r
            r.findings.removeAll { !allowed($0.audience) }
            r.recommendations.removeAll { !allowed($0.audience) }
            r.actions.removeAll { !allowed($0.audience) }
            return r
        }
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
