import QADiagnostics

public enum BriefingGroup: String, Sendable, CaseIterable {
    case localAudit = "local-audit", localReview = "local-review", nationalReview = "national-review", theme

    public var label: String {
        switch self {
        case .localAudit: return "Learning from local audits"
        case .localReview: return "Learning from local reviews"
        case .nationalReview: return "Learning from national reviews"
        case .theme: return "Other themes"
        }
    }
}

public struct Link: Hashable, Sendable {
    public var title: String
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

/// The seven sections of a 7-minute briefing, as written by its author. Sections left out
/// of an audit's or review's briefing are filled from that audit's or review's own data.
public struct BriefingContent: Sendable {
    public var background: String?
    public var whyItMatters: String?
    public var whatWeDid: String?
    public var strengths: String?
    public var areasForDevelopment: String?
    public var whatItMeansForYou: String?
    public var questions: [String]
    public var furtherInformation: [Link]
    public var contacts: String?
    public var location: SourceLocation

    public init(location: SourceLocation) {
        self.location = location
        questions = []
        furtherInformation = []
    }
}

/// A 7-minute briefing written as its own file: a topic briefing or one about an audit or review.
public struct Briefing: Sendable {
    public var id: String
    public var title: String
    public var date: Day
    public var group: BriefingGroup
    public var about: Reference?
    public var priorities: [Reference]
    public var content: BriefingContent
    public var body: String
    public var source: SourceFile
    public var location: SourceLocation

    public init(id: String, title: String, date: Day, group: BriefingGroup, about: Reference? = nil, priorities: [Reference], content: BriefingContent, body: String, source: SourceFile, location: SourceLocation) {
        self.id = id
        self.title = title
        self.date = date
        self.group = group
        self.about = about
        self.priorities = priorities
        self.content = content
        self.body = body
        self.source = source
        self.location = location
    }
}
