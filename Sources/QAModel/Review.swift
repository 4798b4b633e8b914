import QADiagnostics

public enum ReviewKind: String, Sendable, CaseIterable {
    case rapidReview = "rapid-review", localCSPR = "local-cspr", nationalReview = "national-review"
    case childDeathReview = "child-death-review"

    public var label: String {
        switch self {
        case .rapidReview: return "Rapid review"
        case .localCSPR: return "Local child safeguarding practice review"
        case .nationalReview: return "National review"
        case .childDeathReview: return "Child death review"
        }
    }
}

/// A rapid review, local or national practice review: learning, recommendations and actions.
public struct Review: Sendable {
    public var id: String
    public var title: String
    public var kind: ReviewKind
    public var date: Day
    public var published: Day?
    public var decision: String
    public var priorities: [Reference]
    public var summary: String
    public var learning: [String]
    public var findings: [Finding]
    public var recommendations: [Recommendation]
    public var actions: [Action]
    public var briefing: BriefingContent?
    public var body: String
    public var source: SourceFile
    public var location: SourceLocation

    public init(id: String, title: String, kind: ReviewKind, date: Day, published: Day? = nil, decision: String, priorities: [Reference], summary: String, learning: [String], findings: [Finding], recommendations: [Recommendation], actions: [Action], briefing: BriefingContent? = nil, body: String, source: SourceFile, location: SourceLocation) {
        self.id = id
        self.title = title
        self.kind = kind
        self.date = date
        self.published = published
        self.decision = decision
        self.priorities = priorities
        self.summary = summary
        self.learning = learning
        self.findings = findings
        self.recommendations = recommendations
        self.actions = actions
        self.briefing = briefing
        self.body = body
        self.source = source
        self.location = location
    }
}

/// An independent scrutineer's report.
public struct ScrutinyReport: Sendable {
    public var id: String
    public var title: String
    public var author: String
    public var date: Day
    public var scope: String
    public var priorities: [Reference]
    public var summary: String
    public var findings: [Finding]
    public var recommendations: [Recommendation]
    public var actions: [Action]
    public var body: String
    public var source: SourceFile
    public var location: SourceLocation

    public init(id: String, title: String, author: String, date: Day, scope: String, priorities: [Reference], summary: String, findings: [Finding], recommendations: [Recommendation], actions: [Action], body: String, source: SourceFile, location: SourceLocation) {
        self.id = id
        self.title = title
        self.author = author
        self.date = date
        self.scope = scope
        self.priorities = priorities
        self.summary = summary
        self.findings = findings
        self.recommendations = recommendations
        self.actions = actions
        self.body = body
        self.source = source
        self.location = location
    }
}
