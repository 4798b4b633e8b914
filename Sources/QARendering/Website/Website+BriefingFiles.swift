import Foundation
import QAModel

extension Website {
    /// The printable "briefing action plan" form: a page teams fill in by hand to record how
    /// they used a briefing.
    func briefingFormPages() -> [WebPage] {
        briefings.map { b in
            WebPage(path: "briefings/\(b.id)/action-plan/", title: "Briefing action plan: \(b.title)", template: "briefing-form",
                    context: ["title": "Briefing action plan", "briefing": b.title, "briefingURL": paths.url("briefings/\(b.id)/"),
                              "questions": b.sections.last.map { HTML.md($0.text) } ?? "", "rows": [1, 2, 3, 4]],
                    breadcrumbs: [("7-minute briefings", "briefings/"), (b.title, "briefings/\(b.id)/")], section: "briefings",
                    source: b.source, inSitemap: false)
        }
    }

    /// Each briefing as plain text, for email and screen readers that prefer it.
    func briefingTexts() -> [RenderedFile] {
        let name = site.partnership?.name ?? ""
        return briefings.map { b in
            var lines = ["7-MINUTE BRIEFING", b.title.uppercased(), "\(name), \(b.date.long)", ""]
            for section in b.sections {
                lines.append("\(section.number). \(section.label.uppercased())")
                lines.append("")
                lines.append(Self.plainText(HTML.md(section.text)))
                lines.append("")
            }
            if !b.furtherInformation.isEmpty {
                lines += ["FURTHER INFORMATION AND RESOURCES", ""]
                lines += b.furtherInformation.map { "- \($0.title): \($0.url.hasPrefix("/") ? paths.absolute(String($0.url.dropFirst())) : $0.url)" }
                lines.append("")
            }
            if !b.contacts.isEmpty { lines += ["CONTACTS", "", Self.plainText(HTML.md(b.contacts)), ""] }
            lines.append("Online: \(paths.absolute("briefings/\(b.id)/"))")
            return RenderedFile(path: "briefings/\(b.id)/briefing.txt", text: lines.joined(separator: "\n") + "\n")
        }
    }

    /// Rendered HTML as readable plain text: paragraphs apart, list items as "- ", tags gone.
    static func plainText(_ html: String) -> String {
        // One pass over the bytes: the tags that shape plain text become line breaks and
        // bullets, every other tag goes.
        let shaping: [([UInt8], [UInt8])] = [("<li>", "\n- "), ("</p>", "\n\n"), ("<br />", "\n"), ("</li>", ""), ("</ul>", "\n"), ("</ol>", "\n")]
            .map { (Array($0.0.utf8), Array($0.1.utf8)) }
        let bytes = Array(html.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0, inTag = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                if let (tag, replacement) = shaping.first(where: { bytes[index...].starts(with: $0.0) }) {
                    kept += replacement
                    index += tag.count
                    continue
                }
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if !inTag {
                kept.append(byte)
            }
            index += 1
        }
        var out = String(decoding: kept, as: UTF8.self)
        if out.containsBytes("&") {
            out = out.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
        }
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var result: [String] = []
        for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }

    /// An Atom feed of briefings only, for teams that follow them.
    func briefingFeed() -> RenderedFile {
        let name = site.partnership?.name ?? ""
        let items = briefings.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
        var atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        atom += "  <title>\(HTML.escape(name)): 7-minute briefings</title>\n  <id>\(HTML.escape(paths.absolute("briefings/")))</id>\n"
        atom += "  <link rel=\"self\" href=\"\(HTML.escape(paths.absolute("briefings/feed.xml")))\"/>\n"
        atom += "  <updated>\(items.first?.date ?? options.buildDate)T00:00:00Z</updated>\n  <author><name>\(HTML.escape(name))</name></author>\n"
        for b in items {
            atom += "  <entry>\n    <title>\(HTML.escape(b.title))</title>\n    <id>\(HTML.escape(paths.absolute("briefings/\(b.id)/")))</id>\n"
            atom += "    <link href=\"\(HTML.escape(paths.absolute("briefings/\(b.id)/")))\"/>\n    <updated>\(b.date)T00:00:00Z</updated>\n"
            atom += "    <category term=\"\(HTML.escape(b.group.rawValue))\" label=\"\(HTML.escape(b.group.label))\"/>\n  </entry>\n"
        }
        return RenderedFile(path: "briefings/feed.xml", text: atom + "</feed>\n")
    }
}
