import Foundation
import QADiagnostics
import QALoading
import QAModel
import QAValidation

/// What `qapress check` needs to know.
public struct CheckOptions: Sendable {
    /// The project folder, holding qapress.yml and the content folder.
    public var projectRoot: String
    /// The content folder; defaults to the config's, relative to the project root.
    public var contentFolder: String?
    public var asOf: Day
    public var today: Day?
    public var fileSystem: any ContentFileSystem
    /// Documents decoded by an earlier check, reused while their files are unchanged.
    public var documentCache: DocumentCache?

    public init(projectRoot: String = ".", contentFolder: String? = nil, asOf: Day, today: Day? = nil, fileSystem: any ContentFileSystem = DiskFileSystem()) {
        self.today = today
        self.projectRoot = projectRoot
        self.contentFolder = contentFolder
        self.asOf = asOf
        self.fileSystem = fileSystem
    }
}

public struct CheckResult: Sendable {
    public var site: Site
    public var diagnostics: [Diagnostic]
    /// load, model and validate.
    public var timings = StageTimings()
}

/// The check pipeline: load → model → validate. Nothing is written.
public func check(_ options: CheckOptions) -> CheckResult {
    check(options, beside: nil)
}

/// The check pipeline, with `beside` run on another thread on the loaded site while it is
/// validated (when loading found no errors); it has finished when this returns. A build
/// prepares its website there, so that the second core is busy when validation's is not.
/// With `sorted` false the diagnostics are left in the order they were found, for a caller
/// that sorts them later.
func check(_ options: CheckOptions, beside: (@Sendable (Site) -> Void)?, sorted: Bool = true) -> CheckResult {
    let configPath = join(options.projectRoot, "qapress.yml")
    let (config, configProblems) = ProjectConfig.load(configPath, fileSystem: options.fileSystem)
    let content = options.contentFolder ?? join(options.projectRoot, config.contentFolder)
    guard options.fileSystem.exists(content) || !options.fileSystem.files(under: content).paths.isEmpty else {
        let missing = Diagnostic.error(SourceLocation(path: content, line: 1, column: 1), "there is no content folder here; run qapress in a partnership's repository, or name the folder: qapress check path/to/content", code: "no-content")
        return CheckResult(site: Site(), diagnostics: configProblems + [missing])
    }
    // Only one core is busy while the content folder is listed: ICU readies its regular
    // expressions for the privacy scan on the other meanwhile.
    let regularExpressions = Background { PersonalDataScanner.prepareRegularExpressions() }
    var timings = StageTimings()
    let loaded = ContentLoader(root: content, fileSystem: options.fileSystem, defaultAudience: config.defaultAudience, cache: options.documentCache).load(timings: &timings)
    let unreadable = Set(loaded.unreadable.map { UnreadableDocument(kind: $0.kind, id: $0.id) })
    let site = loaded.site
    let besideWork = beside.flatMap { work in loaded.diagnostics.hasErrors ? nil : Background { work(site) } }
    regularExpressions.wait()
    let problems = Validator().validate(loaded.site, asOf: options.asOf, today: options.today, unreadable: unreadable,
                                        privacy: config.privacy, briefings: config.briefings, sources: loaded.sources)
    besideWork?.wait()
    let found = configProblems + loaded.diagnostics + problems
    let diagnostics = sorted ? found.sortedByPlace() : found
    timings.mark("validate")
    return CheckResult(site: loaded.site, diagnostics: diagnostics, timings: timings)
}

func join(_ folder: String, _ name: String) -> String {
    folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
}

/// Today as a `Day`, from `SOURCE_DATE_EPOCH` when it is set so that builds can be reproduced.
public func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
    let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) ?? Date().timeIntervalSince1970
    let days = Int((seconds / 86_400).rounded(.down))
    return Day(year: 1970, month: 1, day: 1)!.adding(days: days)
}
