import QADiagnostics

public enum FindingKind: String, Sendable, CaseIterable {
    case strength, areaForDevelopment = "area-for-development", voiceOfChild = "voice-of-the-child"
}

public struct Finding: Sendable {
    public var id: String
    public var kind: FindingKind
    public var text: String
    public var audience: Audience
    public var location: SourceLocation

    public init(id: String, kind: FindingKind, text: String, audience: Audience, location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.text = text
        self.audience = audience
        self.location = location
    }
}

public struct Recommendation: Sendable {
    public var id: String
    public var number: Int
    public var text: String
    public var findings: [Reference]
    public var audience: Audience
    public var location: SourceLocation

    public init(id: String, number: Int, text: String, findings: [Reference], audience: Audience, location: SourceLocation) {
        self.id = id
        self.number = number
        self.text = text
        self.findings = findings
        self.audience = audience
        self.location = location
    }
}

/// A dated entry in an action's status history.
public struct StatusUpdate: Sendable {
    public var date: Day
    public var status: ActionStatus
    public var note: String
    public var location: SourceLocation

    public init(date: Day, status: ActionStatus, note: String, location: SourceLocation) {
        self.date = date
        self.status = status
        self.note = note
        self.location = location
    }
}

/// One line of an action plan.
public struct Action: Sendable {
    public var id: String
    public var text: String
    public var recommendation: Reference?
    public var ownerAgency: Reference?
    public var ownerRole: String
    public var due: Day?
    /// Dated history, oldest first. Empty when the file records only a current `status`.
    public var history: [StatusUpdate]
    public var currentStatus: ActionStatus
    public var evidenceOfImpact: String
    public var audience: Audience
    public var location: SourceLocation
    /// Where the text and the evidence of impact start in their file, for problems found
    /// inside them (a broken link); the action's own location when not known.
    public var textLocation: SourceLocation
    public var evidenceLocation: SourceLocation
    /// Keys that were written but could not be read (misspelt or invalid). Their diagnostics
    /// are already raised, so rules do not also call them missing.
    public var unreadKeys: Set<String>

    public init(id: String, text: String, recommendation: Reference? = nil, ownerAgency: Reference? = nil, ownerRole: String, due: Day? = nil, history: [StatusUpdate], currentStatus: ActionStatus, evidenceOfImpact: String, audience: Audience, location: SourceLocation,
                textLocation: SourceLocation? = nil, evidenceLocation: SourceLocation? = nil, unreadKeys: Set<String> = []) {
        self.unreadKeys = unreadKeys
        self.textLocation = textLocation ?? location
        self.evidenceLocation = evidenceLocation ?? location
        self.id = id
        self.text = text
        self.recommendation = recommendation
        self.ownerAgency = ownerAgency
        self.ownerRole = ownerRole
        self.due = due
        self.history = history
        self.currentStatus = currentStatus
        self.evidenceOfImpact = evidenceOfImpact
        self.audience = audience
        self.location = location
    }

    /// The status as it stood at the end of `day`, from the dated history when there is one.
    public func status(asOf day: Day) -> ActionStatus? {
        if history.isEmpty { return currentStatus }
        return history.last(where: { $0.date <= day })?.status
    }

    public func isOverdue(asOf day: Day) -> Bool {
        guard let due, due < day, let status = status(asOf: day) else { return false }
        return status != .complete
    }
}

public struct AuditMethod: Sendable {
    public var sampleSize: Int?
    public var selection: String
    public var lookback: String
    public var tool: String
    public var grading: String

    public init(sampleSize: Int? = nil, selection: String, lookback: String, tool: String, grading: String) {
        self.sampleSize = sampleSize
        self.selection = selection
        self.lookback = lookback
        self.tool = tool
        self.grading = grading
    }
}

public struct Audit: Sendable {
    public var id: String
    public var title: String
    public var kind: ActivityKind
    public var activity: Reference?
    public var contentArea: Reference?
    public var priorities: [Reference]
    public var agencies: [Reference]
    public var lead: Reference?
    public var date: Day
    public var reported: Day?
    public var reaudit: Day?
    public var summary: String
    public var termsOfReference: [String]
    public var method: AuditMethod
    public var findings: [Finding]
    public var recommendations: [Recommendation]
    public var actions: [Action]
    public var sharing: String
    public var briefing: BriefingContent?
    public var body: String
    public var source: SourceFile
    public var location: SourceLocation

    public init(id: String, title: String, kind: ActivityKind, activity: Reference? = nil, contentArea: Reference? = nil, priorities: [Reference], agencies: [Reference], lead: Reference? = nil, date: Day, reported: Day? = nil, reaudit: Day? = nil, summary: String, termsOfReference: [String], method: AuditMethod, findings: [Finding], recommendations: [Recommendation], actions: [Action], sharing: String, briefing: BriefingContent? = nil, body: String, source: SourceFile, location: SourceLocation) {
        self.id = id
        self.title = title
        self.kind = kind
        self.activity = activity
        self.contentArea = contentArea
        self.priorities = priorities
        self.agencies = agencies
        self.lead = lead
        self.date = date
        self.reported = reported
        self.reaudit = reaudit
        self.summary = summary
        self.termsOfReference = termsOfReference
        self.method = method
        self.findings = findings
        self.recommendations = recommendations
        self.actions = actions
        self.sharing = sharing
        self.briefing = briefing
        self.body = body
        self.source = source
        self.location = location
    }
}
