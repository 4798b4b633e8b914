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

    public init(projectRoot: String = ".", contentFolder: String? = nil, outputFolder: String = "output", audience: Audience = .public, buildDate: Day? = nil, baseURL: String? = nil) {
        self.audience = audience
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
                                        audience: options.audience,
                                        suppressBelow: options.audience == .public ? config.privacy.smallNumberThreshold : nil,
                                        updated: GitHistory.lastUpdated(contentFolder: content))
    // Filtered once, before rendering: nothing narrower than the build's audience can reach
    // any page, count, feed, index or calendar.
    let publicSite = checked.site.visible(to: options.audience)
    var (files, renderProblems) = Website(site: publicSite, options: websiteOptions).render(theme: theme)
    files += contentAssets(content)
    if let logo = publicSite.partnership?.logo, !files.contains(where: { $0.path == logo }) {
        renderProblems.append(.error(publicSite.partnership!.source.location, "the logo '\(logo)' does not exist; put the image in the content folder's assets/ folder and write 'logo: assets/<file>'", code: "missing-logo"))
    }
    diagnostics = (diagnostics + renderProblems).sorted()
    if diagnostics.hasErrors { return BuildResult(diagnostics: diagnostics, files: [], written: false) }

    do {
        try OutputWriter().write(files, to: join(options.outputFolder, siteFolder(for: options.audience)))
    } catch {
        diagnostics.append(.error(SourceLocation(path: options.outputFolder), "\(error)", code: "output"))
        return BuildResult(diagnostics: diagnostics, files: files, written: false)
    }
    return BuildResult(diagnostics: diagnostics, files: files, written: true)
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
