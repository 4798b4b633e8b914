import QADiagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Markdown document split into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML, in place in the file's text (the fast reader reads it there; only libyaml
    /// needs a copy).
    var yaml: Substring
    /// Lines before the YAML (the opening `---`).
    var yamlLineOffset: Int
    var body: String
    /// The line of the file where the body starts.
    var bodyLine: Int

    /// Splits `---\n<yaml>\n---\n<body>`. The closing line may also be `...`. One pass over
    /// the lines up to the closing line, found by memchr; the YAML and the body are then cut
    /// out whole. A final line break of the file is not part of the body.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        var start: SourceLocation { SourceLocation(path: path, line: 1, column: 1) } // made only for a problem
        guard !text.isEmpty else {
            return .failure(.error(start, "the file is empty; start it with front matter between two '---' lines", code: "empty-file"))
        }
        var copy = text
        return copy.withUTF8 { bytes -> Result<FrontMatter, Diagnostic> in
            let count = bytes.count
            let base = bytes.baseAddress!
            /// Where the line that starts at `from` ends: its line feed, or the end.
            func lineEnd(_ from: Int) -> Int {
                guard from < count, let hit = memchr(base + from, 0x0A, count - from) else { return count }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            /// Whether the line from `from` to `to` (exclusive) is three of `mark` followed
            /// only by spaces or tabs.
            func isMarker(_ from: Int, _ to: Int, _ marks: UInt8...) -> Bool {
                var end = to
                while end > from, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                guard end - from == 3 else { return false }
                return marks.contains { mark in bytes[from] == mark && bytes[from + 1] == mark && bytes[from + 2] == mark }
            }
            func string(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            }
            /// The text of bytes `from..<to`, which start and end at line breaks.
            func substring(_ from: Int, _ to: Int) -> Substring {
                let utf8 = text.utf8
                return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])
            }
            let dash = UInt8(ascii: "-"), dot = UInt8(ascii: ".")
            let firstEnd = lineEnd(0)
            guard isMarker(0, firstEnd, dash) else {
                return .failure(.error(start, "the file does not start with front matter; make its first line '---', then the YAML keys, then another '---'", code: "no-front-matter"))
            }
            let yamlStart = min(firstEnd + 1, count)
            var lineStart = yamlStart
            var line = 2
            while lineStart < count {
                let end = lineEnd(lineStart)
                let next = min(end + 1, count)
                if isMarker(lineStart, end, dash, dot) {
                    let yamlEnd = max(yamlStart, lineStart - 1)
                    var bodyEnd = count
                    if next < bodyEnd, bytes[bodyEnd - 1] == 0x0A { bodyEnd -= 1 }
                    return .success(FrontMatter(yaml: substring(yamlStart, yamlEnd), yamlLineOffset: 1,
                                                body: next < bodyEnd ? string(next, bodyEnd) : "", bodyLine: line + 1))
                }
                lineStart = next
                line += 1
            }
            return .failure(.error(start, "the front matter opened on line 1 is never closed; add a line '---' after the last key", code: "unclosed-front-matter"))
        }
    }
}
