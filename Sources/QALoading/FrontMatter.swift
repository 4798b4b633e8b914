import QADiagnostics

/// A Markdown document split into its YAML front matter and its body.
struct FrontMatter {
    var yaml: String
    /// Lines before the YAML (the opening `---`).
    var yamlLineOffset: Int
    var body: String
    /// The line of the file where the body starts.
    var bodyLine: Int

    /// Splits `---\n<yaml>\n---\n<body>`. The closing line may also be `...`.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        let start = SourceLocation(path: path, line: 1, column: 1)
        guard let first = lines.first else {
            return .failure(.error(start, "the file is empty; start it with front matter between two '---' lines", code: "empty-file"))
        }
        guard first.trimmingTrailingSpaces == "---" else {
            return .failure(.error(start, "the file does not start with front matter; make its first line '---', then the YAML keys, then another '---'", code: "no-front-matter"))
        }
        guard let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingTrailingSpaces) }) else {
            return .failure(.error(start, "the front matter opened on line 1 is never closed; add a line '---' after the last key", code: "unclosed-front-matter"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyLine: close + 2))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
