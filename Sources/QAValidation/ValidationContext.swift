import QADiagnostics
import QAModel

/// What every rule reads: the site, the date "overdue" is judged against and an index of ids.
public struct ValidationContext: Sendable {
    public let site: Site
    public let asOf: Day
    /// The real date of the run, which can differ from `asOf` when an old date is checked.
    public let today: Day
    public let index: IDIndex
    /// Documents that could not be read at all. Their own diagnostic says why, so references
    /// to them are not reported a second time.
    public let unreadable: Set<UnreadableDocument>
    public let privacy: PrivacySettings
    public let briefings: BriefingSettings
    /// Document texts by path, so that a check can point at the exact line and column.
    public let sources: SourceTexts
    /// Every action with the title of the document whose plan holds it, made once for the
    /// rules that check actions. They read it by index: a `for` loop, `filter` or `flatMap`
    /// over it would copy each entry, retaining the action's storage and the title.
    public let actions: [(action: Action, document: String)]
    /// The site as the public sees it, with its texts, for the rules that read them.
    let publicContent: PublicContent
    /// The privacy scan's patterns, made once for all its parts. The partnership's own
    /// contact details are always allowed.
    let personalData: PersonalDataScanner

    public init(site: Site, asOf: Day, today: Day? = nil, unreadable: Set<UnreadableDocument> = [],
                privacy: PrivacySettings = PrivacySettings(), briefings: BriefingSettings = BriefingSettings(), sources: SourceTexts = SourceTexts()) {
        self.briefings = briefings
        self.privacy = privacy
        self.sources = sources
        self.site = site
        self.asOf = asOf
        self.today = max(today ?? asOf, asOf)
        self.unreadable = unreadable
        let contact = site.partnership?.contact
        personalData = PersonalDataScanner(settings: privacy, alsoAllow: [contact?.email, contact?.phone].compactMap { $0 })
        // What several rules read is made once, the three side by side.
        (self.index, self.actions, self.publicContent) = inParallel({ IDIndex(site) }, { site.actionsWithDocuments }, { PublicContent(site) })
    }
}

