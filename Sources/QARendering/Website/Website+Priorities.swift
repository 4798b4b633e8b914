import QAModel

extension Website {
    /// A priority's progress at a glance: its actions and its measures as at the build date.
    func priorityProgress(_ priority: Priority) -> TemplateContext {
        progressByPriority[priority.id] ?? workOutProgress(priority)
    }

    func workOutProgress(_ priority: Priority) -> TemplateContext {
        let actions = plans.filter { $0.priorities.contains(priority.id) }.flatMap(\.actions)
        let measures = priority.measures.compactMap { indicatorsByID[$0.id] }
        let rated = measures.compactMap { m in m.latest(asOf: options.buildDate).map { m.rag(for: $0.value) } }
        let onTarget = rated.filter { $0 == .green }.count
        let withTargets = rated.filter { $0 != .none }.count
        var counts = actionCounts(actions)
        counts["measures"] = measures.count
        counts["onTarget"] = onTarget
        counts["withTargets"] = withTargets
        return counts
    }

    func priorityPageJobs() -> [PageJob] {
        let index = WebPage(path: "priorities/", title: "Our priorities", template: "index", context: [
            "title": "Our priorities",
            "intro": site.priorities.first.map { "Our business plan runs from \($0.planStart.long) to \($0.planEnd.long)." } ?? "",
            "groups": [["items": site.priorities.map { p -> TemplateContext in
                let progress = priorityProgress(p)
                return ["title": "Priority \(p.number): \(p.title)", "url": paths.url("priorities/\(p.id)/"), "summary": p.summary,
                        "meta": "Lead: \(agencyName(p.lead)) · \(progress.integer("complete")!) of \(progress.integer("total")!) actions complete · \(progress.integer("onTarget")!) of \(progress.integer("withTargets")!) measures on target"]
            }] as TemplateContext],
        ], section: "priorities", summary: "The partnership's business-plan priorities and the progress made on each.")
        return [{ index }] + site.priorities.map { priority in { [self] in priorityPage(priority) } }
    }

    func priorityPage(_ priority: Priority) -> WebPage {
        currentPage = "priorities/\(priority.id)/"
        let related = plans.filter { $0.priorities.contains(priority.id) }
        let measures = priority.measures.compactMap { indicatorsByID[$0.id] }
        let context: TemplateContext = [
            "title": "Priority \(priority.number): \(priority.title)",
            "lead": agencyName(priority.lead),
            "period": "\(priority.planStart.long) to \(priority.planEnd.long)",
            "summary": priority.summary,
            "body": md(priority.body, at: priority.source.bodyLocation),
            "good": priority.whatGoodLooksLike.map { md($0, at: priority.location) },
            "progress": priorityProgress(priority),
            "measures": measures.map { indicatorContext($0, headingLevel: 3) },
            "hasMeasures": !measures.isEmpty,
            "work": related.map { ["title": $0.title, "url": paths.url($0.path), "meta": "\($0.kind) · \($0.date.long)"] as TemplateContext },
            "hasWork": !related.isEmpty,
            "rows": LazyDictionaries(related.flatMap(\.lines)) { self.actionRow($0, showDocument: true) },
            "hasActions": related.contains { !$0.actions.isEmpty },
            "asOf": options.buildDate.long,
        ]
        return WebPage(path: "priorities/\(priority.id)/", title: "Priority \(priority.number): \(priority.title)", template: "priority",
                       context: context, breadcrumbs: [("Our priorities", "priorities/")], section: "priorities",
                       summary: priority.summary, source: priority.source)
    }

    func contentAreaPageJobs() -> [PageJob] {
        let index = WebPage(path: "content-areas/", title: "What quality assurance looks at", template: "index", context: [
            "title": "What quality assurance looks at",
            "intro": "Each content area is measured by three questions: how much did we do, how well did we do it, and is anyone better off?",
            "groups": [["items": site.contentAreas.map { ["title": $0.title, "url": paths.url("content-areas/\($0.id)/"), "summary": HTML.plain(HTML.md($0.outcome)), "meta": $0.kind.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst] as TemplateContext }] as TemplateContext],
        ], breadcrumbs: [], section: "priorities", summary: "The content areas of our QA framework and how each is measured.")
        return [{ index }] + site.contentAreas.map { area -> PageJob in { [self] in
            currentPage = "content-areas/\(area.id)/"
            let indicators = site.indicators.filter { $0.contentArea?.id == area.id }
            func column(_ title: String, _ items: [String], _ oba: OBACategory) -> TemplateContext {
                ["title": title, "items": items.map { md($0, at: area.location) },
                 "indicators": indicators.filter { $0.oba == oba }.map { ["title": $0.title, "url": paths.url("scorecard/#\($0.id)")] as TemplateContext }]
            }
            let context: TemplateContext = [
                "title": area.title,
                "kind": area.kind.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst,
                "outcome": md(area.outcome, at: area.location),
                "body": md(area.body, at: area.source.bodyLocation),
                "columns": [column("How much did we do?", area.howMuch, .howMuch), column("How well did we do it?", area.howWell, .howWell),
                            column("Is anyone better off?", area.betterOff, .betterOff)],
                "sources": area.sources.map { ["kind": $0.kind.label, "detail": $0.detail] as TemplateContext },
                "audits": site.audits.filter { $0.contentArea?.id == area.id }.map { ["title": $0.title, "url": paths.url("audits/\($0.id)/")] as TemplateContext },
            ]
            return WebPage(path: "content-areas/\(area.id)/", title: area.title, template: "content-area", context: context,
                           breadcrumbs: [("What quality assurance looks at", "content-areas/")], section: "priorities", source: area.source)
        } }
    }

    func homePage() -> WebPage {
        currentPage = ""
        let partnership = site.partnership
        let latest = { (items: [TemplateContext]) in Array(items.prefix(3)) }
        let briefings = briefings.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
        let context: TemplateContext = [
            "name": partnership?.name ?? "",
            "vision": md(partnership?.vision ?? "", at: partnership?.source.location),
            "values": (partnership?.values ?? []).map { ["title": $0.title, "description": md($0.description, at: partnership?.source.location)] as TemplateContext },
            "priorities": site.priorities.map { p -> TemplateContext in
                ["number": p.number, "title": p.title, "url": paths.url("priorities/\(p.id)/"), "lead": agencyName(p.lead), "progress": priorityProgress(p)]
            },
            "hasBriefings": options.briefingEditions,
            "briefings": latest(briefings.map { ["title": $0.title, "url": paths.url("briefings/\($0.id)/"), "meta": $0.date.long] as TemplateContext }),
            "audits": latest(site.audits.reversed().map { ["title": $0.title, "url": paths.url("audits/\($0.id)/"), "meta": "\($0.kind.label) · \($0.date.long)"] as TemplateContext }),
            "reviews": latest(site.reviews.reversed().map { ["title": $0.title, "url": paths.url("reviews/\($0.id)/"), "meta": "\($0.kind.label) · \($0.date.long)"] as TemplateContext }),
            "counts": actionCounts(plans.flatMap(\.actions)),
            "actionsURL": paths.url("actions/"),
            "asOf": options.buildDate.long,
            "body": md(partnership?.body ?? "", at: partnership?.source.bodyLocation),
        ]
        return WebPage(path: "", title: partnership?.name ?? "Home", template: "home", context: context, section: "home",
                       source: partnership?.source)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
