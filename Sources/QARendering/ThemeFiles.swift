import QADiagnostics

/// A theme as files: templates by name and assets by path, each with the file it came from.
/// A partnership's theme is laid over the default, one file at a time.
public struct ThemeFiles: Sendable {
    public struct File: Sendable {
        public var source: String
        public var bytes: [UInt8]

        public init(source: String, bytes: [UInt8]) {
            self.source = source
            self.bytes = bytes
        }
    }

    public var templates: [String: File]
    public var assets: [String: File]

    public init(templates: [String: File] = [:], assets: [String: File] = [:]) {
        self.templates = templates
        self.assets = assets
    }

    /// These files laid over `base`: any template or asset here replaces the one of that name.
    public func over(_ base: ThemeFiles) -> ThemeFiles {
        ThemeFiles(templates: base.templates.merging(templates) { $1 }, assets: base.assets.merging(assets) { $1 })
    }

    static let requiredTemplates = [
        "layout", "home", "index", "priority", "content-area", "programme", "audit", "actions", "scorecard",
        "review", "scrutiny", "briefing", "briefing-form", "briefing-print", "reports", "annual-report", "annual-report-print", "glossary", "page", "search", "not-found",
    ]

    /// Parses the templates, reporting syntax errors (at their line and column) and missing
    /// templates as diagnostics.
    func library() -> (TemplateLibrary, [Diagnostic]) {
        var parsed: [String: ThemeTemplate] = [:]
        var problems: [Diagnostic] = []
        for name in templates.keys.sorted() {
            let file = templates[name]!
            do {
                parsed[name] = try ThemeTemplate(parsing: String(decoding: file.bytes, as: UTF8.self))
            } catch {
                problems.append(.error(SourceLocation(path: file.source, line: error.line, column: error.column),
                                       "the template cannot be read: \(error.message)", code: "template-syntax"))
            }
        }
        for name in Self.requiredTemplates where templates[name] == nil {
            problems.append(.error(SourceLocation(path: "themes/default/templates/\(name).mustache"), "the theme has no '\(name)' template; restore it from the default theme", code: "missing-template"))
        }
        return (TemplateLibrary(templates: parsed), problems)
    }
}
