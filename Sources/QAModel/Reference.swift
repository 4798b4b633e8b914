import QADiagnostics

/// What kind of thing an id names. Ids are unique within a kind's namespace.
public enum ItemKind: String, Sendable, CaseIterable, Hashable {
    case agency, subgroup, priority, contentArea = "content area", activity = "programme activity"
    case audit, finding, recommendation, action, indicator, review, scrutiny = "scrutiny report"
    case briefing, page, report = "annual report", term = "glossary term"

    public var plural: String {
        switch self {
        case .priority: return "priorities"
        case .activity: return "programme activities"
        case .agency: return "agencies"
        default: return rawValue + "s"
        }
    }
}

/// An id written in content that should name an item of `kind`, with where it was written.
public struct Reference: Hashable, Sendable {
    public var id: String
    public var kind: ItemKind
    public var location: SourceLocation

    public init(_ id: String, _ kind: ItemKind, at location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.location = location
    }
}

/// Who may read a document or an item. Narrower audiences never reach wider builds.
public enum Audience: String, Sendable, CaseIterable, Comparable {
    case `public`, partners, `internal`

    var rank: Int { Audience.allCases.firstIndex(of: self)! }
    public static func < (a: Audience, b: Audience) -> Bool { a.rank < b.rank }
}

/// Red, amber, green and blue (complete), always shown with its words.
public enum ActionStatus: String, Sendable, CaseIterable {
    case notStarted = "not-started", red, amber, green, complete

    public var label: String {
        switch self {
        case .notStarted: return "Not started"
        case .red: return "Red: off track"
        case .amber: return "Amber: at risk"
        case .green: return "Green: on track"
        case .complete: return "Blue: complete"
        }
    }
}
