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
        func addAll(_ texts: [String], _ location: SourceLocation) { for text in texts { add(text, location) } }
        func body(_ text: String, _ source: SourceFile) { add(text, source.bodyLocation) }
        // Items are read in place by index: a `for` loop would copy each whole item to read
        // a few of its texts.
        func plan<T: ActionPlanDocument>(_ doc: T) {
            let findings = doc.findings, recommendations = doc.recommendations, actions = doc.actions
            for i in findings.indices { add(findings[i].text, findings[i].location) }
            for i in recommendations.indices { add(recommendations[i].text, recommendations[i].location) }
            for i in actions.indices {
                add(actions[i].text, actions[i].location); add(actions[i].evidenceOfImpact, actions[i].location); add(actions[i].ownerRole, actions[i].location)
            }
        }
        func briefing(_ b: BriefingContent?) {
            guard let b else { return }
            // Added one by one, without a list made for each item to hold them.
            for text in [b.background, b.whyItMatters, b.whatWeDid, b.strengths, b.areasForDevelopment, b.whatItMeansForYou, b.contacts] {
                if let text { add(text, b.location) }
            }
            for text in b.questions { add(text, b.location) }
        }
        if let p = site.partnership {
            let at = p.source.location
            for text in [p.name, p.vision, p.contact.worriedAboutAChild ?? ""] + p.values.flatMap({ [$0.title, $0.description] }) { add(text, at) }
            body(p.body, p.source)
        }
        for p in site.priorities { add(p.title, p.location); add(p.summary, p.location); addAll(p.whatGoodLooksLike, p.location); body(p.body, p.source) }
        for c in site.contentAreas {
            add(c.title, c.location); add(c.outcome, c.location)
            addAll(c.howMuch, c.location); addAll(c.howWell, c.location); addAll(c.betterOff, c.location)
            body(c.body, c.source)
        }
        for a in site.programmes.flatMap(\.activities) { add(a.title, a.location); add(a.note, a.location) }
        for a in site.audits {
            add(a.title, a.location); add(a.summary, a.location); add(a.sharing, a.location); add(a.method.selection, a.location)
            addAll(a.termsOfReference, a.location)
            plan(a); briefing(a.briefing); body(a.body, a.source)
        }
        for r in site.reviews {
            add(r.title, r.location); add(r.summary, r.location); add(r.decision, r.location); addAll(r.learning, r.location)
            plan(r); briefing(r.briefing); body(r.body, r.source)
        }
        for s in site.scrutiny { add(s.title, s.location); add(s.summary, s.location); add(s.scope, s.location); plan(s); body(s.body, s.source) }
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
        // The YAML reader counts a lone carriage return as a line break, which the split
        // above does not: a text's line can then lie past the last line found here.
        let start = max(0, location.line - 1)
        guard start < lines.count else { return location }
        for index in start..<lines.count {
            if let range = lines[index].range(of: match) {
                let column = lines[index][..<range.lowerBound].unicodeScalars.count + 1
                return location.at(line: index + 1, column: column)
            }
        }
        return location
    }
}
