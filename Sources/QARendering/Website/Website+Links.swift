import Foundation
import QADiagnostics
import QAModel

extension Website {
    /// Remembers every link in rendered Markdown with the line of the Markdown it came from.
    func collectLinks(in html: String, markdown: String, at location: SourceLocation) {
        let hrefs = Self.hrefs(in: html).filter(Self.isInternal)
        guard !hrefs.isEmpty else { return }
        var text = markdown
        let found = text.withUTF8 { bytes -> [WrittenLink] in
            // Links come out of cmark-gfm in the order they are written, so each is looked for
            // from where the one before was found: one pass over the text, however many links.
            var from = 0
            // Newlines before `counted`, and where the line holding `counted` starts.
            var counted = 0, newlines = 0, lineStart = 0
            var found: [WrittenLink] = []
            found.reserveCapacity(hrefs.count)
            for href in hrefs {
                var line = location.line, column = 1
                if let offset = Self.offset(of: href, in: bytes, from: from) ?? Self.offset(of: href, in: bytes, from: 0) {
                    if offset < counted { counted = 0; newlines = 0; lineStart = 0 }
                    while counted < offset, let base = bytes.baseAddress, let hit = memchr(base + counted, 0x0A, offset - counted) {
                        newlines += 1
                        counted = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                        lineStart = counted
                    }
                    counted = offset
                    line = location.line + newlines
                    let before = UnsafeBufferPointer(rebasing: bytes[lineStart..<offset])
                    column = (before.allSatisfy { $0 < 0x80 } ? before.count : String(decoding: before, as: UTF8.self).count) + 1
                    if location.column > 1, newlines == 0 { column += location.column - 1 }
                    from = offset
                }
                found.append(WrittenLink(href: href, location: location.at(line: line, column: column)))
            }
            return found
        }
        record(found)
    }

    /// Whether Markdown could render a link to a page of the site. Such a link comes only from
    /// brackets (links, reference links, footnotes), raw HTML or angle autolinks (`<`), or an
    /// autolink with a scheme qapress does not treat as external (`ftp://`); a bare `www.`
    /// or e-mail address becomes an `http:` or `mailto:` link. Most texts have none of them,
    /// and their HTML is not searched.
    static func couldLinkWithin(_ markdown: String) -> Bool {
        var text = markdown
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
            return memchr(base, Int32(UInt8(ascii: "[")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil
                || offset(of: "://", in: bytes, from: 0) != nil
        }
    }

    /// Where the UTF-8 of `needle` first occurs in `bytes` at or after `from`.
    static func offset(of needle: String, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pin -> Int? in
            guard let base = bytes.baseAddress, let pinBase = pin.baseAddress, pin.count > 0, from >= 0 else { return nil }
            let last = bytes.count - pin.count
            var start = from
            while start <= last {
                guard let hit = memchr(base + start, Int32(pinBase[0]), last - start + 1) else { return nil }
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, pinBase, pin.count) == 0 { return offset }
                start = offset + 1
            }
            return nil
        }
    }

    /// Remembers links found on the page being built on this thread.
    func record(_ found: [WrittenLink]) {
        links.record(found, on: currentPage)
    }

    /// The values of href attributes, in order, with "&amp;" read as "&". Found from each
    /// '=' (rare in prose), not from each 'h'.
    static func hrefs(in html: String) -> [String] {
        var text = html
        return text.withUTF8 { bytes -> [String] in
            guard let base = bytes.baseAddress else { return [] }
            var found: [String] = []
            let count = bytes.count
            var from = 4
            while from < count - 1, let hit = memchr(base + from, Int32(UInt8(ascii: "=")), count - 1 - from) {
                let equals = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                from = equals + 1
                guard bytes[equals + 1] == UInt8(ascii: "\""), bytes[equals - 4] == UInt8(ascii: "h"), bytes[equals - 3] == UInt8(ascii: "r"),
                      bytes[equals - 2] == UInt8(ascii: "e"), bytes[equals - 1] == UInt8(ascii: "f") else { continue }
                let valueStart = equals + 2
                guard valueStart <= count, let close = memchr(base + valueStart, Int32(UInt8(ascii: "\"")), count - valueStart) else { break }
                let end = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
                found.append(value.containsBytes("&amp;") ? value.replacingOccurrences(of: "&amp;", with: "&") : value)
                from = end + 1
            }
            return found
        }
    }

    static func isInternal(_ href: String) -> Bool {
        !(href.hasPrefix("http:") || href.hasPrefix("https:") || href.hasPrefix("mailto:") || href.hasPrefix("tel:") || href.hasPrefix("#") || href.isEmpty)
    }

    /// Every internal link written in content must lead to a file of the site.
    func checkLinks(existing files: [String]) {
        let existing = Set(files)
        func leadsNowhere(_ href: String, from page: String) -> Bool {
            guard let target = resolve(href, from: page), !leftOut(target) else { return false }
            let candidates = target.isEmpty ? ["index.html"] : [target, target.hasSuffix("/") ? target + "index.html" : target + "/index.html"]
            return !candidates.contains(where: existing.contains)
        }
        // An address from the site's root leads to the same file from every page: resolved
        // once. Any other address is resolved once per page. Both on every core.
        let (rooted, relative) = links.distinct()
        let rootedLeadsNowhere = rooted.parallelMap { leadsNowhere($0, from: "") }
        guard rootedLeadsNowhere.contains(true) || relative.parallelMap({ leadsNowhere($0.href, from: $0.page) }).contains(true) else { return }
        // Some link is broken: each address once per page, with where it was written, and the
        // broken ones get their hints.
        let groups = links.grouped()
        let rootedBroken = Dictionary(uniqueKeysWithValues: zip(rooted, rootedLeadsNowhere))
        let broken = groups.parallelMap { group -> Bool in
            rootedBroken[group.href] ?? leadsNowhere(group.href, from: group.page)
        }
        guard broken.contains(true) else { return }
        let known = files.filter { $0.hasSuffix("index.html") }.sorted().map { paths.url(String($0.dropLast("index.html".count))) }
        // A page of the same last name, else the nearest address: worked out once for each
        // different broken address (a removed page can leave thousands of links to it), on
        // every core.
        let byLastName = Dictionary(known.map { ($0.split(separator: "/").last.map(String.init) ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let brokenHrefs = Array(Set(zip(groups, broken).filter(\.1).map(\.0.href))).sorted()
        // A relative address is matched as the address it leads to from the first page that
        // has it, so "../priorities/neglec/" can be told about "/priorities/neglect/".
        var leadsTo: [String: String] = [:]
        for (group, isBroken) in zip(groups, broken) where isBroken && !group.href.hasPrefix("/") && leadsTo[group.href] == nil {
            leadsTo[group.href] = resolve(group.href, from: group.page).map(paths.url)
        }
        let hints = brokenHrefs.parallelMap { written -> String in
            let href = leadsTo[written] ?? written
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
