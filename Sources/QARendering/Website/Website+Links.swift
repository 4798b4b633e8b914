import QADiagnostics
import QAModel

extension Website {
    /// Remembers every link in rendered Markdown with the line of the Markdown it came from.
    func collectLinks(in html: String, markdown: String, at location: SourceLocation) {
        let hrefs = Self.hrefs(in: html).filter(Self.isInternal)
        guard !hrefs.isEmpty else { return }
        // Links come out of cmark-gfm in the order they are written, so each is looked for
        // from the line of the one before: one pass over the lines, however many links.
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var from = 0
        for href in hrefs {
            var line = location.line, column = 1
            let found = lines[from...].firstIndex { $0.contains(href) } ?? lines[..<from].firstIndex { $0.contains(href) }
            if let index = found, let range = lines[index].range(of: href) {
                line = location.line + index
                column = lines[index].distance(from: lines[index].startIndex, to: range.lowerBound) + 1
                if location.column > 1, index == 0 { column += location.column - 1 }
                from = index
            }
            links.append((currentPage, WrittenLink(href: href, location: SourceLocation(path: location.path, line: line, column: column))))
        }
    }

    static func hrefs(in html: String) -> [String] {
        var found: [String] = []
        var rest = Substring(html)
        while let start = rest.range(of: "href=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            found.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[end...]
        }
        return found
    }

    static func isInternal(_ href: String) -> Bool {
        !(href.hasPrefix("http:") || href.hasPrefix("https:") || href.hasPrefix("mailto:") || href.hasPrefix("tel:") || href.hasPrefix("#") || href.isEmpty)
    }

    /// Every internal link written in content must lead to a file of the site.
    func checkLinks(pages: [WebPage], files: [RenderedFile]) {
        let existing = Set(files.map(\.path))
        for (page, link) in links {
            guard let target = resolve(link.href, from: page) else { continue }
            let candidates = target.isEmpty ? ["index.html"] : [target, target.hasSuffix("/") ? target + "index.html" : target + "/index.html"]
            if !candidates.contains(where: existing.contains) {
                let known = files.filter { $0.path.hasSuffix("index.html") }.map { paths.url(String($0.path.dropLast("index.html".count))) }
                let last = link.href.split(separator: "/").last.map(String.init) ?? ""
                let sameName = known.first { $0.split(separator: "/").last.map(String.init) == last }
                let hint = sameName.map { "did you mean '\($0)'?" } ?? NearMiss.hint(for: link.href, in: known)
                    ?? "link to a page of this site, for example \(paths.url("audits/"))"
                diagnostics.append(.error(link.location, "the link '\(link.href)' leads to no page of this site; \(hint)", code: "broken-link"))
            }
        }
    }

    /// The output path a link points to, without query or fragment; nil for links qapress does not check.
    func resolve(_ href: String, from page: String) -> String? {
        var target = href
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
        if target.hasPrefix(paths.base) {
            target = String(target.dropFirst(paths.base.count))
        } else if target.hasPrefix("/") {
            target = String(target.dropFirst())
        } else {
            target = page + target
        }
        var parts: [Substring] = []
        for part in target.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/") + (target.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }
}
