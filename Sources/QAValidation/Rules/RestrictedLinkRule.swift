import Foundation
import QADiagnostics
import QAModel

/// A public page may not link to a page that only partners or internal readers get: the
/// link would be broken on the public site and would reveal that the material exists.
struct RestrictedLinkRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        let restricted = restrictedPaths(context.site)
        guard !restricted.isEmpty else { return [] }
        let link = try! NSRegularExpression(pattern: #"\]\(\s*<?(/[^)\s>]*)"#)
        var diagnostics: [Diagnostic] = []
        // Links in briefings' "further information" are written as front-matter values.
        let publicSite = context.publicContent.site
        let briefings = publicSite.briefings.map(\.content) + publicSite.audits.compactMap(\.briefing) + publicSite.reviews.compactMap(\.briefing)
        let linkTexts = briefings.flatMap { b in b.furtherInformation.map { (text: "[\($0.title)](\($0.url))", location: b.location) } }
        var found: [(href: String, audience: Audience, location: SourceLocation)] = []
        func look(at text: String, _ location: SourceLocation) {
            let ns = text as NSString
            for result in link.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let href = ns.substring(with: result.range(at: 1))
                var path = String(href.dropFirst())
                if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
                if !path.isEmpty, !path.hasSuffix("/") { path += "/" }
                guard let audience = restricted[path] else { continue }
                found.append((href, audience, location))
            }
        }
        var texts: [PublicContent.Text] = []
        for unit in context.publicContent.units {
            context.publicContent.texts(of: unit, into: &texts)
            for (text, location) in texts { look(at: text, location) }
        }
        for piece in linkTexts { look(at: piece.text, piece.location) }
        for (href, audience, location) in found {
            let at = context.place(of: href, near: location)
            diagnostics.append(.error(at, "this public text links to '\(href)', which is for \(audience == .partners ? "partners" : "internal readers") only; remove the link, or mark this item 'audience: \(audience.rawValue)' too", code: "link-to-restricted"))
        }
        return diagnostics
    }

    /// Site paths of documents a public build leaves out, with their audience.
    func restrictedPaths(_ site: Site) -> [String: Audience] {
        var paths: [String: Audience] = [:]
        func add(_ path: String, _ audience: Audience) { if audience != .public { paths[path] = audience } }
        for p in site.priorities { add("priorities/\(p.id)/", p.source.audience) }
        for c in site.contentAreas { add("content-areas/\(c.id)/", c.source.audience) }
        for a in site.audits { add("audits/\(a.id)/", a.source.audience); if a.briefing != nil { add("briefings/\(a.id)/", a.source.audience) } }
        for r in site.reviews { add("reviews/\(r.id)/", r.source.audience); if r.briefing != nil { add("briefings/\(r.id)/", r.source.audience) } }
        for s in site.scrutiny { add("scrutiny/\(s.id)/", s.source.audience) }
        for b in site.briefings { add("briefings/\(b.id)/", b.source.audience) }
        for p in site.pages { add("\(p.id)/", p.source.audience) }
        return paths
    }
}
