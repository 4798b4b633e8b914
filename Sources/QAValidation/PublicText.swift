import QADiagnostics
import QAModel

/// Every text that a public build shows, from public documents and public items only, read
/// in place from the public site: listing them in an array of their own (a quarter of a
/// million at 10,000 documents) took longer than the privacy scan's first part, for a copy of
/// every text.
///
/// The texts come in units (the partnership, each document, each programme's activities),
/// in the order a reader meets them, so that a rule can take a range of units at a time and
/// hold the texts of one unit at a time.
struct PublicContent: Sendable {
    enum Unit: Sendable {
        case partnership, priority(Int), contentArea(Int), programme(Int), audit(Int), review(Int)
        case scrutiny(Int), indicator(Int), briefing(Int), page(Int), report(Int)
    }

    /// The site as the public sees it.
    let site: Site
    let units: [Unit]

    init(_ whole: Site) {
        let site = whole.visible(to: .public)
        self.site = site
        var units: [Unit] = site.partnership == nil ? [] : [.partnership]
        units += site.priorities.indices.map(Unit.priority)
        units += site.contentAreas.indices.map(Unit.contentArea)
        units += site.programmes.indices.map(Unit.programme)
        units += site.audits.indices.map(Unit.audit)
        units += site.reviews.indices.map(Unit.review)
        units += site.scrutiny.indices.map(Unit.scrutiny)
        units += site.indicators.indices.map(Unit.indicator)
        units += site.briefings.indices.map(Unit.briefing)
        units += site.pages.indices.map(Unit.page)
        units += site.reports.indices.map(Unit.report)
        self.units = units
    }

    /// A text that is not empty, and where it was written.
    typealias Text = (text: String, location: SourceLocation)

    /// The texts of `unit`, in order, in `texts` (emptied first, so one buffer serves every
    /// unit). A buffer rather than a closure called for each text: a closure that holds the
    /// privacy scanner or the validation context copied it at every call.
    func texts(of unit: Unit, into out: inout [Text]) {
        out.removeAll(keepingCapacity: true)
        func add(_ text: String, _ location: SourceLocation) { if !text.isEmpty { out.append((text, location)) } }
        func addAll(_ texts: [String], _ location: SourceLocation) { for text in texts { add(text, location) } }
        func addBody(_ text: String, _ source: SourceFile) { add(text, source.bodyLocation) }
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
            for text in [b.background, b.whyItMatters, b.whatWeDid, b.strengths, b.areasForDevelopment, b.whatItMeansForYou, b.contacts] {
                if let text { add(text, b.location) }
            }
            for text in b.questions { add(text, b.location) }
        }
        switch unit {
        case .partnership:
            guard let p = site.partnership else { return }
            let at = p.source.location
            for text in [p.name, p.vision, p.contact.worriedAboutAChild ?? ""] { add(text, at) }
            for value in p.values { add(value.title, at); add(value.description, at) }
            addBody(p.body, p.source)
        case let .priority(i):
            let p = site.priorities[i]
            add(p.title, p.location); add(p.summary, p.location); addAll(p.whatGoodLooksLike, p.location); addBody(p.body, p.source)
        case let .contentArea(i):
            let c = site.contentAreas[i]
            add(c.title, c.location); add(c.outcome, c.location)
            addAll(c.howMuch, c.location); addAll(c.howWell, c.location); addAll(c.betterOff, c.location)
            addBody(c.body, c.source)
        case let .programme(i):
            let activities = site.programmes[i].activities
            for j in activities.indices { add(activities[j].title, activities[j].location); add(activities[j].note, activities[j].location) }
        case let .audit(i):
            let a = site.audits[i]
            add(a.title, a.location); add(a.summary, a.location); add(a.sharing, a.location); add(a.method.selection, a.location)
            addAll(a.termsOfReference, a.location)
            plan(a); briefing(a.briefing); addBody(a.body, a.source)
        case let .review(i):
            let r = site.reviews[i]
            add(r.title, r.location); add(r.summary, r.location); add(r.decision, r.location); addAll(r.learning, r.location)
            plan(r); briefing(r.briefing); addBody(r.body, r.source)
        case let .scrutiny(i):
            let s = site.scrutiny[i]
            add(s.title, s.location); add(s.summary, s.location); add(s.scope, s.location); plan(s); addBody(s.body, s.source)
        case let .indicator(i):
            let indicator = site.indicators[i]
            add(indicator.title, indicator.location)
            let values = indicator.values
            for j in values.indices { add(values[j].note, values[j].location) }
            addBody(indicator.commentary, indicator.source)
        case let .briefing(i):
            let b = site.briefings[i]
            add(b.title, b.location); briefing(b.content); addBody(b.body, b.source)
        case let .page(i):
            let p = site.pages[i]
            add(p.title, p.location); add(p.summary, p.location); addBody(p.body, p.source)
        case let .report(i):
            let r = site.reports[i]
            for t in [r.title, r.foreword, r.keyMessages, r.voiceOfChildren, r.training, r.budgetCommentary, r.scrutineerStatement, r.nextPriorities] {
                add(t, r.location)
            }
            addBody(r.body, r.source)
        }
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
