import QADiagnostics

/// A Markdown document split into its YAML front matter and its body.
struct FrontMatter {
    var yaml: String
    /// Lines before the YAML (the opening `---`).
    var yamlLineOffset: Int
    var body: String
    /// The line of the file where the body starts.
    var bodyLine: Int

    /// Splits `---\n<yaml>\n---\n<body>`. The closing line may also be `...`. One pass over
    /// the bytes up to the closing line; the YAML and the body are then cut out whole. A
    /// final line break of the file is not part of the body.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        let start = SourceLocation(path: path, line: 1, column: 1)
        let bytes = text.utf8
        guard !bytes.isEmpty else {
            return .failure(.error(start, "the file is empty; start it with front matter between two '---' lines", code: "empty-file"))
        }
        /// Whether the line from `from` to `to` (exclusive) is `marker` followed only by spaces or tabs.
        func isMarker(_ from: String.Index, _ to: String.Index, _ markers: [UInt8]...) -> Bool {
            var end = to
            while end > from, let last = Optional(bytes[bytes.index(before: end)]), last == 0x20 || last == 0x09 { end = bytes.index(before: end) }
            return markers.contains { bytes[from..<end].elementsEqual($0) }
        }
        let dashes: [UInt8] = Array("---".utf8), dots: [UInt8] = Array("...".utf8)
        var lineStart = bytes.startIndex
        var line = 1
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex || line == 1 {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
            if line == 1 {
                guard isMarker(lineStart, lineEnd, dashes) else {
                    return .failure(.error(start, "the file does not start with front matter; make its first line '---', then the YAML keys, then another '---'", code: "no-front-matter"))
                }
                yamlStart = next
            } else if isMarker(lineStart, lineEnd, dashes, dots) {
                let yamlEnd = max(yamlStart!, lineStart == bytes.startIndex ? lineStart : bytes.index(before: lineStart))
                var bodyEnd = bytes.endIndex
                if next < bodyEnd, bytes[bytes.index(before: bodyEnd)] == 0x0A { bodyEnd = bytes.index(before: bodyEnd) }
                let yaml = String(Substring(bytes[yamlStart!..<yamlEnd]))
                let body = next < bodyEnd ? String(Substring(bytes[next..<bodyEnd])) : ""
                return .success(FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyLine: line + 1))
            }
            if next == bytes.endIndex { break }
            lineStart = next
            line += 1
        }
        return .failure(.error(start, "the front matter opened on line 1 is never closed; add a line '---' after the last key", code: "unclosed-front-matter"))
    }
}
