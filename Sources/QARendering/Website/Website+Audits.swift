import QADiagnostics
import QAModel

extension Website {
    func auditPageJobs() -> [PageJob] {
        let index = WebPage(path: "audits/", title: "Audits", template: "index", context: [
            "title": "Audits",
            "intro": "What we checked, what we found and what we are doing about it. Each audit page ends with its action plan.",
            "groups": [["items": site.audits.reversed().map { audit -> TemplateContext in
                let counts = actionCounts(audit.actions)
                return ["title": audit.title, "url": paths.url("audits/\(audit.id)/"), "summary": audit.summary,
                        "meta": "\(audit.kind.label) · \(audit.date.long) · \(counts.integer("complete")!) of \(counts.integer("total")!) actions complete"
                            + (counts.integer("overdue")! > 0 ? " · \(counts.integer("overdue")!) overdue" : "")]
            }] as TemplateContext],
        ], section: "audits", summary: "Multi-agency and single-agency audits, their findings and action plans.")
        return [{ index }] + site.audits.map { audit in { [self] in auditPage(audit) } }
    }

    func findingGroups(_ findings: [Finding]) -> [TemplateContext] {
        let titles: [(FindingKind, String)] = [(.strength, "What is working well"), (.areaForDevelopment, "Areas for development"), (.voiceOfChild, "The voice of the child")]
        return titles.compactMap { kind, title in
            let items = findings.filter { $0.kind == kind }
            guard !items.isEmpty else { return nil }
            return ["title": title, "items": items.map { ["id": $0.id, "text": md($0.text, at: $0.location)] as TemplateContext }]
        }
    }

    func recommendationItems(_ recommendations: [Recommendation]) -> [TemplateContext] {
        recommendations.sorted { $0.number < $1.number }.map { ["id": $0.id, "number": $0.number, "text": md($0.text, at: $0.location)] as TemplateContext }
    }

    func auditPage(_ audit: Audit) -> WebPage {
        currentPage = "audits/\(audit.id)/"
        let plan = plansByPath["audits/\(audit.id)/"]!
        var facts: [TemplateContext] = [
            ["key": "Kind of audit", "value": audit.kind.label],
            ["key": "Audit date", "value": audit.date.long],
        ]
        if let area = site.contentAreas.first(where: { $0.id == audit.contentArea?.id }) {
            facts.append(["key": "Content area", "value": area.title, "url": paths.url("content-areas/\(area.id)/")])
        }
        let priorities = site.priorities.filter { p in audit.priorities.contains { $0.id == p.id } }
        if !priorities.isEmpty {
            facts.append(["key": "Priorities", "value": priorities.map { "Priority \($0.number): \($0.title)" }.joined(separator: "; ")])
        }
        if let lead = audit.lead { facts.append(["key": "Lead agency", "value": agencyName(lead)]) }
        if !audit.agencies.isEmpty { facts.append(["key": "Agencies taking part", "value": audit.agencies.map { agencyName($0) }.joined(separator: ", ")]) }
        if let reported = audit.reported { facts.append(["key": "Reported", "value": reported.long]) }
        if let reaudit = audit.reaudit { facts.append(["key": "Re-audit due", "value": reaudit.long]) }
        var method: [TemplateContext] = []
        if let size = audit.method.sampleSize { method.append(["key": "Sample", "value": "\(size) case\(size == 1 ? "" : "s")"]) }
        if !audit.method.selection.isEmpty { method.append(["key": "How cases were chosen", "value": HTML.plain(md(audit.method.selection, at: audit.location))]) }
        if !audit.method.lookback.isEmpty { method.append(["key": "Period looked back on", "value": audit.method.lookback]) }
        if !audit.method.tool.isEmpty { method.append(["key": "Audit tool", "value": audit.method.tool]) }
        if !audit.method.grading.isEmpty { method.append(["key": "Grading scale", "value": audit.method.grading]) }
        let hasBriefing = audit.briefing != nil && options.briefingEditions
        let context: TemplateContext = [
            "title": audit.title,
            "kind": audit.kind.label,
            "summary": audit.summary,
            "facts": facts,
            "body": md(audit.body, at: audit.source.bodyLocation),
            "terms": audit.termsOfReference.map { md($0, at: audit.location) },
            "hasTerms": !audit.termsOfReference.isEmpty,
            "method": method,
            "hasMethod": !method.isEmpty,
            "findingGroups": findingGroups(audit.findings), "hasFindings": !audit.findings.isEmpty,
            "recommendations": recommendationItems(audit.recommendations),
            "hasRecommendations": !audit.recommendations.isEmpty,
            "actions": plan.lines.map { actionRow($0, showDocument: false) },
            "hasActions": !audit.actions.isEmpty,
            "counts": actionCounts(audit.actions),
            "asOf": options.buildDate.long,
            "sharing": md(audit.sharing, at: audit.location),
            "hasBriefing": hasBriefing,
            "briefingURL": paths.url("briefings/\(audit.id)/"),
        ]
        return WebPage(path: "audits/\(audit.id)/", title: audit.title, template: "audit", context: context,
                       breadcrumbs: [("Audits", "audits/")], section: "audits", summary: audit.summary,
                       source: audit.source, published: audit.reported ?? audit.date)
    }
}
