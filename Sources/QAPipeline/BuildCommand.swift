import Foundation
import QADiagnostics
import QALoading
import QAModel
import QAOutput
import QARendering

public struct BuildOptions: Sendable {
    public var projectRoot: String
    public var contentFolder: String?
    /// The output folder. The public site goes into its `site/` folder; a partners or
    /// internal build into `site-partners/` or `site-internal/`, so builds never mix.
    public var outputFolder: String
    /// Who the build is for. Anything with a narrower audience is left out entirely.
    public var audience: Audience
    /// Overrides the build date from qapress.yml and SOURCE_DATE_EPOCH.
    public var buildDate: Day?
    /// Overrides the base URL from qapress.yml.
    public var baseURL: String?
    /// Whether PDFs are made: `.auto` makes them when the engine is installed and says so
    /// when it is not; `.required` makes a missing engine an error; `.off` skips them.
    public var pdf: PDFMode

    public enum PDFMode: String, Sendable, CaseIterable { case auto, required, off }
    /// False to render in memory only (the preview server); the result then holds the files.
    public var write: Bool
    /// What to publish besides the website, which is always built: the annual reports
    /// and the 7-minute briefings (`qapress build --only website` leaves both out).
    public var parts: Set<BuildPart> = Set(BuildPart.allCases)
    /// What an earlier build decoded and rendered, reused for the files and texts that did
    /// not change (the preview server); nil for a build from scratch.
    public var cache: BuildCache?

    public init(projectRoot: String = ".", contentFolder: String? = nil, outputFolder: String = "output", audience: Audience = .public,
                buildDate: Day? = nil, baseURL: String? = nil, pdf: PDFMode = .auto, write: Bool = true) {
        self.pdf = pdf
        self.write = write
        self.audience = audience
        self.projectRoot = projectRoot
        self.contentFolder = contentFolder
        self.outputFolder = outputFolder
        self.buildDate = buildDate
        self.baseURL = baseURL
    }
}

/// The publications a build can make. The report and the briefings are published inside
/// the website, so the website is always built.
public enum BuildPart: String, Sendable, CaseIterable {
    case website, report, briefings
}

public struct BuildResult: Sendable {
    /// How long each stage took: load, model, validate, history, render, write (and pdf).
    public var timings = StageTimings()
    public var diagnostics: [Diagnostic]
    /// The files of an in-memory build (`write` false), sorted by path; empty when the build
    /// stopped on errors or wrote its files to disk.
    public var files: [RenderedFile]
    /// How many files the build made.
    public var fileCount = 0
    public var written: Bool
    /// What the build read and made (the content and the website), kept with the result so
    /// that its caller chooses when they are taken apart: the command line exits first.
    var contents: (any Sendable)?
}

