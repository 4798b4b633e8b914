import QADiagnostics

/// A free page: about, contact, accessibility statement, the QA framework…
public struct Page: Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var order: Int
    public var body: String
    public var source: SourceFile
    public var location: SourceLocation

    public init(id: String, title: String, summary: String, order: Int, body: String, source: SourceFile, location: SourceLocation) {
        self.id = id
        self.title = title
        self.summary = summary
        self.order = order
        self.body = body
        self.source = source
        self.location = location
    }
}

public struct GlossaryTerm: Sendable {
    public var term: String
    public var meaning: String
    public var location: SourceLocation

    public init(term: String, meaning: String, location: SourceLocation) {
        self.term = term
        self.meaning = meaning
        self.location = location
    }
}

public struct Signatory: Sendable {
    public var name: String
    public var role: String
    public var agency: Reference?
    public var date: Day?

    public init(name: String, role: String, agency: Reference? = nil, date: Day? = nil) {
        self.name = name
        self.role = role
        self.agency = agency
        self.date = date
    }
}

public struct BudgetLine: Sendable {
    public var agency: Reference?
    public var label: String
    public var contribution: Double
    public var location: SourceLocation

    public init(agency: Reference? = nil, label: String, contribution: Double, location: SourceLocation) {
        self.agency = agency
        self.label = label
        self.contribution = contribution
        self.location = location
    }
}

public enum ReportStatus: String, Sendable, CaseIterable { case draft, approved }

/// The annual report's own file: its period, status, sign-off and the narrative people write.
public struct AnnualReport: Sendable {
    public var id: String
    public var title: String
    public var year: FinancialYear
    public var periodStart: Day
    public var periodEnd: Day
    public var status: ReportStatus
    public var signedOff: [Signatory]
    public var foreword: String
    public var keyMessages: String
    public var voiceOfChildren: String
    public var training: String
    public var budgetCommentary: String
    public var scrutineerStatement: String
    public var nextPriorities: String
    public var budget: [BudgetLine]
    public var body: String
    public var source: SourceFile
    public var location: SourceLocation

    public init(id: String, title: String, year: FinancialYear, periodStart: Day, periodEnd: Day, status: ReportStatus, signedOff: [Signatory], foreword: String, keyMessages: String, voiceOfChildren: String, training: String, budgetCommentary: String, scrutineerStatement: String, nextPriorities: String, budget: [BudgetLine], body: String, source: SourceFile, location: SourceLocation) {
        self.id = id
        self.title = title
        self.year = year
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.status = status
        self.signedOff = signedOff
        self.foreword = foreword
        self.keyMessages = keyMessages
        self.voiceOfChildren = voiceOfChildren
        self.training = training
        self.budgetCommentary = budgetCommentary
        self.scrutineerStatement = scrutineerStatement
        self.nextPriorities = nextPriorities
        self.budget = budget
        self.body = body
        self.source = source
        self.location = location
    }
}
