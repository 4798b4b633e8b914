import QADiagnostics
import QAModel

/// Every id written as a reference names something that exists.
struct ReferenceRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        forEachReference(in: context.site) { reference in
            guard context.index.resolve(reference.id, reference.kind) == nil,
                  !context.unreadable.contains(UnreadableDocument(kind: reference.kind, id: reference.id)),
                  !context.unreadable.contains(UnreadableDocument(kind: reference.kind, id: "*")) else { return }
            diagnostics.append(.error(reference.location, message(for: reference, context.index), code: "unknown-reference"))
        }
        for briefing in context.site.briefings {
            guard let about = briefing.about else { continue }
            if context.index.resolve(about.id, .audit) == nil, context.index.resolve(about.id, .review) == nil {
                let candidates = context.index.ids(.audit) + context.index.ids(.review)
                let hint = NearMiss.hint(for: about.id, in: candidates) ?? "use the id of an audit or a review"
                diagnostics.append(.error(about.location, "no audit or review has the id '\(about.id)'; \(hint)", code: "unknown-reference"))
            }
        }
        return diagnostics
    }

    func message(for reference: Reference, _ index: IDIndex) -> String {
        let kind = reference.kind.rawValue
        if let entry = index.caseInsensitiveMatch(reference.id, reference.kind) {
            return "no \(kind) has the id '\(reference.id)'; ids are case-sensitive: did you mean '\(entry.id)'?"
        }
        let known = index.ids(reference.kind)
        if let hint = NearMiss.hint(for: reference.id, in: known) {
            return "no \(kind) has the id '\(reference.id)'; \(hint)"
        }
        if known.isEmpty { return "no \(kind) has the id '\(reference.id)'; there are no \(reference.kind.plural) in the content yet" }
        let list = known.count <= 8 ? known.joined(separator: ", ") : known.prefix(8).joined(separator: ", ") + ", …"
        return "no \(kind) has the id '\(reference.id)'; known ids are: \(list)"
    }

    /// Calls `visit` with every reference written in the site that names an id, in the
    /// order of the site's lists, without gathering them into a list first.
    func forEachReference(in site: Site, _ visit: (Reference) -> Void) {
        func each(_ references: [Reference]) { for reference in references where !reference.id.isEmpty { visit(reference) } }
        func one(_ reference: Reference?) { if let reference, !reference.id.isEmpty { visit(reference) } }
        // Items are read in place by index: a `for` loop would copy each whole item to read
        // its references.
        func items(_ recommendations: [Recommendation], _ actions: [Action]) {
            for i in recommendations.indices { each(recommendations[i].findings) }
            for i in actions.indices {
                one(actions[i].recommendation)
                one(actions[i].ownerAgency)
            }
        }
        if let p = site.partnership {
            for subgroup in p.subgroups { one(subgroup.chair) }
            for member in p.scrutineers { one(member.agency) }
            for member in p.layMembers { one(member.agency) }
        }
        for p in site.priorities {
            one(p.lead)
            each(p.measures)
            each(p.contentAreas)
        }
        for c in site.contentAreas { each(c.priorities) }
        for programme in site.programmes {
            for a in programme.activities {
                one(a.lead)
                each(a.priorities)
                one(a.contentArea)
                one(a.audit)
            }
        }
        for a in site.audits {
            each(a.priorities)
            each(a.agencies)
            one(a.activity)
            one(a.contentArea)
            one(a.lead)
            items(a.recommendations, a.actions)
        }
        for r in site.reviews {
            each(r.priorities)
            items(r.recommendations, r.actions)
        }
        for s in site.scrutiny {
            each(s.priorities)
            items(s.recommendations, s.actions)
        }
        for i in site.indicators {
            one(i.priority)
            one(i.contentArea)
            one(i.owner)
        }
        for b in site.briefings { each(b.priorities) }
        for r in site.reports {
            for signature in r.signedOff { one(signature.agency) }
            for line in r.budget { one(line.agency) }
        }
    }
}
