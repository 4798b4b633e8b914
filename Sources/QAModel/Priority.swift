import QADiagnostics

/// A business-plan priority: "Priority 3: Reducing neglect — lead: City Council".
public struct Priority: Sendable {
    public var id: String
    public var number: Int
    public var title: String
    public var lead: Reference
    public var planStart: Day
    public var planEnd: Day
    public var whatGoodLooksLike: [String]
    public var measures: [Reference]
    public var contentAreas: [Reference]
    public var summary: String
    public var body: String
    public var source: SourceFile
    public var location: SourceLocation

    public init(id: String, number: Int, title: String, lead: Reference, planStart: Day, planEnd: Day, whatGoodLooksLike: [String], measures: [Reference], contentAreas: [Reference], summary: String, body: String, source: SourceFile, location: SourceLocation) {
        self.id = id
        self.number = number
        self.title = title
        self.lead = lead
        self.planStart = planStart
        self.planEnd = planEnd
        self.whatGoodLooksLike = whatGoodLooksLike
        self.measures = measures
        self.contentAreas = contentAreas
        self.summary = summary
        self.body = body
        self.source = source
        self.location = location
    }
}

/// The kind of content area that quality assurance concentrates on.
public enum ContentAreaKind: String, Sendable, CaseIterable {
    case priorityServiceArea = "priority-service-area", vulnerableGroup = "vulnerable-group"
    case specificRisk = "specific-risk", partnershipWorking = "partnership-working"
    case organisational
}

public enum InformationSource: String, Sendable, CaseIterable {
    case childrenAndFamilies = "children-and-families", frontlineStaff = "frontline-staff"
    case caseRecords = "case-records", organisationalData = "organisational-data"

    public var label: String {
        switch self {
        case .childrenAndFamilies: return "Experience of children and families"
        case .frontlineStaff: return "Experience of front-line staff"
        case .caseRecords: return "Case records (audits)"
        case .organisationalData: return "Organisational data"
        }
    }
}

/// A content area measured with the three Outcomes Based Accountability questions.
public struct ContentArea: Sendable {
    public var id: String
    public var title: String
    public var kind: ContentAreaKind
    public var outcome: String
    public var priorities: [Reference]
    public var howMuch: [String]
    public var howWell: [String]
    public var betterOff: [String]
    public var sources: [SourceOfInformation]
    public var body: String
    public var source: SourceFile
    public var location: SourceLocation

    public init(id: String, title: String, kind: ContentAreaKind, outcome: String, priorities: [Reference], howMuch: [String], howWell: [String], betterOff: [String], sources: [SourceOfInformation], body: String, source: SourceFile, location: SourceLocation) {
        self.id = id
        self.title = title
        self.kind = kind
        self.outcome = outcome
        self.priorities = priorities
        self.howMuch = howMuch
        self.howWell = howWell
        self.betterOff = betterOff
        self.sources = sources
        self.body = body
        self.source = source
        self.location = location
    }
}

public struct SourceOfInformation: Hashable, Sendable {
    public var kind: InformationSource
    public var detail: String

    public init(kind: InformationSource, detail: String) {
        self.kind = kind
        self.detail = detail
    }
}
