/// An annual report's figures, assembled from the data as at the last day of its period.
/// Every figure is computed from dated values and dated status histories, so rebuilding an
/// old report later gives the same figures, and each names the file it comes from.
public struct ReportEdition: Sendable {
    /// An action as it stood at the end of the period, with the document that holds it. A
    /// class, so that the several lists of an edition (all actions, each priority's, those
    /// completed, open and overdue) share one copy of each action instead of copying it.
    public final class PlannedAction: Sendable {
        public let action: Action
        public let document: String
        public let documentPath: String
        public let source: String
        public let status: ActionStatus?

        public init(action: Action, document: String, documentPath: String, source: String, status: ActionStatus?) {
            self.action = action
            self.document = document
            self.documentPath = documentPath
            self.source = source
            self.status = status
        }
    }

    public struct OutcomeChange: Sendable {
        public var indicator: Indicator
        public var start: IndicatorValue?
        public var end: IndicatorValue?
        public var source: String

        public var trend: Indicator.Trend? {
            guard let start, let end, start.period != end.period else { return nil }
            return indicator.trend(from: start.value, to: end.value)
        }

        public var rag: RAG { end.map { indicator.rag(for: $0.value) } ?? .none }
    }

    public struct PriorityProgress: Sendable {
        public var priority: Priority
        public var audits: [Audit]
        public var reviews: [Review]
        public var completed: [PlannedAction]
        public var open: [PlannedAction]
        public var outcomes: [OutcomeChange]
        public var rag: RAG
        public var judgement: String
    }

    public struct SlowProgress: Sendable {
        public var noOutcomeEvidence: [Priority]
        public var wrongWay: [OutcomeChange]
        public var overdue: [PlannedAction]
        public var notDone: [ProgrammeActivity]

        public var isEmpty: Bool { noOutcomeEvidence.isEmpty && wrongWay.isEmpty && overdue.isEmpty && notDone.isEmpty }
    }

    public var report: AnnualReport
    public var start: Day
    public var end: Day
    public var priorities: [PriorityProgress]
    public var slowProgress: SlowProgress
    public var reviews: [(review: Review, actions: [PlannedAction])]
    public var programme: Programme?
    public var scorecard: [OutcomeChange]
    public var briefings: [PublishedBriefing]
    public var audits: [Audit]
}

