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
///
/// An action has fourteen fields, most of them strings, and validation and the website copy
/// actions often (into lists of actions with their documents, tracker rows and filters by
/// audience). So its fields live in one shared `Storage` object, and a copy costs one
/// reference count instead of one per field. It is still a value: changing a field of an
/// action whose storage is shared copies the storage first.
public struct Action: Sendable {
    @usableFromInline final class Storage: @unchecked Sendable {
        @usableFromInline var id: String
        @usableFromInline var text: String
        @usableFromInline var recommendation: Reference?
        @usableFromInline var ownerAgency: Reference?
        @usableFromInline var ownerRole: String
        @usableFromInline var due: Day?
        @usableFromInline var history: [StatusUpdate]
        @usableFromInline var currentStatus: ActionStatus
        @usableFromInline var evidenceOfImpact: String
        @usableFromInline var audience: Audience
        @usableFromInline var location: SourceLocation
        @usableFromInline var textLocation: SourceLocation
        @usableFromInline var evidenceLocation: SourceLocation
        @usableFromInline var unreadKeys: Set<String>

        @usableFromInline init(id: String, text: String, recommendation: Reference?, ownerAgency: Reference?, ownerRole: String, due: Day?, history: [StatusUpdate], currentStatus: ActionStatus, evidenceOfImpact: String, audience: Audience, location: SourceLocation, textLocation: SourceLocation, evidenceLocation: SourceLocation, unreadKeys: Set<String>) {
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
            self.textLocation = textLocation
            self.evidenceLocation = evidenceLocation
            self.unreadKeys = unreadKeys
        }

        @usableFromInline func copy() -> Storage {
            Storage(id: id, text: text, recommendation: recommendation, ownerAgency: ownerAgency, ownerRole: ownerRole, due: due, history: history, currentStatus: currentStatus, evidenceOfImpact: evidenceOfImpact, audience: audience, location: location, textLocation: textLocation, evidenceLocation: evidenceLocation, unreadKeys: unreadKeys)
        }
    }

    @usableFromInline var storage: Storage

    /// The storage, copied first if another action shares it.
    @inlinable mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    @inlinable public var id: String {
        get { storage.id }
        _modify { yield &uniqueStorage().id }
    }
    @inlinable public var text: String {
        get { storage.text }
        _modify { yield &uniqueStorage().text }
    }
    @inlinable public var recommendation: Reference? {
        get { storage.recommendation }
        _modify { yield &uniqueStorage().recommendation }
    }
    @inlinable public var ownerAgency: Reference? {
        get { storage.ownerAgency }
        _modify { yield &uniqueStorage().ownerAgency }
    }
    @inlinable public var ownerRole: String {
        get { storage.ownerRole }
        _modify { yield &uniqueStorage().ownerRole }
    }
    @inlinable public var due: Day? {
        get { storage.due }
        _modify { yield &uniqueStorage().due }
    }
    /// Dated history, oldest first. Empty when the file records only a current `status`.
    @inlinable public var history: [StatusUpdate] {
        get { storage.history }
        _modify { yield &uniqueStorage().history }
    }
    @inlinable public var currentStatus: ActionStatus {
        get { storage.currentStatus }
        _modify { yield &uniqueStorage().currentStatus }
    }
    @inlinable public var evidenceOfImpact: String {
        get { storage.evidenceOfImpact }
        _modify { yield &uniqueStorage().evidenceOfImpact }
    }
    @inlinable public var audience: Audience {
        get { storage.audience }
        _modify { yield &uniqueStorage().audience }
    }
    @inlinable public var location: SourceLocation {
        get { storage.location }
        _modify { yield &uniqueStorage().location }
    }
    /// Where the text starts in its file, for problems found inside it (a broken link); the
    /// action's own location when not known.
    @inlinable public var textLocation: SourceLocation {
        get { storage.textLocation }
        _modify { yield &uniqueStorage().textLocation }
    }
    /// Where the evidence of impact starts in its file; the action's own location when not known.
    @inlinable public var evidenceLocation: SourceLocation {
        get { storage.evidenceLocation }
        _modify { yield &uniqueStorage().evidenceLocation }
    }
    /// Keys that were written but could not be read (misspelt or invalid). Their diagnostics are
    /// already raised, so rules do not also call them missing.
    @inlinable public var unreadKeys: Set<String> {
        get { storage.unreadKeys }
        _modify { yield &uniqueStorage().unreadKeys }
    }

