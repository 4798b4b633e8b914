import QADiagnostics
import QAModel

/// Settings from `qapress.yml` beside the content folder. Every key is optional.
public struct ProjectConfig: Sendable {
    public var contentFolder = "content"
    public var theme = "default"
    public var baseURL = "/"
    public var buildDate: Day?
    public var defaultAudience: Audience = .public
    public var privacy = PrivacySettings()
    public var briefings = BriefingSettings()

    public init() {}

    static let schema = ObjectSchema("config", "Project settings: qapress.yml.", [
        opt("content", .path, "The content folder; defaults to content."),
        opt("theme", .text, "The theme folder name under themes/; defaults to default."),
        opt("base_url", .url, "Where the site is published, for example https://example.org/scp/; defaults to /."),
        opt("build_date", .date, "The date builds are made as of; defaults to SOURCE_DATE_EPOCH or today."),
        opt("default_audience", choice(Audience.self), "The audience of documents that do not set one; defaults to public."),
        opt("privacy", .object(ObjectSchema("privacy", "Publication checks for personal data in public content.", [
            opt("checks", .list(choice(PrivacySettings.Check.self)), "Which checks run; all by default."),
            opt("severity", .choice(["error", "warning"]), "How a finding in public content is reported; error by default."),
            opt("allow", .list(.text), "Phone numbers, email addresses, '@domain's and postcodes that may be published."),
            opt("watch_list", .list(.text), "Names and terms that must never appear in public content."),
            opt("small_numbers", .number, "Counts below this are shown as 'fewer than N' in public outputs; 5 by default, 0 for none."),
        ])), "Publication checks for personal data."),
        opt("briefings", .object(ObjectSchema("briefings", "How 7-minute briefings read.", [
            opt("labels", .list(.text), "The seven section labels, in order."),
            opt("topic_labels", .list(.text), "The seven section labels of a topic briefing."),
            opt("words_total", .integer(min: 100, max: 10_000), "Reading budget for a whole briefing; 900 words (about seven minutes) by default."),
            opt("words_per_section", .integer(min: 20, max: 5_000), "Reading budget for one section; 200 words by default."),
        ])), "7-minute briefings."),
    ])

    /// Reads `path` if it exists. Problems are diagnostics; a missing file gives the defaults.
    public static func load(_ path: String, fileSystem: any ContentFileSystem = DiskFileSystem()) -> (ProjectConfig, [Diagnostic]) {
        var config = ProjectConfig()
        guard fileSystem.exists(path), let bytes = try? fileSystem.read(path) else { return (config, []) }
        let text: String
        switch SourceText.decode(bytes, path: path) {
        case let .success(t): text = t
        case let .failure(d): return (config, [d])
        }
        guard !text.allSatisfy(\.isWhitespace) else { return (config, []) }
        let tree: YAMLTree?
        switch YAMLReader.compose(text, path: path, lineOffset: 0) {
        case let .success(t): tree = t
        case let .failure(d): return (config, [d])
        }
        guard let tree else { return (config, []) }
        var decoder = SchemaDecoder(path: path, lineOffset: 0)
        let o = decoder.decodeDocument(tree, schema: schema)
        config.contentFolder = o.text("content", default: config.contentFolder)
        config.theme = o.text("theme", default: config.theme)
        config.baseURL = o.text("base_url", default: config.baseURL)
        config.buildDate = o.day("build_date")
        config.defaultAudience = o.choice("default_audience", default: .public)
        if let b = o.object("briefings") {
            for (key, path) in [("labels", \BriefingSettings.labels), ("topic_labels", \BriefingSettings.topicLabels)] where b.has(key) {
                let labels = b.strings(key)
                if labels.count == 7 {
                    config.briefings[keyPath: path] = labels
                } else {
                    decoder.diagnostics.append(.error(b.location(of: key), "'\(key)' has \(labels.count) labels; give exactly seven, one for each section in order", code: "briefing-labels"))
                }
            }
            config.briefings.wordsTotal = b.integer("words_total") ?? config.briefings.wordsTotal
            config.briefings.wordsPerSection = b.integer("words_per_section") ?? config.briefings.wordsPerSection
        }
        if let p = o.object("privacy") {
            if p.has("checks") { config.privacy.checks = Set(p.strings("checks").compactMap(PrivacySettings.Check.init(rawValue:))) }
            config.privacy.asErrors = p.string("severity") != "warning"
            config.privacy.allow = p.strings("allow")
            config.privacy.watchList = p.strings("watch_list")
            if let n = p.number("small_numbers") { config.privacy.smallNumberThreshold = n }
        }
        return (config, decoder.diagnostics)
    }
}
