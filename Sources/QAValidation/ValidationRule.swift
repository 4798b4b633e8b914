import Dispatch
import QADiagnostics
import QAModel

/// One check across the content. Each rule lives in its own file under Rules/ and is
/// registered in `Validator.rules`.
public protocol ValidationRule: Sendable {
    func check(_ context: ValidationContext) -> [Diagnostic]
}

/// Runs every registered rule and returns all their diagnostics.
public struct Validator: Sendable {
    public static let rules: [any ValidationRule] = [
        DuplicateIDRule(),
        ReferenceRule(),
        RecommendationWithoutActionRule(),
        ActionOwnerAndDueRule(),
        CompletedActionEvidenceRule(),
        OverdueActionRule(),
        FutureStatusRule(),
        ProgrammeQuarterRule(),
        PriorityMeasuresRule(),
        IndicatorPeriodRule(),
        RecommendationNumberRule(),
        GlossaryRule(),
        PersonalDataRule(),
        RestrictedLinkRule(),
        BriefingBudgetRule(),
    ]

    public init() {}

    /// The privacy scan reads every public text and takes longest; then the briefings' word
    /// counts, which assemble every briefing, and the reference check.
    static func startsEarly(_ rule: any ValidationRule) -> Int {
        switch rule {
        case is PersonalDataRule: 3
        case is BriefingBudgetRule: 2
        case is ReferenceRule: 1
        default: 0
        }
    }

    public func validate(_ site: Site, asOf: Day, today: Day? = nil, unreadable: Set<UnreadableDocument> = [],
                         privacy: PrivacySettings = PrivacySettings(), briefings: BriefingSettings = BriefingSettings(),
                         sources: SourceTexts = SourceTexts()) -> [Diagnostic] {
        let context = ValidationContext(site: site, asOf: asOf, today: today, unreadable: unreadable, privacy: privacy,
                                        briefings: briefings, sources: sources)
        // Rules only read the context, so they run side by side; their results keep rule order.
        // The longest ones start first, so that the others fill the second core beside them
        // (a rule's own parallelMap runs on its one thread here, inside this one).
        let order = Self.rules.indices.sorted { (Self.startsEarly(Self.rules[$0]), $1) > (Self.startsEarly(Self.rules[$1]), $0) }
        let results = order.parallelMap { Self.rules[$0].check(context) }
        var byRule = [[Diagnostic]](repeating: [], count: results.count)
        for (rule, diagnostics) in zip(order, results) { byRule[rule] = diagnostics }
        // The context's lists (a copy of every action and public text) are freed on another
        // thread, beside whatever the caller does next with the diagnostics. The context is
        // moved into the carrier, so that thread lets go of it last whenever it runs.
        if parallelismAllowed {
            let carrier = Carrier(consume context)
            DispatchQueue.global().async { carrier.value = nil }
        }
        return byRule.flatMap { $0 }
    }
}

extension Site {
    /// Every action with the title of the document whose plan holds it.
    var actionsWithDocuments: [(action: Action, document: String)] {
        audits.flatMap { a in a.actions.map { ($0, a.title) } }
            + reviews.flatMap { r in r.actions.map { ($0, r.title) } }
            + scrutiny.flatMap { s in s.actions.map { ($0, s.title) } }
    }

    var allRecommendations: [(recommendations: [Recommendation], actions: [Action])] {
        audits.map { ($0.recommendations, $0.actions) }
            + reviews.map { ($0.recommendations, $0.actions) }
            + scrutiny.map { ($0.recommendations, $0.actions) }
    }
}