extension Site {
    /// The report's edition: everything it says, computed as at the end of its period.
    /// `briefings` are the site's published briefings when the caller has them already
    /// (they are assembled from every briefing, audit and review); nil assembles them.
    public func edition(of report: AnnualReport, briefingSettings: BriefingSettings = BriefingSettings(),
                        briefings published: [PublishedBriefing]? = nil) -> ReportEdition {
        let start = report.periodStart, end = report.periodEnd
        let inPeriod = { (day: Day) in day >= start && day <= end }
        /// The action as it stood at the end, or nil when it did not exist yet (its history
        /// starts later).
        func planned(_ action: Action, _ title: String, _ path: String, _ file: String) -> ReportEdition.PlannedAction? {
            let status = action.status(asOf: end)
            guard status != nil || action.history.isEmpty else { return nil }
            return ReportEdition.PlannedAction(action: action, document: title, documentPath: path, source: file, status: status)
        }
        // Actions that existed by the end of the period, with the document that holds them,
        // and the same for each priority the document is linked to.
        var allActions: [ReportEdition.PlannedAction] = []
        var byPriority: [String: [ReportEdition.PlannedAction]] = [:]
        func gather(_ actions: [Action], _ title: String, _ path: String, _ file: String, _ priorities: [Reference]) {
            for action in actions {
                guard let item = planned(action, title, path, file) else { continue }
                allActions.append(item)
                for id in Set(priorities.map(\.id)) { byPriority[id, default: []].append(item) }
            }
        }
        for a in audits where a.date <= end { gather(a.actions, a.title, "audits/\(a.id)/", a.source.path, a.priorities) }
        for r in reviews where r.date <= end { gather(r.actions, r.title, "reviews/\(r.id)/", r.source.path, r.priorities) }
        for s in scrutiny where s.date <= end { gather(s.actions, s.title, "scrutiny/\(s.id)/", s.source.path, s.priorities) }
        func completedInPeriod(_ p: ReportEdition.PlannedAction) -> Bool {
            guard p.status == .complete else { return false }
            guard let done = p.action.history.first(where: { $0.status == .complete }) else { return true }
            return inPeriod(done.date)
        }
        func change(_ indicator: Indicator) -> ReportEdition.OutcomeChange {
            let values = indicator.values.filter { inPeriod($0.period.days.upperBound) }
            let file = indicator.dataFile.map { "\(indicator.source.path) (data: \($0))" } ?? indicator.source.path
            let span = values.first.map { "\($0.period) to \(values.last!.period)" } ?? "no values in the period"
            return ReportEdition.OutcomeChange(indicator: indicator, start: values.first, end: values.last, source: "\(file), \(span)")
        }
        let indicatorsByID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let scorecard = indicators.map(change)
        let progress = priorities.map { priority -> ReportEdition.PriorityProgress in
            let mine = byPriority[priority.id] ?? []
            let measures = priority.measures.compactMap { ref in indicatorsByID[ref.id] }
            let outcomes = measures.filter { $0.oba == .betterOff }.map(change)
            let completed = mine.filter(completedInPeriod)
            let open = mine.filter { $0.status != .complete }
            let overdue = open.filter { $0.action.isOverdue(asOf: end) }
            let withData = outcomes.filter { $0.end != nil }
            let worse = withData.filter { $0.trend == .worse }
            let onTarget = withData.filter { $0.rag == .green }
            let rag: RAG
            let judgement: String
            if withData.isEmpty {
                rag = .red
                judgement = "There is no outcome evidence for this priority in the period: no \"is anyone better off?\" measure has a value."
            } else if worse.count * 2 > withData.count || overdue.count * 3 > max(1, mine.count) {
                rag = .red
                judgement = "\(worse.count) of \(withData.count) outcome measures moved the wrong way and \(overdue.count) of \(mine.count) actions were overdue at \(end.long)."
            } else if worse.isEmpty && overdue.isEmpty && onTarget.count == withData.filter({ $0.rag != .none }).count {
                rag = .green
                judgement = "Every outcome measure with a target was on target, none moved the wrong way, and no action was overdue at \(end.long)."
            } else {
                rag = .amber
                judgement = "\(onTarget.count) of \(withData.count) outcome measures were on target, \(worse.count) moved the wrong way, and \(overdue.count) of \(mine.count) actions were overdue at \(end.long)."
            }
            return ReportEdition.PriorityProgress(
                priority: priority,
                audits: audits.filter { inPeriod($0.date) && $0.priorities.contains { $0.id == priority.id } },
                reviews: reviews.filter { inPeriod($0.date) && $0.priorities.contains { $0.id == priority.id } },
                completed: completed, open: open, outcomes: outcomes, rag: rag, judgement: judgement)
        }
        let year = FinancialYear(containing: end)
        let programme = programmes.first { $0.year == year }
        let slow = ReportEdition.SlowProgress(
            noOutcomeEvidence: progress.filter { !$0.outcomes.contains { $0.end != nil } }.map(\.priority),
            wrongWay: scorecard.filter { $0.trend == .worse },
            overdue: allActions.filter { $0.action.isOverdue(asOf: end) }.sorted { ($0.action.due!, $0.action.id) < ($1.action.due!, $1.action.id) },
            notDone: (programme?.activities ?? []).filter { $0.status != .done })
        let periodReviews = reviews.filter { inPeriod($0.date) }.map { r in
            (r, r.actions.compactMap { planned($0, r.title, "reviews/\(r.id)/", r.source.path) })
        }
        return ReportEdition(
            report: report, start: start, end: end, priorities: progress, slowProgress: slow, reviews: periodReviews,
            programme: programme, scorecard: scorecard,
            briefings: (published ?? publishedBriefings(briefingSettings)).filter { inPeriod($0.date) },
            audits: audits.filter { inPeriod($0.date) })
    }
}