/// The build pipeline: load → validate → render → write. Stops before writing on any error,
/// so a failed build leaves the previous output untouched.
public func build(_ options: BuildOptions) -> BuildResult {
    // check reads qapress.yml again and reports its problems.
    let (config, _) = ProjectConfig.load(join(options.projectRoot, "qapress.yml"))
    let buildDate = options.buildDate ?? config.buildDate ?? today()
    let content = options.contentFolder ?? join(options.projectRoot, config.contentFolder)
    var checkOptions = CheckOptions(projectRoot: options.projectRoot, contentFolder: content, asOf: buildDate)
    checkOptions.documentCache = options.cache?.documents
    // git reads the history for "last updated" while the content is loaded, and the website
    // is prepared from the loaded content while it is validated. A build with errors throws
    // the preparation away; nothing has been written by then.
    let history = Background { GitHistory.lastUpdated(contentFolder: content) }
    let preparation = Carrier<PreparedWebsite>()
    let checked = check(checkOptions, beside: { site in
        preparation.value = PreparedWebsite(site: site, options: options, config: config, buildDate: buildDate,
                                            content: content, updated: history.value)
    }, sorted: false)
    var timings = checked.timings
    let found = checked.diagnostics
    guard !found.hasErrors, let prepared = preparation.value else {
        return BuildResult(timings: timings, diagnostics: found.sortedByPlace(), files: [], written: false)
    }
    // The checks' diagnostics (thousands of warnings in a large partnership) are sorted while
    // the site is rendered; `diagnostics` holds the problems found after them, in order.
    let checks = Background { found.sortedByPlace() }
    var diagnostics: [Diagnostic] = []
    timings.mark("prepare")
    diagnostics += prepared.themeProblems
    if diagnostics.hasErrors { return BuildResult(timings: timings, diagnostics: checks.value + diagnostics, files: [], written: false) }
    diagnostics += prepared.engineProblems
    if diagnostics.hasErrors { return BuildResult(timings: timings, diagnostics: checks.value + diagnostics, files: [], written: false) }
    if prepared.templateProblems.hasErrors {
        return BuildResult(timings: timings, diagnostics: (checks.value + diagnostics + prepared.templateProblems).sortedByPlace(), files: [], written: false)
    }
    let (theme, publicSite, website, engine) = (prepared.theme, prepared.publicSite, prepared.website, prepared.engine)
    let contents: any Sendable = (checked, prepared)

    // Written as they are rendered, into a temporary folder that replaces the output only
    // when the build has no errors: a large site is never held in memory whole, and a build
    // that fails leaves the previous output as it was.
    let session: OutputSession?
    if options.write {
        do {
            session = try OutputWriter().begin(join(options.outputFolder, siteFolder(for: options.audience)))
        } catch {
            diagnostics.append(.error(SourceLocation(path: options.outputFolder), "\(error)", code: "output"))
            return BuildResult(timings: timings, diagnostics: checks.value + diagnostics, files: [], written: false, contents: contents)
        }
    } else {
        session = nil
    }
    let sink = session.map { session in RenderedFiles(writer: { session.add(path: $0, $1) }) } ?? RenderedFiles()
    var renderProblems = website.render(theme: theme, into: sink)
    for asset in contentAssets(content) { sink.add(asset) }
    if let logo = publicSite.partnership?.logo, !sink.paths.contains(logo) {
        renderProblems.append(.error(publicSite.partnership!.source.location, "the logo '\(logo)' does not exist; put the image in the content folder's assets/ folder and write 'logo: assets/<file>'", code: "missing-logo"))
    }
    if let problem = sink.writeProblem {
        renderProblems.append(.error(SourceLocation(path: options.outputFolder), problem, code: "output"))
    }
    diagnostics = checks.value.merging((diagnostics + renderProblems).sortedByPlace())
    timings.mark("render")
    let count = sink.count
    guard let session else {
        let files = diagnostics.hasErrors ? [] : sink.files
        return BuildResult(timings: timings, diagnostics: diagnostics, files: files, fileCount: files.count, written: false, contents: contents)
    }
    if diagnostics.hasErrors {
        session.abandon()
        return BuildResult(timings: timings, diagnostics: diagnostics, files: [], written: false, contents: contents)
    }
    var printProblems: [Diagnostic] = []
    do {
        try session.finish { folder in
            timings.mark("write")
            printProblems = try renderPDFs(website.printJobs, in: folder, engine: engine)
            if printProblems.hasErrors { throw BuildStopped() }
            printProblems += try renderDocuments(website.documentJobs, in: folder)
            if !website.printJobs.isEmpty || !website.documentJobs.isEmpty { timings.mark("print") }
        }
    } catch is BuildStopped {
        session.abandon()
        return BuildResult(timings: timings, diagnostics: (diagnostics + printProblems).sortedByPlace(), files: [], written: false, contents: contents)
    } catch {
        session.abandon()
        diagnostics.append(.error(SourceLocation(path: options.outputFolder), "\(error)", code: "output"))
        return BuildResult(timings: timings, diagnostics: diagnostics, files: [], written: false, contents: contents)
    }
    timings.mark(website.printJobs.isEmpty && website.documentJobs.isEmpty ? "write" : "print")
    return BuildResult(timings: timings, diagnostics: (diagnostics + printProblems).sortedByPlace(), files: [], fileCount: count, written: true, contents: contents)
}

struct BuildStopped: Error {}

/// What a build makes ready from the loaded content before it renders: the theme, the site
/// as its audience may see it (with the actions' histories from git), and the website with
/// its templates read. Made beside validation, so it must not depend on validation's results.
struct PreparedWebsite: @unchecked Sendable {
    var theme: ThemeFiles
    var publicSite: Site
    var website: Website
    var engine: PDFEngine
    /// The theme's problems; with errors among them nothing else is reported.
    var themeProblems: [Diagnostic]
    /// A missing PDF engine, when the build asks for PDFs.
    var engineProblems: [Diagnostic] = []
    /// The templates' errors (the website's own diagnostics keep them too).
    var templateProblems: [Diagnostic] = []

