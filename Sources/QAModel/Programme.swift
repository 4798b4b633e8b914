import QADiagnostics

/// The kinds of quality-assurance activity a partnership runs.
public enum ActivityKind: String, Sendable, CaseIterable {
    case multiAgencyAudit = "multi-agency-audit", singleAgencyAudit = "single-agency-audit"
    case section11 = "section-11-audit", section175 = "section-175-audit", deepDive = "deep-dive"
    case dipSample = "dip-sample", peerReview = "peer-review", practiceObservation = "practice-observation"
    case scrutinyLearningEvent = "scrutiny-learning-event", survey = "survey", focusGroup = "focus-group"
    case reAudit = "re-audit"

    public var label: String {
        switch self {
        case .multiAgencyAudit: return "Multi-agency audit"
        case .singleAgencyAudit: return "Single-agency audit"
        case .section11: return "Section 11 audit"
        case .section175: return "Section 175/157 audit"
        case .deepDive: return "Deep dive"
        case .dipSample: return "Dip sample"
        case .peerReview: return "Peer review"
        case .practiceObservation: return "Practice observation"
        case .scrutinyLearningEvent: return "Scrutiny learning event"
        case .survey: return "Survey"
        case .focusGroup: return "Focus group"
        case .reAudit: return "Re-audit"
        }
    }
}

public enum ActivityStatus: String, Sendable, CaseIterable {
    case planned, inProgress = "in-progress", done, postponed, cancelled
}

/// One row of the year's QA programme: what, when (quarter and dates), who leads it.
public struct ProgrammeActivity: Sendable {
    public var id: String
    public var title: String
    public var kind: ActivityKind
    public var quarter: Int
    public var contentArea: Reference?
    public var priorities: [Reference]
    public var lead: Reference
    public var dates: [Day]
    public var deadline: Day?
    public var status: ActivityStatus
    public var audit: Reference?
    public var note: String
    public var audience: Audience
    public var location: SourceLocation

    public init(id: String, title: String, kind: ActivityKind, quarter: Int, contentArea: Reference? = nil, priorities: [Reference], lead: Reference, dates: [Day], deadline: Day? = nil, status: ActivityStatus, audit: Reference? = nil, note: String, audience: Audience, location: SourceLocation) {
        self.id = id
        self.title = title
        self.kind = kind
        self.quarter = quarter
        self.contentArea = contentArea
        self.priorities = priorities
        self.lead = lead
        self.dates = dates
        self.deadline = deadline
        self.status = status
        self.audit = audit
        self.note = note
        self.audience = audience
        self.location = location
    }
}

public struct Programme: Sendable {
    public var year: FinancialYear
    public var title: String
    public var activities: [ProgrammeActivity]
    public var source: SourceFile
    public var location: SourceLocation

    public init(year: FinancialYear, title: String, activities: [ProgrammeActivity], source: SourceFile, location: SourceLocation) {
        self.year = year
        self.title = title
        self.activities = activities
        self.source = source
        self.location = location
    }
}
