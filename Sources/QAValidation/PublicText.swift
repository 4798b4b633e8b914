import QADiagnostics
import QAModel

/// A piece of text that a public build publishes, with where it was written.
struct PublicText {
    var text: String
    var location: SourceLocation
}

extension Site {
    /// Every text that a public build shows, from public documents and public items only.
    var publicTexts: [PublicText] {
        let site = visible(to: .public)
        var out: [PublicText] = []
        func add(_ text: String, _ location: SourceLocation) { if !text.isEmpty { out.append(PublicText(text: text, location: location)) } }
        func body(_ text: String, _ source: SourceFile) { add(text, source.bodyLocation) }
        func plan<T: ActionPlanDocument>(_ doc: T) {
            for f in doc.findings { add(f.text, f.location) }
            for r in doc.recommendations { add(r.text, r.location) }
            for a in doc.actions { add(a.text, a.location); add(a.evidenceOfImpact, a.location); add(a.ownerRole, a.location) }
        }
        func briefing(_ b: BriefingContent?) {
            guard let b else { return }
            for text in [b.background, b.whyItMatters, b.whatWeDid, b.strengths, b.areasForDevelopment, b.whatItMeansForYou, b.contacts].compactMap({ $0 }) + b.questions {
                add(text, b.location)
            }
        }
        if let p = site.partnership {
            let at = p.source.location
            for text in [p.name, p.vision, p.contact.worriedAboutAChild ?? ""] + p.values.flatMap({ [$0.title, $0.description] }) { add(text, at) }
            body(p.body, p.source)
        }
        for p in site.priorities { for t in [p.title, p.summary] + p.whatGoodLooksLike { add(t, p.location) }; body(p.body, p.source) }
        for c in site.contentAreas { for t in [c.title, c.outcome] + c.howMuch + c.howWell + c.betterOff { add(t, c.location) }; body(c.body, c.source) }
        for a in site.programmes.flatMap(\.activities) { add(a.title, a.location); add(a.note, a.location) }
        for a in site.audits {
            for t in [a.title, a.summary, a.sharing, a.method.selection] + a.termsOfReference { add(t, a.location) }
            plan(a); briefing(a.briefing); body(a.body, a.source)
        }
        for r in site.reviews {
            for t in [r.title, r.summary, r.decision] + r.learning { add(t, r.location) }
            plan(r); briefing(r.briefing); body(r.body, r.source)
        }
        for s in site.scrutiny { for t in [s.title, s.summary, s.scope] { add(t, s.location) }; plan(s); body(s.body, s.source) }
        for i in site.indicators { add(i.title, i.location); for v in i.values { add(v.note, v.location) }; body(i.commentary, i.source) }
        for b in site.briefings { add(b.title, b.location); briefing(b.content); body(b.body, b.source) }
        for p in site.pages { add(p.title, p.location); add(p.summary, p.location); body(p.body, p.source) }
        for r in site.reports {
            for t in [r.title, r.foreword, r.keyMessages, r.voiceOfChildren, r.training, r.budgetCommentary, r.scrutineerStatement, r.nextPriorities] {
                add(t, r.location)
            }
            body(r.body, r.source)
        }
        return out
    }
}

extension ValidationContext {
    /// The exact place of `match` in the file, searching from the line the text was written on;
    /// the text's own location when the file text is not at hand.
    func place(of match: String, near location: SourceLocation) -> SourceLocation {
        guard let text = sources[location.path] else { return location }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = max(0, location.line - 1)
        for index in start..<lines.count {
            if let range = lines[index].range(of: match) {
                let column = lines[index][..<range.lowerBound].unicodeScalars.count + 1
                return location.at(line: index + 1, column: column)
            }
        }
        return location
    }
}
