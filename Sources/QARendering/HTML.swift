import QAMarkdown

/// Small helpers for text that goes into HTML outside templates (SVG, feeds).
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Markdown as HTML, through the one cmark-gfm wrapper.
    static let markdown = MarkdownRenderer()

    static func md(_ text: String) -> String { text.isEmpty ? "" : markdown.html(text) }

    /// Text with tags removed, the five entities cmark-gfm writes decoded and whitespace
    /// collapsed, for search and descriptions; at most `limit` characters when given (a
    /// word may be cut). One pass over the Unicode scalars.
    static func plain(_ html: String, limit: Int? = nil) -> String {
        var out = String.UnicodeScalarView()
        var inTag = false, pendingSpace = false
        var produced = 0
        let scalars = html.unicodeScalars
        var index = scalars.startIndex
        // Scalars, not characters, are counted while scanning; enough are kept for `limit`
        // characters and the result is cut exactly at the end.
        let scalarBudget = limit.map { $0 * 2 + 16 }
        while index != scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if inTag {
                if scalar == ">" { inTag = false }
                continue
            }
            if scalar == "<" { inTag = true; pendingSpace = true; continue }
            if scalar.value < 0x80 ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            var decoded = scalar
            if scalar == "&" {
                for (entity, value) in entities where scalars[index...].starts(with: entity.unicodeScalars) {
                    decoded = value
                    index = scalars.index(index, offsetBy: entity.unicodeScalars.count)
                    break
                }
            }
            if pendingSpace, !out.isEmpty { out.append(" "); produced += 1 }
            pendingSpace = false
            out.append(decoded)
            produced += 1
            if let scalarBudget, produced >= scalarBudget { break }
        }
        let text = String(out)
        return limit.map { String(text.prefix($0)) } ?? text
    }

    /// Entities after the '&'.
    static let entities: [(String, Unicode.Scalar)] = [("amp;", "&"), ("quot;", "\""), ("lt;", "<"), ("gt;", ">"), ("#39;", "'")]
}
