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

    public init(paths: SitePaths, buildDate: Day, audience: Audience = .public, suppressBelow: Double? = nil, exitURL: String = "https://www.bbc.co.uk/weather", updated: [String: Day] = [:]) {
        self.audience = audience
        self.suppressBelow = suppressBelow
        self.paths = paths
        self.buildDate = buildDate
        self.exitURL = exitURL
        self.updated = updated
    }
}
