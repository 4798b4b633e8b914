import QAModel

/// A 7-minute briefing ready to show, whether written as its own file or as part of an audit
/// or review. Sections the author left out are filled from the audit's or review's findings.
struct BriefingView {
    var id: String
    var title: String
    var date: Day
    var group: BriefingGroup
    var sections: [(number: Int, title: String, html: String)]
    var questions: [String]
    var furtherInformation: [Link]
    var contacts: String
    var sourcePath: String?
    var source: SourceFile
}

extension Website {
    static let sectionTitles = ["Background", "Why it matters", "What we did", "What we found: strengths",
                                "What we found: areas for development", "What this means for you", "Questions for reflection"]

    func allBriefings() -> [BriefingView] {
        var views: [BriefingView] = []
        for b in site.briefings {
            currentPage = "briefings/\(b.id)/"
            views.append(view(id: b.id, title: b.title, date: b.date, group: b.group, content: b.content, findings: [], source: b.source, from: nil))
        }
        for a in site.audits {
            if let content = a.briefing {
                currentPage = "briefings/\(a.id)/"
                views.append(view(id: a.id, title: a.title, date: a.reported ?? a.date, group: .localAudit, content: content, findings: a.findings, source: a.source, from: "audits/\(a.id)/", whatWeDid: a.summary))
            }
        }
        for r in site.reviews {
            if let content = r.briefing {
                currentPage = "briefings/\(r.id)/"
                views.append(view(id: r.id, title: r.title, date: r.published ?? r.date, group: r.kind == .nationalReview ? .nationalReview : .localReview, content: content, findings: r.findings, source: r.source, from: "reviews/\(r.id)/", whatWeDid: r.summary))
            }
        }
        return views.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    func view(id: String, title: String, date: Day, group: BriefingGroup, content: BriefingContent, findings: [Finding], source: SourceFile, from: String?, whatWeDid: String = "") -> BriefingView {
        func fromFindings(_ kind: FindingKind) -> String {
            findings.filter { $0.kind == kind }.map { "- " + $0.text.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        }
        let texts = [content.background ?? "", content.whyItMatters ?? "", content.whatWeDid ?? whatWeDid,
                     content.strengths ?? fromFindings(.strength), content.areasForDevelopment ?? fromFindings(.areaForDevelopment),
                     content.whatItMeansForYou ?? ""]
        for link in content.furtherInformation where Self.isInternal(link.url) {
            links.append((currentPage, WrittenLink(href: link.url, location: content.location)))
        }
        let sections = texts.enumerated().map { (number: $0.offset + 1, title: Self.sectionTitles[$0.offset], html: md($0.element, at: content.location)) }
        return BriefingView(id: id, title: title, date: date, group: group, sections: sections, questions: content.questions,
                            furtherInformation: content.furtherInformation, contacts: content.contacts ?? "", sourcePath: from, source: source)
    }

    func briefingPages() -> [WebPage] {
        let briefings = allBriefings()
        let groups: [[String: Any]] = BriefingGroup.allCases.compactMap { group in
            let items = briefings.filter { $0.group == group }.reversed()
            guard !items.isEmpty else { return nil }
            return ["title": group.label, "items": items.map { ["title": $0.title, "url": paths.url("briefings/\($0.id)/"), "summary": "", "meta": $0.date.long] }]
        }
        let index = WebPage(path: "briefings/", title: "7-minute briefings", template: "index", context: [
            "title": "7-minute briefings",
            "intro": "Short briefings for team meetings. Each takes about seven minutes to deliver and always follows the same seven steps.",
            "groups": groups, "hasGroupTitles": true,
        ], section: "briefings", summary: "7-minute briefings on learning from audits and reviews.")
        return [index] + briefings.map { b in
            currentPage = "briefings/\(b.id)/"
            let context: [String: Any] = [
                "title": b.title, "date": b.date.long, "group": b.group.label,
                "sections": b.sections.map { ["number": $0.number, "title": $0.title, "html": $0.html, "empty": $0.html.isEmpty] },
                "questions": b.questions.map { md($0, at: b.source.location) },
                "further": b.furtherInformation.map { ["title": $0.title, "url": $0.url.hasPrefix("/") ? paths.url(String($0.url.dropFirst())) : $0.url] },
                "hasFurther": !b.furtherInformation.isEmpty,
                "contacts": md(b.contacts, at: b.source.location), "hasContacts": !b.contacts.isEmpty,
                "fromURL": b.sourcePath.map { paths.url($0) } ?? "", "hasFrom": b.sourcePath != nil,
            ]
            return WebPage(path: "briefings/\(b.id)/", title: "7-minute briefing: \(b.title)", template: "briefing", context: context,
                           breadcrumbs: [("7-minute briefings", "briefings/")], section: "briefings", source: b.source, published: b.date)
        }
    }
}
