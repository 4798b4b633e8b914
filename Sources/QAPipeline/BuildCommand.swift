import Foundation
import QADiagnostics
import QALoading
import QAModel
import QAOutput
import QARendering

public struct BuildOptions: Sendable {
    public var projectRoot: String
    public var contentFolder: String?
    /// The output folder; the site goes into its `site/` folder.
    public var outputFolder: String
    /// Overrides the build date from qapress.yml and SOURCE_DATE_EPOCH.
    public var buildDate: Day?
    /// Overrides the base URL from qapress.yml.
    public var baseURL: String?

    public init(projectRoot: String = ".", contentFolder: String? = nil, outputFolder: String = "output", buildDate: Day? = nil, baseURL: String? = nil) {
        self.projectRoot = projectRoot
        self.contentFolder = contentFolder
        self.outputFolder = outputFolder
        self.buildDate = buildDate
        self.baseURL = baseURL
    }
}

public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic]
    /// The files written, or empty when the build stopped on errors.
    public var files: [RenderedFile]
    public var written: Bool
}

/// The build pipeline: load → validate → render → write. Stops before writing on any error,
/// so a failed build leaves the previous output untouched.
public func build(_ options: BuildOptions) -> BuildResult {
    let (config, configProblems) = ProjectConfig.load(join(options.projectRoot, "qapress.yml"))
    let buildDate = options.buildDate ?? config.buildDate ?? today()
    let content = options.contentFolder ?? join(options.projectRoot, config.contentFolder)
    let checked = check(CheckOptions(projectRoot: options.projectRoot, contentFolder: content, asOf: buildDate))
    var diagnostics = (configProblems + checked.diagnostics).sorted()
    if diagnostics.hasErrors { return BuildResult(diagnostics: diagnostics, files: [], written: false) }

    let (theme, themeProblems) = ThemeLoader.load(projectRoot: options.projectRoot, name: config.theme)
    diagnostics += themeProblems
    if diagnostics.hasErrors { return BuildResult(diagnostics: diagnostics, files: [], written: false) }

    let websiteOptions = WebsiteOptions(paths: SitePaths(baseURL: options.baseURL ?? config.baseURL), buildDate: buildDate,
                                        updated: GitHistory.lastUpdated(contentFolder: content))
    // Only the public build exists so far: restricted documents and items never reach it.
    let publicSite = checked.site.visible(to: .public)
    var (files, renderProblems) = Website(site: publicSite, options: websiteOptions).render(theme: theme)
    files += contentAssets(content)
    if let logo = publicSite.partnership?.logo, !files.contains(where: { $0.path == logo }) {
        renderProblems.append(.error(publicSite.partnership!.source.location, "the logo '\(logo)' does not exist; put the image in the content folder's assets/ folder and write 'logo: assets/<file>'", code: "missing-logo"))
    }
    diagnostics = (diagnostics + renderProblems).sorted()
    if diagnostics.hasErrors { return BuildResult(diagnostics: diagnostics, files: [], written: false) }

    do {
        try OutputWriter().write(files.map { RenderedFile(path: "site/" + $0.path, bytes: $0.bytes) }, to: options.outputFolder)
    } catch {
        diagnostics.append(.error(SourceLocation(path: options.outputFolder), "\(error)", code: "output"))
        return BuildResult(diagnostics: diagnostics, files: files, written: false)
    }
    return BuildResult(diagnostics: diagnostics, files: files, written: true)
}

/// Files under content/assets/ are published as they are, under /assets/.
func contentAssets(_ content: String) -> [RenderedFile] {
    let root = content + "/assets"
    let fs = DiskFileSystem()
    return fs.files(under: root).paths.compactMap { path in
        (try? fs.read(root + "/" + path)).map { RenderedFile(path: "assets/" + path, bytes: $0) }
    }
}
