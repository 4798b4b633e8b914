import Foundation
import QADiagnostics
import QAModel

/// Renders the partnership website: every page, feed, sitemap and calendar, as files in
/// memory. Pure: reads nothing from disk and writes nothing.
public final class Website {
    let site: Site
    let options: WebsiteOptions
    let paths: SitePaths
    /// Every internal link in the content rendered so far, checked once every page exists.
    let links = LinkLedger()
    var diagnostics: [Diagnostic] = []
    /// HTML files of the build that the PDF engine turns into PDFs, known after `render`.
    public internal(set) var printJobs: [PrintJob] = []
    /// HTML files of the build that become editable Word documents, known after `render`.
    public internal(set) var documentJobs: [PrintJob] = []
    /// The page whose content is being built on this thread, for resolving relative links
    /// in its Markdown. Pages are built on several threads at once, so each keeps its own.
    var currentPage: String {
        get {
            let slot = ThreadPage.current
            return slot.website == ObjectIdentifier(self) ? slot.path : ""
        }
        set {
            let slot = ThreadPage.current
            slot.website = ObjectIdentifier(self)
            slot.path = newValue
        }
    }
    let diagnosticsLock = NSLock()
    /// Where the pages that take the most memory to build are among the page jobs: the
    /// action tracker, the scorecard and the annual reports.
    var heavyJobs: [Int] = []
    /// The page jobs made by `preparePages`, used by the next `render`.
    var preparedJobs: [PageJob]?
    /// The theme's templates, read by `prepare(theme:)`.
    var prepared: TemplateLibrary?
    let agencies: [String: Agency]
    /// Every document with an action plan, and the same by site path.
    let plans: [PlanDocument]
    let plansByPath: [String: PlanDocument]
    /// Every plan's actions as their lines show them (`PlanDocument.lines` says which are whose).
    let actionLines: [ActionLine]
    /// The tag of each status, by `statusTagIndex`.
    let statusTags: [TemplateContext]
    /// Every briefing as published; assembled once, and empty when the build leaves the
    /// briefings out.
    let briefings: [PublishedBriefing]
    /// The same whether or not the briefings are published, for the annual reports' lists.
    let allBriefings: [PublishedBriefing]
    /// HTML of each Markdown text, rendered once whichever pages show it.
    let markdown: MarkdownCache
    /// The description of pages without a summary of their own: the partnership's vision.
    let defaultDescription: String
    /// The ids of the audits, so that a page linking to thousands of them looks each up once.
    let auditIDs: Set<String>
    /// Indicators by id, the first of each id.
    let indicatorsByID: [String: Indicator]
    /// Each priority's progress (`priorityProgress`), worked out once: the home page, the
    /// priorities' index and each priority's page all show it.
    private(set) var progressByPriority: [String: TemplateContext] = [:]

