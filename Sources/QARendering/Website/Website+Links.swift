import QADiagnostics
import QAModel

extension Website {
    /// Remembers every link in rendered Markdown with the line of the Markdown it came from.
    func collectLinks(in html: String, markdown: String, at location: SourceLocation) {
        let hrefs = Self.hrefs(in: html).filter(Self.isInternal)
        guard !hrefs.isEmpty else { return }
        // Links come out of cmark-gfm in the order they are written, so each is looked for
        // from where the one before was found: one pass over the text, however many links.
        let bytes = markdown.utf8
        var from = 0
        // Newlines before `counted`, and where the line holding `counted` starts.
        var counted = 0, newlines = 0, lineStart = 0
        var found: [WrittenLink] = []
        for href in hrefs {
            var line = location.line, column = 1
            if let offset = markdown.utf8Offset(of: href, from: from) ?? markdown.utf8Offset(of: href) {
                if offset < counted { counted = 0; newlines = 0; lineStart = 0 }
                var index = bytes.index(bytes.startIndex, offsetBy: counted)
                while counted < offset {
                    if bytes[index] == 10 { newlines += 1; lineStart = counted + 1 }
                    counted += 1
                    index = bytes.index(after: index)
                }
                line = location.line + newlines
                column = (String(bytes[bytes.index(bytes.startIndex, offsetBy: lineStart)..<index]) ?? "").count + 1
                if location.column > 1, newlines == 0 { column += location.column - 1 }
                from = offset
            }
            found.append(WrittenLink(href: href, location: SourceLocation(path: location.path, line: line, column: column)))
        }
        record(found)
    }

    /// Remembers links found on the page being built on this thread.
    func record(_ found: [WrittenLink]) {
        links.record(found, on: currentPage)
    }

    /// The values of href attributes, in order, with "&amp;" read as "&".
    static func hrefs(in html: String) -> [String] {
        var found: [String] = []
        var from = 0
        let bytes = html.utf8
        while let start = html.utf8Offset(of: "href=\"", from: from) {
            let valueStart = start + 6
            guard let end = html.utf8Offset(of: "\"", from: valueStart) else { break }
            let value = String(bytes[bytes.index(bytes.startIndex, offsetBy: valueStart)..<bytes.index(bytes.startIndex, offsetBy: end)]) ?? ""
            found.append(value.containsBytes("&amp;") ? value.replacingOccurrences(of: "&amp;", with: "&") : value)
            from = end + 1
        }
        return found
    }

    static func isInternal(_ href: String) -> Bool {
        !(href.hasPrefix("http:") || href.hasPrefix("https:") || href.hasPrefix("mailto:") || href.hasPrefix("tel:") || href.hasPrefix("#") || href.isEmpty)
    }

    /// Every internal link written in content must lead to a file of the site.
    func checkLinks(existing files: [String]) {
        let existing = Set(files)
        // Each address once per page, resolved on every core; the few broken ones get their
        // hints afterwards.
        let groups = links.grouped()
        let broken = groups.parallelMap { group -> Bool in
            guard let target = resolve(group.href, from: group.page), !leftOut(target) else { return false }
            let candidates = target.isEmpty ? ["index.html"] : [target, target.hasSuffix("/") ? target + "index.html" : target + "/index.html"]
            return !candidates.contains(where: existing.contains)
        }
        guard broken.contains(true) else { return }
        let known = files.filter { $0.hasSuffix("index.html") }.sorted().map { paths.url(String($0.dropLast("index.html".count))) }
        // A page of the same last name, else the nearest address: worked out once for each
        // different broken address (a removed page can leave thousands of links to it), on
        // every core.
        let byLastName = Dictionary(known.map { ($0.split(separator: "/").last.map(String.init) ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let brokenHrefs = Array(Set(zip(groups, broken).filter(\.1).map(\.0.href))).sorted()
        let hints = brokenHrefs.parallelMap { href -> String in
            let last = href.split(separator: "/").last.map(String.init) ?? ""
            return byLastName[last].map { "did you mean '\($0)'?" } ?? NearMiss.hint(for: href, in: known)
                ?? "link to a page of this site, for example \(paths.url("audits/"))"
        }
        let hintFor = Dictionary(uniqueKeysWithValues: zip(brokenHrefs, hints))
        // A text shown on several pages (an action on its audit's page, the tracker and a
        // report) is reported once.
        var reported = Set<Diagnostic>()
        for (group, isBroken) in zip(groups, broken) where isBroken {
            for location in group.locations {
                let problem = Diagnostic.error(location, "the link '\(group.href)' leads to no page of this site; \(hintFor[group.href]!)", code: "broken-link")
                if reported.insert(problem).inserted { diagnostics.append(problem) }
            }
        }
    }

    /// Whether a link leads into a part of the site this build leaves out on purpose
    /// (`qapress build --only website`); such links are not checked.
    func leftOut(_ target: String) -> Bool {
        (!options.briefingEditions && target.hasPrefix("briefings/")) || (!options.reportEditions && target.hasPrefix("annual-report/"))
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
