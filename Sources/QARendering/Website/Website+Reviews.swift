import QAModel

extension Website {
    func reviewPageJobs() -> [PageJob] {
        let groups: [TemplateContext] = ReviewKind.allCases.compactMap { kind in
            let items = site.reviews.filter { $0.kind == kind }.reversed()
            guard !items.isEmpty else { return nil }
            return ["title": kind.label + "s", "items": items.map { ["title": $0.title, "url": paths.url("reviews/\($0.id)/"), "summary": $0.summary, "meta": $0.date.long] as TemplateContext }]
        }
        let index = WebPage(path: "reviews/", title: "Learning from reviews", template: "index",
                            context: ["title": "Learning from reviews", "intro": "Rapid reviews, local child safeguarding practice reviews and national reviews, with what we learned and what we are doing.", "groups": groups, "hasGroupTitles": true],
                            section: "reviews", summary: "Rapid reviews and child safeguarding practice reviews: learning, recommendations and actions.")
        return [{ index }] + site.reviews.map { review -> PageJob in { [self] in
            currentPage = "reviews/\(review.id)/"
            let plan = plansByPath["reviews/\(review.id)/"]!
            var facts: [TemplateContext] = [["key": "Kind of review", "value": review.kind.label], ["key": "Date", "value": review.date.long]]
            if let published = review.published { facts.append(["key": "Published", "value": published.long]) }
            let context: TemplateContext = [
                "title": review.title, "kind": review.kind.label, "summary": review.summary, "facts": facts,
                "decision": md(review.decision, at: review.location), "hasDecision": !review.decision.isEmpty,
                "learning": review.learning.map { md($0, at: review.location) }, "hasLearning": !review.learning.isEmpty,
                "body": md(review.body, at: review.source.bodyLocation),
                "findingGroups": findingGroups(review.findings), "hasFindings": !review.findings.isEmpty,
                "recommendations": recommendationItems(review.recommendations), "hasRecommendations": !review.recommendations.isEmpty,
                "actions": plan.lines.map { actionRow($0, showDocument: false) }, "hasActions": !review.actions.isEmpty,
                "counts": actionCounts(review.actions), "asOf": options.buildDate.long,
                "hasBriefing": review.briefing != nil && options.briefingEditions, "briefingURL": paths.url("briefings/\(review.id)/"),
            ]
            return WebPage(path: "reviews/\(review.id)/", title: review.title, template: "review", context: context,
                           breadcrumbs: [("Learning from reviews", "reviews/")], section: "reviews", summary: review.summary,
                           source: review.source, published: review.published ?? review.date)
        } }
    }

    func scrutinyPageJobs() -> [PageJob] {
        let index = WebPage(path: "scrutiny/", title: "Independent scrutiny", template: "index", context: [
            "title": "Independent scrutiny",
            "intro": "Reports from our independent scrutineer on how well the partnership is working for children and families.",
            "groups": [["items": site.scrutiny.reversed().map { ["title": $0.title, "url": paths.url("scrutiny/\($0.id)/"), "summary": $0.summary, "meta": "\($0.author) · \($0.date.long)"] as TemplateContext }] as TemplateContext],
        ], section: "reports", summary: "Independent scrutiny reports.")
        return [{ index }] + site.scrutiny.map { report -> PageJob in { [self] in
            currentPage = "scrutiny/\(report.id)/"
            let plan = plansByPath["scrutiny/\(report.id)/"]!
            let context: TemplateContext = [
                "title": report.title, "author": report.author, "date": report.date.long, "summary": report.summary,
                "scope": md(report.scope, at: report.location), "hasScope": !report.scope.isEmpty,
                "body": md(report.body, at: report.source.bodyLocation),
                "findingGroups": findingGroups(report.findings), "hasFindings": !report.findings.isEmpty,
                "recommendations": recommendationItems(report.recommendations), "hasRecommendations": !report.recommendations.isEmpty,
                "actions": plan.lines.map { actionRow($0, showDocument: false) }, "hasActions": !report.actions.isEmpty,
                "counts": actionCounts(report.actions), "asOf": options.buildDate.long,
            ]
            return WebPage(path: "scrutiny/\(report.id)/", title: report.title, template: "scrutiny", context: context,
                           breadcrumbs: [("Independent scrutiny", "scrutiny/")], section: "reports", summary: report.summary,
                           source: report.source, published: report.date)
        } }
    }
}