    public init(site: Site, options: WebsiteOptions) {
        var site = site
        if !options.reportEditions { site.reports = [] }
        self.site = site
        self.options = options
        self.paths = options.paths
        self.agencies = Dictionary((site.partnership?.agencies ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.plans = PlanDocument.all(in: site)
        self.plansByPath = Dictionary(plans.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        self.actionLines = Self.actionLines(plans, agencies: agencies, paths: paths, today: options.buildDate)
        self.statusTags = ([nil] + ActionStatus.allCases).map(Self.statusTag)
        self.allBriefings = options.briefingEditions || options.reportEditions ? site.publishedBriefings(options.briefings) : []
        self.briefings = options.briefingEditions ? allBriefings : []
        self.markdown = options.markdownCache ?? MarkdownCache()
        self.defaultDescription = site.partnership.map { HTML.plain(HTML.md($0.vision)) } ?? ""
        self.auditIDs = Set(site.audits.map(\.id))
        self.indicatorsByID = Dictionary(site.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for priority in site.priorities where progressByPriority[priority.id] == nil {
            progressByPriority[priority.id] = workOutProgress(priority)
        }
    }

    /// Every file of the site, sorted by path, and any problems (template errors, broken links).
    public func render(theme: ThemeFiles) -> (files: [RenderedFile], diagnostics: [Diagnostic]) {
        let sink = RenderedFiles()
        let problems = render(theme: theme, into: sink)
        return (sink.files, problems)
    }

    /// Renders every file of the site into `sink` as it is made, and returns the problems
    /// (template errors, broken links). With errors among them the files must not be published.
    public func render(theme: ThemeFiles, into sink: RenderedFiles) -> [Diagnostic] {
        let templateProblems = prepare(theme: theme)
        guard let library = prepared, !templateProblems.hasErrors else { return diagnostics }
        return render(theme: theme, templates: library, into: sink)
    }

    /// Reads the theme's templates, once, before anything is rendered; the problems are
    /// template errors at their file, line and column. A build with errors here stops before
    /// it makes any folder.
    @discardableResult
    public func prepare(theme: ThemeFiles) -> [Diagnostic] {
        if prepared != nil { return [] }
        let (library, problems) = theme.library()
        diagnostics += problems
        if !problems.hasErrors { prepared = library }
        return problems
    }

    /// Every file of the site rendered with `templates`: the theme's own library, or in the
    /// differential test the engine it replaced.
    func render(theme: ThemeFiles, templates library: any PageTemplates) -> (files: [RenderedFile], diagnostics: [Diagnostic]) {
        let sink = RenderedFiles()
        let problems = render(theme: theme, templates: library, into: sink)
        return (sink.files, problems)
    }

    /// Pages are built and rendered on every core and handed to `sink` one by one, so only
    /// the pages being worked on are in memory; what later files need of a page (its title,
    /// dates and search text) is kept as a `PageEntry`.
    func render(theme: ThemeFiles, templates library: any PageTemplates, into sink: RenderedFiles) -> [Diagnostic] {
        let jobs = preparedJobs ?? pageJobs()
        preparedJobs = nil
        // The largest pages (every action, every indicator, each year's report) are spread
        // evenly among the others, so that two of them are seldom built at the same time,
        // while the small pages keep the other cores busy.
        let order = Self.spreading(heavyJobs.filter { $0 < jobs.count }, among: jobs.count)
        // The calendars and the briefings' plain texts need no page, so they are made among
        // the pages (after the first), not after them.
        let besidePages: [() -> [RenderedFile]] = [{ self.calendars() }, { self.briefingTexts() }]
        let scheduled = Array(order.prefix(1)) + Array(jobs.count..<(jobs.count + besidePages.count)) + order.dropFirst()
        let built: [PageEntry?] = scheduled.parallelMap { index in
            if index >= jobs.count {
                besidePages[index - jobs.count]().forEach(sink.add)
                return nil
            }
            guard let page = jobs[index]() else { return nil }
            sink.stream(path: SitePaths.file(for: page.path)) { renderPage(page, library: library, emit: $0) }
            return PageEntry(page, searchText: searchText(page))
        }
        var entries = [PageEntry?](repeating: nil, count: jobs.count)
        for (position, index) in scheduled.enumerated() where index < jobs.count { entries[index] = built[position] }
        let pages = entries.compactMap { $0 }
        // The search page lists every other page; its own entry (for the feeds and the
        // search index) does not depend on that list, so all of them are made side by side.
        let searchItself = searchPage(listing: [])
        let listed = pages + [PageEntry(searchItself, searchText: searchText(searchItself))]
        // The files made from the whole site, side by side.
        // The print editions go to the sink one by one as they are made (a report's are
        // megabytes); the other tasks' files are small and handed over together.
        var tasks: [(_ add: (RenderedFile) -> Void) -> Void] = [
            { _ in
                let search = self.searchPage(listing: pages)
                sink.stream(path: SitePaths.file(for: search.path)) { self.renderPage(search, library: library, emit: $0) }
                let notFound = self.notFoundPage()
                sink.stream(path: "404.html") { self.renderPage(notFound, library: library, emit: $0) }
            },
            { add in self.feeds(listed).forEach(add) },
            { add in
                self.briefingPrintFiles(library: library, theme: theme, add: add)
                self.reportPrintFiles(library: library, theme: theme, add: add)
            },
            { add in add(RenderedFile(path: "search-index.json", text: self.searchIndex(listed))) },
        ]
        if options.briefingEditions { tasks.append { add in add(self.briefingFeed()) } }
        _ = tasks.parallelMap { task in task { sink.add($0) } }
        if options.markdownCache != nil { markdown.forgetUnused() } else { markdown.removeAll() }
        for (path, file) in theme.assets.sorted(by: { $0.key < $1.key }) {
            sink.add(RenderedFile(path: "theme/" + path, bytes: file.bytes))
        }
        checkLinks(existing: sink.paths)
        if site.pages.first(where: { $0.id == "accessibility" }) == nil {
            diagnostics.append(.warning(SourceLocation(path: "content/pages/accessibility.md"), "there is no accessibility statement; public-sector sites must publish one: add pages/accessibility.md", code: "no-accessibility-statement"))
        }
        return diagnostics
    }

    /// Makes the list of page jobs (and the index pages it builds as it goes) ahead of
    /// `render`, which then starts straight away; a build does this beside validation.
    public func preparePages() {
        if preparedJobs == nil { preparedJobs = pageJobs() }
    }

    /// Every page of the site but the search page (which lists them), in the order of the
    /// sitemap, as a job that builds it. Jobs run on any thread, in any order.
    func pageJobs() -> [PageJob] {
        var jobs: [PageJob] = [{ self.homePage() }]
        jobs += priorityPageJobs()
        jobs += contentAreaPageJobs()
        jobs += programmePageJobs()
        jobs += auditPageJobs()
        heavyJobs = [jobs.count, jobs.count + 1]
        jobs.append { self.actionTrackerPage() }
        jobs.append { self.scorecardPage() }
        jobs += reviewPageJobs()
        jobs += scrutinyPageJobs()
        jobs += briefingPageJobs()
        jobs += briefingFormPages().map { page in { page } }
        jobs.append { self.reportsPage() }
        let reports = reportPageJobs()
        heavyJobs += jobs.count..<(jobs.count + reports.count)
        jobs += reports
        jobs.append { self.glossaryPage() }
        jobs += freePageJobs()
        return jobs
    }

    /// The indices `0..<count` in an order that puts the `heavy` ones evenly apart, the first
    /// of them first, and keeps the others in their order.
    static func spreading(_ heavy: [Int], among count: Int) -> [Int] {
        guard !heavy.isEmpty else { return Array(0..<count) }
        let isHeavy = Set(heavy)
        let light = (0..<count).filter { !isHeavy.contains($0) }
        var order: [Int] = []
        order.reserveCapacity(count)
        for (number, index) in heavy.enumerated() {
            order.append(index)
            order += light[(light.count * number / heavy.count)..<(light.count * (number + 1) / heavy.count)]
        }
        return order
    }

    func addDiagnostic(_ diagnostic: Diagnostic) {
        diagnosticsLock.lock()
        diagnostics.append(diagnostic)
        diagnosticsLock.unlock()
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

    /// Renders a page in its layout and hands its bytes to `emit` piece by piece: the layout
    /// before the body, the body as its template renders it (in pieces of a megabyte, so a
    /// 40 MB action tracker is never whole in memory, nor copied into the layout), and the
    /// layout after it. A layout that does not show the body exactly once as `{{{body}}}`
    /// gets the whole body and is rendered whole, and so does an empty body.
    func renderPage(_ page: WebPage, library: any PageTemplates, emit: ([UInt8]) -> Void) {
        var context = page.context
        context["base"] = paths.base
        var layout = layoutContext(page)
        layout["body"] = RenderedHTML(bytes: Self.bodyMark)
        if let frame = library.renderUTF8(layout, withTemplate: "layout"), let cut = Self.onlyMark(in: frame) {
            // The layout's start goes out with the body's first piece: an empty body changes
            // what the layout shows, and then it is rendered again without one.
            var started = false
            _ = library.renderUTF8(context, withTemplate: page.template, piece: 1 << 20) { piece in
                guard !piece.isEmpty else { return }
                if !started { emit(Array(frame[..<cut])); started = true }
                emit(piece)
            }
            if started {
                emit(Array(frame[(cut + Self.bodyMark.count)...]))
                return
            }
            layout["body"] = RenderedHTML(bytes: [])
            emit(library.renderUTF8(layout, withTemplate: "layout") ?? [])
            return
        }
        let body = library.renderUTF8(context, withTemplate: page.template) ?? []
        layout["body"] = RenderedHTML(bytes: body)
        emit(library.renderUTF8(layout, withTemplate: "layout", capacity: body.count + 16_384) ?? [])
    }

    /// The layout's context for a page, without its body.
    func layoutContext(_ page: WebPage) -> TemplateContext {
        let name = site.partnership?.name ?? "Safeguarding Children Partnership"
        var crumbs: [TemplateContext] = page.path.isEmpty ? [] : [["title": "Home", "url": paths.url("")]]
        crumbs += page.breadcrumbs.map { ["title": $0.0, "url": paths.url($0.1)] as TemplateContext }
        let updated = page.source.flatMap { options.updated[$0.path] ?? $0.updated }
        return [
            "title": page.title,
            "pageTitle": page.path.isEmpty ? name : "\(page.title) – \(name)",
            "description": page.summary.isEmpty ? defaultDescription : page.summary,
            "partnership": name,
            "shortName": site.partnership?.shortName ?? "",
            "logo": site.partnership?.logo.map { paths.url($0) } ?? "",
            "hasLogo": site.partnership?.logo != nil,
            "base": paths.base,
            "home": paths.url(""),
            "css": paths.url("theme/qapress.css"),
            "script": paths.url("theme/qapress.js"),
            "exitURL": options.exitURL,
            "nav": Self.navigation.filter { $0.key != "briefings" || options.briefingEditions }.map { ["title": $0.title, "url": paths.url($0.path), "current": $0.key == page.section] as TemplateContext },
            "breadcrumbs": crumbs,
            "hasBreadcrumbs": !crumbs.isEmpty,
            "updated": updated.map { $0.long } ?? "",
            "hasUpdated": updated != nil,
            "buildDate": options.buildDate.long,
            "accessibility": paths.url("accessibility/"),
            "contact": paths.url("contact/"),
            "searchURL": paths.url("search/"),
            "glossaryURL": paths.url("glossary/"),
            "worried": markdown.html(site.partnership?.contact.worriedAboutAChild ?? ""),
            "restricted": options.audience != .public,
            "audienceBanner": Self.banner(for: options.audience),
        ]
    }

    /// Stands in for the body while the layout is rendered; content cannot hold NUL bytes, so
    /// nothing else in a layout can look like it. Its `<` and line break show whether the
    /// layout escaped the body or indented its lines (a partial does), and then the layout is
    /// rendered whole instead.
    static let bodyMark: [UInt8] = Array("\u{0}<qapress-page-body\n>\u{0}".utf8)

    /// Where `bodyMark` is in `frame`, when it is there exactly once.
    static func onlyMark(in frame: [UInt8]) -> Int? {
        var found: Int?
        let mark = bodyMark
        guard frame.count >= mark.count else { return nil }
        var index = 0
        while index <= frame.count - mark.count {
            if frame[index] == 0, frame[index..<(index + mark.count)].elementsEqual(mark) {
                if found != nil { return nil }
                found = index
                index += mark.count
            } else {
                index += 1
            }
        }
        return found
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
    /// `text` as HTML, its links noted for checking; `reused` as in `MarkdownCache.html`.
    func md(_ text: String, at location: SourceLocation?, reused: Bool = false) -> String {
        let html = markdown.html(text, reused: reused)
        if let location, Self.couldLinkWithin(text) { collectLinks(in: html, markdown: text, at: location) }
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
        Self.shortAgencyName(reference, agencies)
    }

    static func shortAgencyName(_ reference: Reference?, _ agencies: [String: Agency]) -> String {
        guard let reference else { return "Not set" }
        return agencies[reference.id].map { $0.shortName ?? $0.name } ?? reference.id
    }

    static func tag(_ cssClass: String, _ label: String) -> TemplateContext {
        ["class": cssClass, "label": label]
    }

    func tag(_ cssClass: String, _ label: String) -> TemplateContext { Self.tag(cssClass, label) }

    func date(_ day: Day?) -> String { day.map(\.long) ?? "" }
}

/// The page a thread is building, and for which website: one per thread, kept through a
/// `pthread` key (a dictionary per thread, as Foundation's `threadDictionary` is, costs a
/// lookup and a cast each time a text's links are noted).
final class ThreadPage {
    var website: ObjectIdentifier?
    var path = ""

    #if canImport(Glibc)
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { box in box.map { Unmanaged<ThreadPage>.fromOpaque($0).release() } }
        return key
    }()
    #else
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { box in Unmanaged<ThreadPage>.fromOpaque(box).release() }
        return key
    }()
    #endif

    /// This thread's, made the first time the thread asks; freed when the thread ends.
    static var current: ThreadPage {
        if let box = pthread_getspecific(key) { return Unmanaged<ThreadPage>.fromOpaque(box).takeUnretainedValue() }
        let made = ThreadPage()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }
}