/// Every id defined in the content, by kind, in the order they were defined.
public struct IDIndex: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var location: SourceLocation
    }

    /// Per kind, by `ItemKind.ordinal`: every entry in the order added, the first entry of
    /// each id in lower case, and each later entry of an id with the first.
    private var entries = [[Entry]](repeating: [], count: ItemKind.allCases.count)
    private var lookup = [[String: Entry]](repeating: [:], count: ItemKind.allCases.count)
    private var repeats = [[(entry: Entry, first: Entry)]](repeating: [], count: ItemKind.allCases.count)

    init(_ site: Site) {
        // Room for every id of the kinds with the most, counted first, so that the tables do
        // not grow one doubling at a time.
        var findings = 0, recommendations = 0, actions = 0
        func count(_ document: some ActionPlanDocument) {
            findings += document.findings.count
            recommendations += document.recommendations.count
            actions += document.actions.count
        }
        site.audits.forEach(count)
        site.reviews.forEach(count)
        site.scrutiny.forEach(count)
        lookup[ItemKind.audit.ordinal].reserveCapacity(site.audits.count)
        lookup[ItemKind.finding.ordinal].reserveCapacity(findings)
        lookup[ItemKind.recommendation.ordinal].reserveCapacity(recommendations)
        lookup[ItemKind.action.ordinal].reserveCapacity(actions)
        lookup[ItemKind.indicator.ordinal].reserveCapacity(site.indicators.count)
        // Items are read in place by index: a `for` loop would copy each whole item (and
        // retain every text it holds) to read two of its fields.
        if let p = site.partnership {
            for i in p.agencies.indices { add(.agency, p.agencies[i].id, p.agencies[i].location) }
            for i in p.subgroups.indices { add(.subgroup, p.subgroups[i].id, p.subgroups[i].location) }
        }
        for i in site.priorities.indices { add(.priority, site.priorities[i].id, site.priorities[i].location) }
        for i in site.contentAreas.indices { add(.contentArea, site.contentAreas[i].id, site.contentAreas[i].location) }
        for p in site.programmes.indices { for i in site.programmes[p].activities.indices { add(.activity, site.programmes[p].activities[i].id, site.programmes[p].activities[i].location) } }
        for i in site.indicators.indices { add(.indicator, site.indicators[i].id, site.indicators[i].location) }
        for i in site.briefings.indices { add(.briefing, site.briefings[i].id, site.briefings[i].location) }
        for i in site.pages.indices { add(.page, site.pages[i].id, site.pages[i].location) }
        for i in site.reports.indices { add(.report, site.reports[i].id, site.reports[i].location) }
        for a in site.audits.indices {
            add(.audit, site.audits[a].id, site.audits[a].location)
            addItems(of: site.audits[a])
        }
        for r in site.reviews.indices {
            add(.review, site.reviews[r].id, site.reviews[r].location)
            addItems(of: site.reviews[r])
        }
        for s in site.scrutiny.indices {
            add(.scrutiny, site.scrutiny[s].id, site.scrutiny[s].location)
            addItems(of: site.scrutiny[s])
        }
    }

    private mutating func addItems(of document: some ActionPlanDocument) {
        for i in document.findings.indices { add(.finding, document.findings[i].id, document.findings[i].location) }
        for i in document.recommendations.indices { add(.recommendation, document.recommendations[i].id, document.recommendations[i].location) }
        for i in document.actions.indices { add(.action, document.actions[i].id, document.actions[i].location) }
    }

    private mutating func add(_ kind: ItemKind, _ id: String, _ location: SourceLocation) {
        guard !id.isEmpty else { return }
        let entry = Entry(id: id, location: location)
        let place = kind.ordinal
        entries[place].append(entry)
        // One lookup: the entry goes in when its id is new, else the first one is kept.
        let known = lookup[place].count
        let first = Self.firstOf(&lookup[place][Self.folded(id), default: entry])
        if lookup[place].count == known { repeats[place].append((entry, first)) }
    }

    /// The entry in a dictionary's slot, which a `default:` subscript fills when empty.
    private static func firstOf(_ slot: inout Entry) -> Entry { slot }

    /// Each entry of `kind` whose id (in lower case) an earlier entry already has, with that
    /// earlier entry, in the order the site lists them.
    public func repeated(_ kind: ItemKind) -> [(entry: Entry, first: Entry)] { repeats[kind.ordinal] }

    /// `id` in lower case; the id itself when it has no capitals, as almost every id has,
    /// so that no new string is made.
    public static func folded(_ id: String) -> String {
        var text = id
        let hasCapitals = text.withUTF8 { bytes in bytes.contains { $0 &- UInt8(ascii: "A") < 26 || $0 >= 0x80 } }
        return hasCapitals ? id.lowercased() : id
    }

    /// The entry an id names, matching exactly.
    public func resolve(_ id: String, _ kind: ItemKind) -> Entry? {
        guard let entry = lookup[kind.ordinal][Self.folded(id)], entry.id == id else { return nil }
        return entry
    }

    /// The entry an id names when only its letter case differs.
    public func caseInsensitiveMatch(_ id: String, _ kind: ItemKind) -> Entry? { lookup[kind.ordinal][Self.folded(id)] }

    public func ids(_ kind: ItemKind) -> [String] { entries[kind.ordinal].map(\.id) }
}

extension ItemKind {
    /// The kind's place among `allCases`, found without hashing its name (a kind's hash is
    /// its raw value's).
    var ordinal: Int {
        switch self {
        case .agency: 0
        case .subgroup: 1
        case .priority: 2
        case .contentArea: 3
        case .activity: 4
        case .audit: 5
        case .finding: 6
        case .recommendation: 7
        case .action: 8
        case .indicator: 9
        case .review: 10
        case .scrutiny: 11
        case .briefing: 12
        case .page: 13
        case .report: 14
        case .term: 15
        }
    }
}

/// A document whose file could not be split or parsed, named by the id its file name gives it.
public struct UnreadableDocument: Hashable, Sendable {
    public var kind: ItemKind
    public var id: String

    public init(kind: ItemKind, id: String) {
        self.kind = kind
        self.id = id
    }
}