    init(site: Site, options: BuildOptions, config: ProjectConfig, buildDate: Day, content: String, updated: [String: Day]) {
        let (theme, themeProblems) = ThemeLoader.load(projectRoot: options.projectRoot, name: config.theme)
        self.theme = theme
        self.themeProblems = themeProblems
        var websiteOptions = WebsiteOptions(paths: SitePaths(baseURL: options.baseURL ?? config.baseURL), buildDate: buildDate,
                                            audience: options.audience,
                                            suppressBelow: options.audience == .public ? config.privacy.smallNumberThreshold : nil,
                                            updated: updated)
        // Filtered once, before rendering: nothing narrower than the build's audience can
        // reach any page, count, feed, index or calendar.
        publicSite = GitHistory.derivingActionHistories(site, contentFolder: content).visible(to: options.audience)
        engine = PDFEngine()
        let makePDFs = options.pdf != .off && engine.isAvailable()
        if options.pdf != .off, !makePDFs {
            let missing = PDFEngine.Failure.missing("python3 cannot import weasyprint").description + "; the HTML is written without them"
            engineProblems.append(Diagnostic(options.pdf == .required ? .error : .warning, SourceLocation(path: content), missing, code: "no-pdf-engine"))
        }
        websiteOptions.makePDFs = makePDFs
        websiteOptions.briefings = config.briefings
        websiteOptions.projectRoot = options.projectRoot
        websiteOptions.briefingEditions = options.parts.contains(.briefings)
        websiteOptions.reportEditions = options.parts.contains(.report)
        websiteOptions.markdownCache = options.cache?.markdown
        website = Website(site: publicSite, options: websiteOptions)
        // The theme's own errors stop the build before its templates are read.
        if !themeProblems.hasErrors { templateProblems = website.prepare(theme: theme) }
        if !themeProblems.hasErrors, !templateProblems.hasErrors { website.preparePages() }
    }
}

/// A value worked out on another thread, waited for when it is needed.
final class Background<Value>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    /// Waits for the work to finish.
    func wait() { _ = value }

    /// The value, once the work has finished.
    lazy var value: Value = {
        done.wait()
        return result!
    }()
}

/// What one build keeps for the next, so a rebuild after an edit decodes only the files that
/// changed and renders only the Markdown that changed.
public final class BuildCache: Sendable {
    public let documents = DocumentCache()
    public let markdown = MarkdownCache(keepsLongTexts: true)

    public init() {}
}

/// Runs the PDF engine over the print editions in the finished temporary folder, removes
/// the print HTML, and reports documents over their page limit at the content they came from.
func renderPDFs(_ jobs: [PrintJob], in folder: String, engine: PDFEngine) throws -> [Diagnostic] {
    guard !jobs.isEmpty else { return [] }
    let results = try engine.render(jobs.map { PDFEngine.Job(html: folder + "/" + $0.html, pdf: folder + "/" + $0.pdf, maxPages: $0.maxPages) })
    var problems: [Diagnostic] = []
    for (job, result) in zip(jobs, results) {
        try? FileManager.default.removeItem(atPath: folder + "/" + job.html)
        guard let overflowing = result.overflowingSection else { continue }
        let section = job.sections[overflowing].map { "shorten \($0), where it runs over" } ?? "shorten the longest sections"
        problems.append(.error(job.location, "this briefing needs \(result.pages) A4 pages in print but must fit on \(job.maxPages); \(section)", code: "briefing-overflow"))
    }
    return problems
}

/// Makes the editable Word drafts with pandoc and removes their HTML source. Without pandoc
/// the drafts are left out and the build says so.
func renderDocuments(_ jobs: [PrintJob], in folder: String) throws -> [Diagnostic] {
    guard !jobs.isEmpty else { return [] }
    let word = WordConverter()
    defer { for job in jobs { try? FileManager.default.removeItem(atPath: folder + "/" + job.html) } }
    guard word.isAvailable() else {
        return [.warning(jobs[0].location, "pandoc is not installed, so the editable Word draft of the annual report was not made; install it with 'apt-get install pandoc'", code: "no-pandoc")]
    }
    for job in jobs { try word.convert(html: folder + "/" + job.html, to: folder + "/" + job.pdf) }
    return []
}

/// The folder inside the output folder that a build for `audience` is written to.
public func siteFolder(for audience: Audience) -> String {
    audience == .public ? "site" : "site-\(audience.rawValue)"
}

/// Files under content/assets/ are published as they are, under /assets/.
func contentAssets(_ content: String) -> [RenderedFile] {
    let root = content + "/assets"
    let fs = DiskFileSystem()
    return fs.files(under: root).paths.compactMap { path in
        (try? fs.read(root + "/" + path)).map { RenderedFile(path: "assets/" + path, bytes: $0) }
    }
}
