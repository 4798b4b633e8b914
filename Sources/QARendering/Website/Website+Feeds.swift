import QAModel

extension Website {
    func feeds(_ pages: [PageEntry]) -> [RenderedFile] {
        let sitemapEntries = pages.filter(\.inSitemap).map { page -> String in
            var entry = "  <url><loc>\(HTML.escape(paths.absolute(page.path)))</loc>"
            if let updated = page.source.flatMap({ options.updated[$0.path] ?? $0.updated }) { entry += "<lastmod>\(updated)</lastmod>" }
            return entry + "</url>"
        }
        let sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + sitemapEntries.joined(separator: "\n") + "\n</urlset>\n"
        let robots = options.audience == .public
            ? "User-agent: *\nAllow: /\nSitemap: \(paths.absolute("sitemap.xml"))\n"
            : "User-agent: *\nDisallow: /\n"
        let publications = pages.filter { $0.published != nil }.sorted { ($0.published!, $0.path) > ($1.published!, $1.path) }.prefix(50)
        let name = site.partnership?.name ?? "Safeguarding Children Partnership"
        let newest = publications.first?.published ?? options.buildDate
        var atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        atom += "  <title>\(HTML.escape(name)): new publications</title>\n"
        atom += "  <id>\(HTML.escape(paths.absolute("")))</id>\n"
        atom += "  <link rel=\"self\" href=\"\(HTML.escape(paths.absolute("feed.xml")))\"/>\n"
        atom += "  <link href=\"\(HTML.escape(paths.absolute("")))\"/>\n"
        atom += "  <updated>\(newest)T00:00:00Z</updated>\n  <author><name>\(HTML.escape(name))</name></author>\n"
        for page in publications {
            atom += "  <entry>\n    <title>\(HTML.escape(page.title))</title>\n"
            atom += "    <id>\(HTML.escape(paths.absolute(page.path)))</id>\n"
            atom += "    <link href=\"\(HTML.escape(paths.absolute(page.path)))\"/>\n"
            atom += "    <updated>\(page.published!)T00:00:00Z</updated>\n"
            if !page.summary.isEmpty { atom += "    <summary>\(HTML.escape(page.summary))</summary>\n" }
            atom += "  </entry>\n"
        }
        atom += "</feed>\n"
        return [RenderedFile(path: "sitemap.xml", text: sitemap), RenderedFile(path: "robots.txt", text: robots),
                RenderedFile(path: "feed.xml", text: atom)]
    }

    /// A small JSON index for the search script: title, address and text of every page.
    func searchIndex(_ pages: [PageEntry]) -> String {
        let entries = pages.map { page -> String in
            "{\"t\":\(Self.json(page.title)),\"u\":\(Self.json(paths.url(page.path))),\"x\":\(Self.json(page.searchText))}"
        }
        return "[\n" + entries.joined(separator: ",\n") + "\n]\n"
    }

    /// A page's words for the search index: its summary and the text values of its context.
    func searchText(_ page: WebPage) -> String {
        let strings = page.context.entries.sorted { $0.name < $1.name }.compactMap { entry -> String? in
            if case .text(let text) = entry.value { return text }
            return nil
        }
            .filter { !$0.hasPrefix("/") && !$0.hasPrefix("http") && !$0.hasPrefix("<svg") }
        return HTML.plain([page.summary] + strings, limit: 600)
    }

    /// `s` as a JSON string, with '<' escaped so the index can never close a script. Byte by
    /// byte: every byte that needs escaping is ASCII, so runs of the rest are copied whole.
    static func json(_ s: String) -> String {
        var text = s
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = [UInt8(ascii: "\"")]
            out.reserveCapacity(bytes.count + 8)
            var run = 0
            for (index, byte) in bytes.enumerated() {
                let escaped: StaticString
                switch byte {
                case UInt8(ascii: "\""): escaped = "\\\""
                case UInt8(ascii: "\\"): escaped = "\\\\"
                case 0x0A: escaped = "\\n"
                case UInt8(ascii: "<"): escaped = "\\u003c"
                case ..<0x20: escaped = " "
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: escaped.utf8Start, count: escaped.utf8CodeUnitCount))
                run = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
