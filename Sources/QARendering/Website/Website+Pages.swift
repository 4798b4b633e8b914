import QAModel

extension Website {
    /// Folder names the site itself uses; a free page may not take one.
    static let reservedPaths: Set<String> = ["priorities", "content-areas", "programme", "audits", "actions", "scorecard", "reviews",
                                             "scrutiny", "briefings", "annual-reports", "annual-report", "glossary", "search", "theme", "assets"]

    func freePageJobs() -> [PageJob] {
        site.pages.map { page -> PageJob in { [self] in
            currentPage = "\(page.id)/"
            if Self.reservedPaths.contains(page.id) {
                addDiagnostic(.error(page.location, "a page cannot have the id '\(page.id)': the site uses /\(page.id)/ for its own pages; rename the file or set another 'id:'", code: "reserved-path"))
                return nil
            }
            return WebPage(path: "\(page.id)/", title: page.title, template: "page",
                           context: ["title": page.title, "summary": page.summary, "body": md(page.body, at: page.source.bodyLocation)],
                           section: page.id, summary: page.summary, source: page.source)
        } }
    }

    func reportsPage() -> WebPage {
        let items = site.reports.reversed().map { r -> TemplateContext in
            ["title": r.title, "url": paths.url(reportPath(r)), "period": "\(r.periodStart.long) to \(r.periodEnd.long)", "status": r.status == .approved ? "Approved" : "Draft",
             "approved": r.status == .approved,
             "signed": r.signedOff.compactMap { s in s.date.map { "\(s.name), \(s.role), \($0.long)" } ?? "\(s.name), \(s.role)" }]
        }
        let scrutiny = site.scrutiny.reversed().map { ["title": $0.title, "url": paths.url("scrutiny/\($0.id)/"), "meta": $0.date.long] as TemplateContext }
        return WebPage(path: "annual-reports/", title: "Annual reports and scrutiny", template: "reports",
                       context: ["title": "Annual reports and scrutiny", "reports": items, "hasReports": !items.isEmpty, "scrutiny": scrutiny, "hasScrutiny": !scrutiny.isEmpty],
                       section: "reports", summary: "The partnership's yearly reports and independent scrutiny.")
    }

    func glossaryPage() -> WebPage {
        WebPage(path: "glossary/", title: "Glossary", template: "glossary",
                context: ["title": "Glossary", "terms": site.glossary.map { ["term": $0.term, "meaning": $0.meaning] as TemplateContext }],
                section: "glossary", summary: "Acronyms and terms used on this site.")
    }

    func searchPage(listing pages: [PageEntry]) -> WebPage {
        let items = pages.filter { !$0.path.isEmpty }.map { ($0.title.lowercased(), $0) }.sorted { $0.0 < $1.0 }
            .map { ["title": $0.1.title, "url": paths.url($0.1.path), "summary": $0.1.summary] as TemplateContext }
        return WebPage(path: "search/", title: "Search", template: "search",
                       context: ["title": "Search", "pages": items, "index": paths.url("search-index.json")],
                       section: "search", summary: "Search every page of this site.")
    }

    func notFoundPage() -> WebPage {
        WebPage(path: "404.html", title: "Page not found", template: "not-found",
                context: ["title": "Page not found", "home": paths.url(""), "search": paths.url("search/")], section: "", inSitemap: false)
    }
}
