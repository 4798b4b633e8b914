import QAModel

/// A document that holds an action plan: an audit, a review or a scrutiny report.
struct PlanDocument {
    var kind: String
    var id: String
    var title: String
    var path: String
    var priorities: [String]
    var date: Day
    var findings: [Finding]
    var recommendations: [Recommendation]
    var actions: [Action]
}

extension PlanDocument {
    static func all(in site: Site) -> [PlanDocument] {
        site.audits.map { PlanDocument(kind: $0.kind.label, id: $0.id, title: $0.title, path: "audits/\($0.id)/", priorities: $0.priorities.map(\.id), date: $0.date, findings: $0.findings, recommendations: $0.recommendations, actions: $0.actions) }
            + site.reviews.map { PlanDocument(kind: $0.kind.label, id: $0.id, title: $0.title, path: "reviews/\($0.id)/", priorities: $0.priorities.map(\.id), date: $0.date, findings: $0.findings, recommendations: $0.recommendations, actions: $0.actions) }
            + site.scrutiny.map { PlanDocument(kind: "Independent scrutiny", id: $0.id, title: $0.title, path: "scrutiny/\($0.id)/", priorities: $0.priorities.map(\.id), date: $0.date, findings: $0.findings, recommendations: $0.recommendations, actions: $0.actions) }
    }
}

extension Website {
    func statusTag(_ status: ActionStatus?) -> TemplateContext {
        guard let status else { return tag("qa-tag--grey", "No status yet") }
        let css: String
        switch status {
        case .notStarted: css = "qa-tag--grey"
        case .red: css = "qa-tag--red"
        case .amber: css = "qa-tag--amber"
        case .green: css = "qa-tag--green"
        case .complete: css = "qa-tag--blue"
        }
        return tag(css, status.label)
    }

    func ragTag(_ rag: RAG) -> TemplateContext {
        tag("qa-tag--\(rag == .none ? "grey" : rag.rawValue)", rag.label)
    }

    /// One action plan line for a table.
    func actionRow(_ action: Action, in plan: PlanDocument, showDocument: Bool) -> TemplateContext {
        let today = options.buildDate
        let status = action.status(asOf: today)
        let overdue = action.isOverdue(asOf: today)
        let recommendation = plan.recommendations.first { $0.id == action.recommendation?.id }
        return [
            "id": action.id,
            "text": md(action.text, at: action.textLocation, reused: true),
            "owner": shortAgencyName(action.ownerAgency),
            "role": action.ownerRole,
            "due": date(action.due),
            "status": statusTag(status),
            "overdue": overdue,
            "overdueDays": overdue ? action.due!.days(until: today) : 0,
            "evidence": md(action.evidenceOfImpact, at: action.evidenceLocation, reused: true),
            "hasEvidence": !action.evidenceOfImpact.isEmpty,
            "recommendation": recommendation.map { "\($0.number)" } ?? "",
            "document": plan.title,
            "documentURL": paths.url(plan.path) + "#action-plan",
            "showDocument": showDocument,
        ]
    }

    /// Counts of actions by status as at the build date.
    func actionCounts(_ actions: [Action]) -> TemplateContext {
        let today = options.buildDate
        var complete = 0, overdue = 0
        for action in actions {
            let status = action.status(asOf: today)
            if status == .complete { complete += 1 } else if status != nil, let due = action.due, due < today { overdue += 1 }
        }
        return ["total": actions.count, "complete": complete, "open": actions.count - complete, "overdue": overdue, "hasOverdue": overdue > 0]
    }

    func actionTrackerPage() -> WebPage {
        let today = options.buildDate
        // Rows are made as the page renders them and dropped once rendered, so the page's
        // tens of thousands of rows are never all in memory. An action is in up to three
        // lists; a broken link in it is reported once all the same.
        let all = plans.indices.flatMap { plan in plans[plan].actions.indices.map { (plan: plan, action: $0) } }
        let facts = all.map { item -> (status: ActionStatus?, overdue: Bool) in
            let action = plans[item.plan].actions[item.action]
            return (action.status(asOf: today), action.isOverdue(asOf: today))
        }
        func action(_ index: Int) -> Action { plans[all[index].plan].actions[all[index].action] }
        func rows(_ indices: [Int]) -> LazyDictionaries {
            LazyDictionaries(indices) { index in self.actionRow(action(index), in: self.plans[all[index].plan], showDocument: true) }
        }
        let overdue = all.indices.filter { facts[$0].overdue }.sorted { (action($0).due!, action($0).id) < (action($1).due!, action($1).id) }
        let byStatus: [TemplateContext] = [ActionStatus.red, .amber, .green, .notStarted, .complete].compactMap { status in
            let indices = all.indices.filter { facts[$0].status == status }
            guard !indices.isEmpty else { return nil }
            return ["title": status.label, "id": "status-\(status.rawValue)", "count": indices.count, "rows": rows(indices)]
        }
        let owners = Set(all.indices.compactMap { action($0).ownerAgency?.id })
        let byOwner: [TemplateContext] = (site.partnership?.agencies ?? []).filter { owners.contains($0.id) }.map { agency in
            let indices = all.indices.filter { action($0).ownerAgency?.id == agency.id }
            return ["title": agency.name, "id": "owner-\(agency.id)", "counts": actionCounts(indices.map(action)), "rows": rows(indices)]
        }
        let context: TemplateContext = [
            "title": "Action tracker",
            "asOf": today.long,
            "counts": actionCounts(all.indices.map(action)),
            "overdue": rows(overdue),
            "hasOverdue": !overdue.isEmpty,
            "byStatus": byStatus,
            "byOwner": byOwner,
        ]
        return WebPage(path: "actions/", title: "Action tracker", template: "actions", context: context, section: "actions",
                       summary: "Every action from audits, reviews and scrutiny, by status and by owner, with overdue actions first.")
    }
}
