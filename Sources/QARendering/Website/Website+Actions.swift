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
    /// Where this plan's actions start in `Website.actionLines`.
    var firstLine = 0

    /// The indices in `Website.actionLines` of this plan's actions.
    var lines: Range<Int> { firstLine..<(firstLine + actions.count) }
}

/// What a line of an action plan shows besides the action's own texts, worked out once per
/// action: an action is on its document's page, up to three times in the tracker and on the
/// page of each of its document's priorities.
struct ActionLine {
    var action: Action
    var status: ActionStatus?
    var overdue: Bool
    var overdueDays: Int
    var owner: String
    var due: String
    var recommendation: String
    var document: String
    var documentURL: String
}

extension PlanDocument {
    /// Every plan of the site, each with where its actions start among all of them.
    static func all(in site: Site) -> [PlanDocument] {
        var plans = unnumbered(in: site)
        var next = 0
        for index in plans.indices {
            plans[index].firstLine = next
            next += plans[index].actions.count
        }
        return plans
    }

    private static func unnumbered(in site: Site) -> [PlanDocument] {
        site.audits.map { PlanDocument(kind: $0.kind.label, id: $0.id, title: $0.title, path: "audits/\($0.id)/", priorities: $0.priorities.map(\.id), date: $0.date, findings: $0.findings, recommendations: $0.recommendations, actions: $0.actions) }
            + site.reviews.map { PlanDocument(kind: $0.kind.label, id: $0.id, title: $0.title, path: "reviews/\($0.id)/", priorities: $0.priorities.map(\.id), date: $0.date, findings: $0.findings, recommendations: $0.recommendations, actions: $0.actions) }
            + site.scrutiny.map { PlanDocument(kind: "Independent scrutiny", id: $0.id, title: $0.title, path: "scrutiny/\($0.id)/", priorities: $0.priorities.map(\.id), date: $0.date, findings: $0.findings, recommendations: $0.recommendations, actions: $0.actions) }
    }
}

extension Website {
    static func statusTag(_ status: ActionStatus?) -> TemplateContext {
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

    func statusTag(_ status: ActionStatus?) -> TemplateContext { statusTags[Self.statusTagIndex(status)] }

    func ragTag(_ rag: RAG) -> TemplateContext {
        tag("qa-tag--\(rag == .none ? "grey" : rag.rawValue)", rag.label)
    }

    /// The lines of every plan's actions, in plan order (`PlanDocument.lines`).
    static func actionLines(_ plans: [PlanDocument], agencies: [String: Agency], paths: SitePaths, today: Day) -> [ActionLine] {
        var lines: [ActionLine] = []
        lines.reserveCapacity(plans.reduce(0) { $0 + $1.actions.count })
        for plan in plans {
            let url = paths.url(plan.path) + "#action-plan"
            let numbers = Dictionary(plan.recommendations.map { ($0.id, "\($0.number)") }, uniquingKeysWith: { first, _ in first })
            for action in plan.actions {
                let overdue = action.isOverdue(asOf: today)
                lines.append(ActionLine(
                    action: action, status: action.status(asOf: today), overdue: overdue,
                    overdueDays: overdue ? action.due!.days(until: today) : 0,
                    owner: shortAgencyName(action.ownerAgency, agencies), due: action.due.map(\.long) ?? "",
                    recommendation: action.recommendation.flatMap { numbers[$0.id] } ?? "",
                    document: plan.title, documentURL: url))
            }
        }
        return lines
    }

    /// One action plan line for a table: line `index` of `actionLines`.
    func actionRow(_ index: Int, showDocument: Bool) -> TemplateContext {
        let line = actionLines[index]
        return [
            "id": line.action.id,
            "text": md(line.action.text, at: line.action.textLocation, reused: true),
            "owner": line.owner,
            "role": line.action.ownerRole,
            "due": line.due,
            "status": statusTags[Self.statusTagIndex(line.status)],
            "overdue": line.overdue,
            "overdueDays": line.overdueDays,
            "evidence": md(line.action.evidenceOfImpact, at: line.action.evidenceLocation, reused: true),
            "hasEvidence": !line.action.evidenceOfImpact.isEmpty,
            "recommendation": line.recommendation,
            "document": line.document,
            "documentURL": line.documentURL,
            "showDocument": showDocument,
        ]
    }

    /// Where a status's tag is in `statusTags`: no status first, then `ActionStatus.allCases`.
    static func statusTagIndex(_ status: ActionStatus?) -> Int {
        status.map { ActionStatus.allCases.firstIndex(of: $0)! + 1 } ?? 0
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
        let all = actionLines.indices
        func action(_ index: Int) -> Action { actionLines[index].action }
        func rows(_ indices: [Int]) -> LazyDictionaries {
            LazyDictionaries(indices) { index in self.actionRow(index, showDocument: true) }
        }
        let overdue = all.filter { actionLines[$0].overdue }.sorted { (action($0).due!, action($0).id) < (action($1).due!, action($1).id) }
        let byStatus: [TemplateContext] = [ActionStatus.red, .amber, .green, .notStarted, .complete].compactMap { status in
            let indices = all.filter { actionLines[$0].status == status }
            guard !indices.isEmpty else { return nil }
            return ["title": status.label, "id": "status-\(status.rawValue)", "count": indices.count, "rows": rows(indices)]
        }
        let owners = Set(all.compactMap { action($0).ownerAgency?.id })
        let byOwner: [TemplateContext] = (site.partnership?.agencies ?? []).filter { owners.contains($0.id) }.map { agency in
            let indices = all.filter { action($0).ownerAgency?.id == agency.id }
            return ["title": agency.name, "id": "owner-\(agency.id)", "counts": actionCounts(indices.map(action)), "rows": rows(indices)]
        }
        let context: TemplateContext = [
            "title": "Action tracker",
            "asOf": today.long,
            "counts": actionCounts(all.map(action)),
            "overdue": rows(overdue),
            "hasOverdue": !overdue.isEmpty,
            "byStatus": byStatus,
            "byOwner": byOwner,
        ]
        return WebPage(path: "actions/", title: "Action tracker", template: "actions", context: context, section: "actions",
                       summary: "Every action from audits, reviews and scrutiny, by status and by owner, with overdue actions first.")
    }
}
