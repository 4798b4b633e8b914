import QADiagnostics

public struct Agency: Hashable, Sendable {
    public enum Role: String, Sendable, CaseIterable { case safeguardingPartner = "safeguarding-partner", education, relevantAgency = "relevant-agency" }
    public var id: String
    public var name: String
    public var shortName: String?
    public var role: Role
    public var location: SourceLocation

    public init(id: String, name: String, shortName: String? = nil, role: Role, location: SourceLocation) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.role = role
        self.location = location
    }
}

public struct Subgroup: Hashable, Sendable {
    public var id: String
    public var name: String
    public var chair: Reference?
    public var remit: String
    public var location: SourceLocation

    public init(id: String, name: String, chair: Reference? = nil, remit: String, location: SourceLocation) {
        self.id = id
        self.name = name
        self.chair = chair
        self.remit = remit
        self.location = location
    }
}

public struct Person: Hashable, Sendable {
    public var name: String
    public var role: String?
    public var agency: Reference?

    public init(name: String, role: String? = nil, agency: Reference? = nil) {
        self.name = name
        self.role = role
        self.agency = agency
    }
}

public struct Value: Hashable, Sendable {
    public var title: String
    public var description: String

    public init(title: String, description: String) {
        self.title = title
        self.description = description
    }
}

public struct Partnership: Sendable {
    public var name: String
    public var shortName: String
    public var area: String
    public var vision: String
    public var values: [Value]
    public var agencies: [Agency]
    public var subgroups: [Subgroup]
    public var scrutineers: [Person]
    public var layMembers: [Person]
    public var contact: Contact
    public var logo: String?
    public var body: String
    public var source: SourceFile

    public init(name: String, shortName: String, area: String, vision: String, values: [Value], agencies: [Agency], subgroups: [Subgroup], scrutineers: [Person], layMembers: [Person], contact: Contact, logo: String? = nil, body: String, source: SourceFile) {
        self.name = name
        self.shortName = shortName
        self.area = area
        self.vision = vision
        self.values = values
        self.agencies = agencies
        self.subgroups = subgroups
        self.scrutineers = scrutineers
        self.layMembers = layMembers
        self.contact = contact
        self.logo = logo
        self.body = body
        self.source = source
    }

    public struct Contact: Hashable, Sendable {
        public var email: String?
        public var phone: String?
        public var worriedAboutAChild: String?

        public init(email: String? = nil, phone: String? = nil, worriedAboutAChild: String? = nil) {
            self.email = email
            self.phone = phone
            self.worriedAboutAChild = worriedAboutAChild
        }
    }
}

/// The file a document came from, for diagnostics and "last updated".
public struct SourceFile: Hashable, Sendable {
    /// The file's number in `SourcePaths`: a source is copied with every item made from it,
    /// and a number costs no reference counting.
    public private(set) var file: SourcePaths.Number
    public var audience: Audience
    public var updated: Day?
    /// The line of the file where the Markdown body starts.
    public var bodyLine: Int

    public init(path: String, audience: Audience = .public, updated: Day? = nil, bodyLine: Int = 1) {
        file = SourcePaths.shared.number(path)
        self.audience = audience
        self.updated = updated
        self.bodyLine = bodyLine
    }

    public var path: String {
        get { SourcePaths.shared.path(file) }
        set { file = SourcePaths.shared.number(newValue) }
    }

    public var location: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    /// Where the Markdown body starts.
    public var bodyLocation: SourceLocation { SourceLocation(file: file, line: bodyLine, column: 1) }
}
