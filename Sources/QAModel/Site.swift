import QADiagnostics

/// Everything loaded from one content folder: the whole partnership's QA framework.
public struct Site: Sendable {
    public var partnership: Partnership?
    public var priorities: [Priority] = []
    public var contentAreas: [ContentArea] = []
    public var programmes: [Programme] = []
    public var audits: [Audit] = []
    public var indicators: [Indicator] = []
    public var reviews: [Review] = []
    public var scrutiny: [ScrutinyReport] = []
    public var briefings: [Briefing] = []
    public var pages: [Page] = []
    public var glossary: [GlossaryTerm] = []
    public var reports: [AnnualReport] = []

    public init() {}

    /// Every action plan line, wherever it was written, with the document that holds it.
    public var allActions: [(action: Action, owner: String)] {
        audits.flatMap { a in a.actions.map { ($0, a.id) } }
            + reviews.flatMap { r in r.actions.map { ($0, r.id) } }
            + scrutiny.flatMap { s in s.actions.map { ($0, s.id) } }
    }
}

extension Site {
    /// Puts every list in a stable order, so output never depends on the order files were
    /// read in. In place: a list held nowhere else is sorted where it is, without copying its
    /// items. The audits, the indicators (with their values) and the other lists are sorted
    /// side by side, each moved out of the site while it is sorted and moved back after.
    public mutating func sort() {
        var rest = self
        self = Site()
        var audits = rest.audits, indicators = rest.indicators
        rest.audits = []
        rest.indicators = []
        (audits, indicators, rest) = inParallel({
            audits.sort { ($0.date, $0.id) < ($1.date, $1.id) }
            return audits
        }, {
            indicators.sort { $0.id < $1.id }
            for i in indicators.indices { indicators[i].values.sort { $0.period < $1.period } }
            return indicators
        }, {
            rest.sortSmallerLists()
            return rest
        })
        self = rest
        self.audits = audits
        self.indicators = indicators
    }

    /// Every list but the audits and the indicators, which `sort` sorts beside these.
    private mutating func sortSmallerLists() {
        priorities.sort { ($0.number, $0.id) < ($1.number, $1.id) }
        contentAreas.sort { $0.id < $1.id }
        programmes.sort { $0.year < $1.year }
        reviews.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        scrutiny.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        briefings.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        pages.sort { ($0.order, $0.id) < ($1.order, $1.id) }
        glossary.sort { $0.term.lowercased() < $1.term.lowercased() }
        reports.sort { $0.year < $1.year }
    }
}
