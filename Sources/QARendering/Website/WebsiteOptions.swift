import QAModel

public struct WebsiteOptions: Sendable {
    public var paths: SitePaths
    /// Overdue actions and "latest" values are judged as of this day.
    public var buildDate: Day
    /// Who the build is for; partners and internal builds are marked noindex and carry a banner.
    public var audience: Audience
    /// Counts below this are shown as "fewer than N" and left out of charts; nil for none.
    public var suppressBelow: Double?
    /// Whether the PDF engine is at hand: print editions are rendered and linked only then.
    public var makePDFs = false
    /// The folder source paths are relative to, so that "Source:" notes read
    /// "content/indicators/x.md" wherever the project is built.
    public var projectRoot = "."
    /// Labels and reading budget of 7-minute briefings.
    public var briefings = BriefingSettings()
    /// Where the quick-exit link goes: a harmless page.
    public var exitURL: String
    /// Last-updated dates by source path, from git when the content is in a repository.
    public var updated: [String: Day]
    /// Rendered Markdown kept from the previous build (the preview server), so unchanged
    /// texts are not rendered again; nil for a fresh cache that is emptied after the build.
    public var markdownCache: MarkdownCache?
    /// False to leave the 7-minute briefings out (pages, forms, text, print, feed) and every
    /// link to them, for a build of the website alone.
    public var briefingEditions = true
    /// False to leave the annual reports out (pages, print, Word) and every link to them.
    public var reportEditions = true

    public init(paths: SitePaths, buildDate: Day, audience: Audience = .public, suppressBelow: Double? = nil, exitURL: String = "https://www.bbc.co.uk/weather", updated: [String: Day] = [:]) {
        self.audience = audience
        self.suppressBelow = suppressBelow
        self.paths = paths
        self.buildDate = buildDate
        self.exitURL = exitURL
        self.updated = updated
    }
}
