import Foundation
import Mustache
import QADiagnostics
import QAModel

/// Renders the partnership website: every page, feed, sitemap and calendar, as files in
/// memory. Pure: reads nothing from disk and writes nothing.
public final class Website {
    let site: Site
    let options: WebsiteOptions
    let paths: SitePaths
    var links: [(page: String, link: WrittenLink)] = []
    var diagnostics: [Diagnostic] = []
    /// HTML files of the build that the PDF engine turns into PDFs, known after `render`.
    public internal(set) var printJobs: [PrintJob] = []
    /// HTML files of the build that become editable Word documents, known after `render`.
    public internal(set) var documentJobs: [PrintJob] = []
    /// The page whose content is being built, for resolving relative links in its Markdown.
    var currentPage = ""
    let agencies: [String: Agency]

    public init(site: Site, options: WebsiteOptions) {
        self.site = site
        self.options = options
        self.paths = options.paths
        self.agencies = Dictionary((site.partnership?.agencies ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every file of the site, sorted by path, and any problems (template errors, broken links).
    public func render(theme: ThemeFiles) -> (files: [RenderedFile], diagnostics: [Diagnostic]) {
        let (library, templateProblems) = theme.library()
        diagnostics += templateProblems
        if templateProblems.hasErrors { return ([], diagnostics) }
        let pages = allPages()
        var files: [RenderedFile] = []
        for page in pages {
            files.append(RenderedFile(path: SitePaths.file(for: page.path), text: renderPage(page, library: library)))
        }
        files.append(RenderedFile(path: "404.html", text: renderPage(notFoundPage(), library: library)))
        files += feeds(pages)
        files += calendars()
        files += briefingTexts()
        files += briefingPrintFiles(library: library, theme: theme)
        files += reportPrintFiles(library: library, theme: theme)
        files.append(briefingFeed())
        files.append(RenderedFile(path: "search-index.json", text: searchIndex(pages)))
        for (path, file) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(RenderedFile(path: "theme/" + path, bytes: file.bytes))
        }
        checkLinks(pages: pages, files: files)
        if site.pages.first(where: { $0.id == "accessibility" }) == nil {
            diagnostics.append(.warning(SourceLocation(path: "content/pages/accessibility.md"), "there is no accessibility statement; public-sector sites must publish one: add pages/accessibility.md", code: "no-accessibility-statement"))
        }
        return (files.sorted { $0.path < $1.path }, diagnostics)
    }

    func allPages() -> [WebPage] {
        var pages: [WebPage] = [homePage()]
        pages += priorityPages()
        pages += contentAreaPages()
        pages += programmePages()
        pages += auditPages()
        pages.append(actionTrackerPage())
        pages.append(scorecardPage())
        pages += reviewPages()
        pages += scrutinyPages()
        pages += briefingPages()
        pages += briefingFormPages()
        pages.append(reportsPage())
        pages += reportPages()
        pages.append(glossaryPage())
        pages += freePages()
        pages.append(searchPage(listing: pages))
        return pages
    }

    // MARK: Layout

    static let navigation: [(key: String, title: String, path: String)] = [
        ("priorities", "Priorities", "priorities/"),
        ("audits", "Audits", "audits/"),
        ("actions", "Action tracker", "actions/"),
        ("scorecard", "Scorecard", "scorecard/"),
        ("reviews", "Reviews", "reviews/"),
        ("briefings", "Briefings", "briefings/"),
        ("programme", "QA programme", "programme/"),
        ("reports", "Annual reports", "annual-reports/"),
    ]

    func renderPage(_ page: WebPage, library: MustacheLibrary) -> String {
        var context = Self.pruned(page.context)
        context["base"] = paths.base
        let body = library.render(context, withTemplate: page.template) ?? ""
        let name = site.partnership?.name ?? "Safeguarding Children Partnership"
        var crumbs: [[String: Any]] = page.path.isEmpty ? [] : [["title": "Home", "url": paths.url("")]]
        crumbs += page.breadcrumbs.map { ["title": $0.0, "url": paths.url($0.1)] }
        let updated = page.source.flatMap { options.updated[$0.path] ?? $0.updated }
        let layout: [String: Any] = [
            "title": page.title,
            "pageTitle": page.path.isEmpty ? name : "\(page.title) – \(name)",
            "description": page.summary.isEmpty ? (site.partnership.map { HTML.plain(HTML.md($0.vision)) } ?? "") : page.summary,
            "partnership": name,
            "shortName": site.partnership?.shortName ?? "",
            "logo": site.partnership?.logo.map { paths.url($0) } ?? "",
            "hasLogo": site.partnership?.logo != nil,
            "base": paths.base,
            "home": paths.url(""),
            "css": paths.url("theme/qapress.css"),
            "script": paths.url("theme/qapress.js"),
            "exitURL": options.exitURL,
            "nav": Self.navigation.map { ["title": $0.title, "url": paths.url($0.path), "current": $0.key == page.section] },
            "breadcrumbs": crumbs,
            "hasBreadcrumbs": !crumbs.isEmpty,
            "body": body,
            "updated": updated.map { $0.long } ?? "",
            "hasUpdated": updated != nil,
            "buildDate": options.buildDate.long,
            "accessibility": paths.url("accessibility/"),
            "contact": paths.url("contact/"),
            "searchURL": paths.url("search/"),
            "glossaryURL": paths.url("glossary/"),
            "worried": HTML.md(site.partnership?.contact.worriedAboutAChild ?? ""),
            "restricted": options.audience != .public,
            "audienceBanner": Self.banner(for: options.audience),
        ]
        return library.render(Self.pruned(layout), withTemplate: "layout") ?? ""
    }

    /// The context without empty strings, so that `{{#key}}…{{/key}}` leaves out empty text
    /// (swift-mustache treats an empty string as true).
    static func pruned(_ context: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in context {
            switch value {
            case let text as String where text.isEmpty: continue
            case let nested as [String: Any]: out[key] = pruned(nested)
            case let list as [[String: Any]]: out[key] = list.map(pruned)
            default: out[key] = value
            }
        }
        return out
    }

    static func banner(for audience: Audience) -> String {
        switch audience {
        case .public: return ""
        case .partners: return "For partners only. This site includes material for the safeguarding partners and relevant agencies. Do not share it outside them."
        case .internal: return "Internal. This site includes internal and draft material for the partnership business unit. Do not share it."
        }
    }

    // MARK: Shared pieces

    /// Markdown as HTML, remembering its links so they can be checked against the site.
    func md(_ text: String, at location: SourceLocation?) -> String {
        let html = HTML.md(text)
        if let location { collectLinks(in: html, markdown: text, at: location) }
        // Site-relative links written in content ("/about/") follow the site to its sub-path.
        guard paths.base != "/" else { return html }
        return html.replacingOccurrences(of: "href=\"/", with: "href=\"\(paths.base)")
            .replacingOccurrences(of: "href=\"\(paths.base)\(paths.base.dropFirst())", with: "href=\"\(paths.base)")
    }

    func agencyName(_ reference: Reference?) -> String {
        guard let reference else { return "" }
        return agencies[reference.id]?.name ?? reference.id
    }

    func shortAgencyName(_ reference: Reference?) -> String {
        guard let reference else { return "Not set" }
        return agencies[reference.id].map { $0.shortName ?? $0.name } ?? reference.id
    }

    func tag(_ cssClass: String, _ label: String) -> [String: Any] {
        ["class": cssClass, "label": label]
    }

    func date(_ day: Day?) -> String { day.map(\.long) ?? "" }
}
