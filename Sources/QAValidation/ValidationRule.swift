import Dispatch
import QADiagnostics
import QAModel

/// One check across the content. Each rule lives in its own file under Rules/ and is
/// registered in `Validator.rules`.
public protocol ValidationRule: Sendable {
    func check(_ context: ValidationContext) -> [Diagnostic]
    /// The rule as a rule in parts, when it is one (found through the rule's own witness, not
    /// a cast, which the first time for each type searches every conformance of the program).
    var inParts: (any PartedValidationRule)? { get }
}

extension ValidationRule {
    public var inParts: (any PartedValidationRule)? { nil }
}

/// A rule whose work divides into parts that can run at the same time. The validator runs
/// the parts beside the other rules, on every core: a rule that spread its own work with
/// `parallelMap` would get only its one thread there, since the rules already run inside one.
public protocol PartedValidationRule: ValidationRule {
    /// How many parts the check of this content has.
    func partCount(_ context: ValidationContext) -> Int
    /// Part `part` of `count`: its diagnostics, in order.
    func check(part: Int, of count: Int, _ context: ValidationContext) -> [Diagnostic]
    /// The rule's diagnostics from those of its parts, given in order.
    func joined(_ parts: [[Diagnostic]]) -> [Diagnostic]
}

extension PartedValidationRule {
    public var inParts: (any PartedValidationRule)? { self }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let count = partCount(context)
        return joined(Array(0..<count).parallelMap { check(part: $0, of: count, context) })
    }
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
        // A rule in parts is as many tasks as it has parts.
        let order = Self.rules.indices.sorted { (Self.startsEarly(Self.rules[$0]), $1) > (Self.startsEarly(Self.rules[$1]), $0) }
        var tasks: [(rule: Int, part: Int, of: Int)] = []
        for rule in order {
            let count = Self.rules[rule].inParts?.partCount(context) ?? 1
            tasks += (0..<count).map { (rule, $0, count) }
        }
        let results = tasks.parallelMap { task -> [Diagnostic] in
            guard let parted = Self.rules[task.rule].inParts else { return Self.rules[task.rule].check(context) }
            return parted.check(part: task.part, of: task.of, context)
        }
        var parts = [[[Diagnostic]]](repeating: [], count: Self.rules.count)
        for (task, diagnostics) in zip(tasks, results) { parts[task.rule].append(diagnostics) }
        let byRule = parts.indices.map { rule in
            Self.rules[rule].inParts?.joined(parts[rule]) ?? parts[rule].flatMap { $0 }
        }
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
