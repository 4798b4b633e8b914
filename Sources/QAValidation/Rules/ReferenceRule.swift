import QADiagnostics
import QAModel

/// Every id written as a reference names something that exists.
struct ReferenceRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for reference in references(in: context.site) where context.index.resolve(reference.id, reference.kind) == nil
            && !context.unreadable.contains(UnreadableDocument(kind: reference.kind, id: reference.id))
            && !context.unreadable.contains(UnreadableDocument(kind: reference.kind, id: "*")) {
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

    func references(in site: Site) -> [Reference] {
        var refs: [Reference] = []
        if let p = site.partnership {
            refs += p.subgroups.compactMap(\.chair)
            refs += (p.scrutineers + p.layMembers).compactMap(\.agency)
        }
        for p in site.priorities { refs += [p.lead] + p.measures + p.contentAreas }
        for c in site.contentAreas { refs += c.priorities }
        for a in site.programmes.flatMap(\.activities) {
            refs += [a.lead] + a.priorities
            refs += [a.contentArea, a.audit].compactMap { $0 }
        }
        for a in site.audits {
            refs += a.priorities + a.agencies + [a.activity, a.contentArea, a.lead].compactMap { $0 }
            refs += items(a.recommendations, a.actions)
        }
        for r in site.reviews { refs += r.priorities + items(r.recommendations, r.actions) }
        for s in site.scrutiny { refs += s.priorities + items(s.recommendations, s.actions) }
        for i in site.indicators { refs += [i.priority, i.contentArea, i.owner].compactMap { $0 } }
        for b in site.briefings { refs += b.priorities }
        for r in site.reports {
            refs += r.signedOff.compactMap(\.agency) + r.budget.compactMap(\.agency)
        }
        return refs.filter { !$0.id.isEmpty }
    }

    func items(_ recommendations: [Recommendation], _ actions: [Action]) -> [Reference] {
        recommendations.flatMap(\.findings) + actions.flatMap { [$0.recommendation, $0.ownerAgency].compactMap { $0 } }
    }
}
