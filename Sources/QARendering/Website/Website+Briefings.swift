import QAModel

extension Website {
    /// The briefing's sections as HTML, each Markdown text through the one renderer.
    func sectionContexts(_ b: PublishedBriefing) -> [TemplateContext] {
        b.sections.map { ["number": $0.number, "title": $0.label, "html": md($0.text, at: b.location), "empty": $0.text.isEmpty,
                          "x": 40 + ($0.number - 1) * 103] as TemplateContext }
    }

    func briefingPageJobs() -> [PageJob] {
        guard options.briefingEditions else { return [] }
                let groups: [TemplateContext] = BriefingGroup.allCases.compactMap { group in
            let items = briefings.filter { $0.group == group }.reversed()
            guard !items.isEmpty else { return nil }
            return ["title": group.label, "items": items.map { ["title": $0.title, "url": paths.url("briefings/\($0.id)/"), "summary": "", "meta": $0.date.long] as TemplateContext }]
        }
        let index = WebPage(path: "briefings/", title: "7-minute briefings", template: "index", context: [
            "title": "7-minute briefings",
            "intro": "Short briefings for team meetings. Each takes about seven minutes to deliver and always follows the same seven steps.",
            "groups": groups, "hasGroupTitles": true,
        ], section: "briefings", summary: "7-minute briefings on learning from audits and reviews.")
        return [{ index }] + briefings.map { b -> PageJob in { [self] in
            currentPage = "briefings/\(b.id)/"
            for link in b.furtherInformation where Self.isInternal(link.url) {
                record([WrittenLink(href: link.url, location: b.location)])
            }
            let context: TemplateContext = [
                "title": b.title, "date": b.date.long, "group": b.group.label,
                "sections": sectionContexts(b),
                "further": b.furtherInformation.map { ["title": $0.title, "url": $0.url.hasPrefix("/") ? paths.url(String($0.url.dropFirst())) : $0.url] as TemplateContext },
                "hasFurther": !b.furtherInformation.isEmpty,
                "contacts": md(b.contacts, at: b.source.location), "hasContacts": !b.contacts.isEmpty,
                "textURL": paths.url("briefings/\(b.id)/briefing.txt"),
                "pdfURL": options.makePDFs ? paths.url("briefings/\(b.id)/briefing.pdf") : "",
                "formURL": paths.url("briefings/\(b.id)/action-plan/"),
                "fromURL": b.fromPath.map { paths.url($0) } ?? "", "hasFrom": b.fromPath != nil,
            ]
            return WebPage(path: "briefings/\(b.id)/", title: "7-minute briefing: \(b.title)", template: "briefing", context: context,
                           breadcrumbs: [("7-minute briefings", "briefings/")], section: "briefings", source: b.source, published: b.date)
        } }
    }
}
