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

    /// Where the parts of a document lie in its bytes, or why it has no front matter.
    enum Layout {
        /// Byte offsets: the YAML is `yaml`, the body `body`, which starts on line `bodyLine`.
        case found(yaml: Range<Int>, body: Range<Int>, bodyLine: Int)
        case noFrontMatter
        case unclosed
    }

    /// Finds `---\n<yaml>\n---\n<body>` in a file's bytes. The closing line may also be
    /// `...`. One pass over the lines up to the closing line, found by memchr. A final line
    /// break of the file is not part of the body. Every byte outside the two ranges is ASCII
    /// (the marker lines and line feeds), so the file is valid UTF-8 when the two parts are.
    static func layout(of bytes: UnsafeBufferPointer<UInt8>) -> Layout {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return .noFrontMatter }
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
        let dash = UInt8(ascii: "-"), dot = UInt8(ascii: ".")
        let firstEnd = lineEnd(0)
        guard isMarker(0, firstEnd, dash) else { return .noFrontMatter }
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
                return .found(yaml: yamlStart..<yamlEnd, body: next < bodyEnd ? next..<bodyEnd : next..<next, bodyLine: line + 1)
            }
            lineStart = next
            line += 1
        }
        return .unclosed
    }

    /// Splits a document's text into its front matter and body (see `layout(of:)`); the
    /// YAML is cut out of the text in place and the body copied whole.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        var start: SourceLocation { SourceLocation(path: path, line: 1, column: 1) } // made only for a problem
        guard !text.isEmpty else {
            return .failure(.error(start, "the file is empty; start it with front matter between two '---' lines", code: "empty-file"))
        }
        var copy = text
        return copy.withUTF8 { bytes -> Result<FrontMatter, Diagnostic> in
            switch layout(of: bytes) {
            case let .found(yaml, body, bodyLine):
                let utf8 = text.utf8
                let yamlText = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: yaml.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: yaml.upperBound)])
                let bodyText = body.isEmpty ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[body]), as: UTF8.self)
                return .success(FrontMatter(yaml: yamlText, yamlLineOffset: 1, body: bodyText, bodyLine: bodyLine))
            case .noFrontMatter:
                return .failure(.error(start, noFrontMatterMessage, code: "no-front-matter"))
            case .unclosed:
                return .failure(.error(start, unclosedMessage, code: "unclosed-front-matter"))
            }
        }
    }

    static let noFrontMatterMessage = "the file does not start with front matter; make its first line '---', then the YAML keys, then another '---'"
    static let unclosedMessage = "the front matter opened on line 1 is never closed; add a line '---' after the last key"
}