    public init(id: String, text: String, recommendation: Reference? = nil, ownerAgency: Reference? = nil, ownerRole: String, due: Day? = nil, history: [StatusUpdate], currentStatus: ActionStatus, evidenceOfImpact: String, audience: Audience, location: SourceLocation,
                textLocation: SourceLocation? = nil, evidenceLocation: SourceLocation? = nil, unreadKeys: Set<String> = []) {
        storage = Storage(id: id, text: text, recommendation: recommendation, ownerAgency: ownerAgency, ownerRole: ownerRole, due: due,
                          history: history, currentStatus: currentStatus, evidenceOfImpact: evidenceOfImpact, audience: audience,
                          location: location, textLocation: textLocation ?? location, evidenceLocation: evidenceLocation ?? location,
                          unreadKeys: unreadKeys)
    }

    /// The status as it stood at the end of `day`, from the dated history when there is one.
    public func status(asOf day: Day) -> ActionStatus? {
        let history = self.history
        if history.isEmpty { return currentStatus }
        // The latest status by then, read in place: `last(where:)` would copy each entry.
        var index = history.endIndex
        while index > history.startIndex {
            index -= 1
            if history[index].date <= day { return history[index].status }
        }
        return nil
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

/// A multi-agency audit: its scope and method, findings, recommendations and action plan.
///
/// An audit is the largest item of the model, and lists of audits are copied and filtered
/// by many rules and pages. Its fields live in one shared `Fields` box, so a copy costs one
/// reference count instead of one for each of its texts and lists. It is still a value:
/// changing a field of an audit whose box is shared copies the box first.
@dynamicMemberLookup
public struct Audit: Sendable {
    public struct Fields: Sendable {

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

    }

    @usableFromInline final class Box: @unchecked Sendable {
        @usableFromInline var fields: Fields
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var box: Box

    @inlinable public subscript<T>(dynamicMember key: WritableKeyPath<Fields, T>) -> T {
        get { box.fields[keyPath: key] }
        _modify { yield &unique().fields[keyPath: key] }
    }

    // Spelt out for the protocols that ask for them (a dynamic member does not count).
    @inlinable public var findings: [Finding] {
        get { box.fields.findings }
        _modify { yield &unique().fields.findings }
    }

    @inlinable public var recommendations: [Recommendation] {
        get { box.fields.recommendations }
        _modify { yield &unique().fields.recommendations }
    }

    @inlinable public var actions: [Action] {
        get { box.fields.actions }
        _modify { yield &unique().fields.actions }
    }

    @inlinable public var source: SourceFile { box.fields.source }

    /// The box, copied first if another audit shares it.
    @inlinable mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    public init(id: String, title: String, kind: ActivityKind, activity: Reference? = nil, contentArea: Reference? = nil, priorities: [Reference], agencies: [Reference], lead: Reference? = nil, date: Day, reported: Day? = nil, reaudit: Day? = nil, summary: String, termsOfReference: [String], method: AuditMethod, findings: [Finding], recommendations: [Recommendation], actions: [Action], sharing: String, briefing: BriefingContent? = nil, body: String, source: SourceFile, location: SourceLocation) {
        box = Box(Fields(id: id, title: title, kind: kind, activity: activity, contentArea: contentArea, priorities: priorities, agencies: agencies, lead: lead, date: date, reported: reported, reaudit: reaudit, summary: summary, termsOfReference: termsOfReference, method: method, findings: findings, recommendations: recommendations, actions: actions, sharing: sharing, briefing: briefing, body: body, source: source, location: location))
    }
}
