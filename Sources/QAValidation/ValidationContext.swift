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
        // What several rules read is made once, side by side: the public content, the id
        // index in its groups of kinds (most of the ids are the plans' findings, actions and
        // recommendations, one job each) and the actions, the longest jobs first.
        let groups = IDIndex.groups.count
        let publicContent = Carrier<PublicContent>(), actions = Carrier<[(action: Action, document: String)]>()
        let tables = (0..<groups).map { _ in Carrier<[(kind: ItemKind, table: IDIndex.Table)]>() }
        _ = Array(0...groups + 1).parallelMap { job in
            switch job {
            case 0: publicContent.value = PublicContent(site)
            case 1...groups: tables[job - 1].value = IDIndex.tables(site, group: job - 1)
            default: actions.value = site.actionsWithDocuments
            }
        }
        self.publicContent = publicContent.value!
        self.actions = actions.value!
        index = IDIndex(groups: tables.map { $0.value! })
    }
}

/// Every id defined in the content, by kind, in the order they were defined.
public struct IDIndex: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var location: SourceLocation
    }

    /// One kind's ids: every entry in the order added, the first entry of each id in lower
    /// case, and each later entry of an id with the first.
    struct Table: Sendable {
        var entries: [Entry] = []
        var lookup: [String: Entry] = [:]
        var repeats: [(entry: Entry, first: Entry)] = []

        init(capacity: Int = 0) {
            entries.reserveCapacity(capacity)
            lookup.reserveCapacity(capacity)
        }

        mutating func add(_ id: String, _ location: SourceLocation) {
            guard !id.isEmpty else { return }
            let entry = Entry(id: id, location: location)
            entries.append(entry)
            // One lookup: the entry goes in when its id is new, else the first one is kept.
            let known = lookup.count
            let first = Self.firstOf(&lookup[IDIndex.folded(id), default: entry])
            if lookup.count == known { repeats.append((entry, first)) }
        }

        /// Adds each item's id, in order, with room made for all of them first. Items are read
        /// in place by index: a `for` loop would copy each whole item (and retain every text
        /// it holds) to read two of its fields.
        mutating func add<Item>(_ items: [Item], _ idAndPlace: (Item) -> (String, SourceLocation)) {
            entries.reserveCapacity(entries.count + items.count)
            lookup.reserveCapacity(lookup.count + items.count)
            for i in items.indices {
                let (id, location) = idAndPlace(items[i])
                add(id, location)
            }
        }

        /// The entry in a dictionary's slot, which a `default:` subscript fills when empty.
        private static func firstOf(_ slot: inout Entry) -> Entry { slot }
    }

    /// The tables by `ItemKind.ordinal`.
    private var tables: [Table]

    /// The kinds whose tables are built together, one group per job: the three kinds of an
    /// action plan have most of the ids, so each is a job of its own.
    static let groups: [[ItemKind]] = [[.finding], [.action], [.recommendation], ItemKind.allCases.filter { ![.finding, .action, .recommendation].contains($0) }]

    /// The index from the tables of every group (`tables(_:group:)`), in any order.
    init(groups: [[(kind: ItemKind, table: Table)]]) {
        tables = [Table](repeating: Table(), count: ItemKind.allCases.count)
        for group in groups { for (kind, table) in group { tables[kind.ordinal] = table } }
    }

    /// The tables of one group's kinds. Each kind's ids are added in the order the site
    /// lists them, whichever group it is in, so the index does not depend on the grouping.
    static func tables(_ site: Site, group: Int) -> [(kind: ItemKind, table: Table)] {
        let kinds = groups[group]
        var made: [(kind: ItemKind, table: Table)] = []
        for kind in kinds {
            var table = Table()
            switch kind {
            case .finding, .recommendation, .action:
                // Made with room for every id, counted first, so that the table does not
                // grow one doubling at a time.
                table = Table(capacity: planItemCount(kind, site.audits) + planItemCount(kind, site.reviews) + planItemCount(kind, site.scrutiny))
                addPlanItems(kind, site.audits, to: &table)
                addPlanItems(kind, site.reviews, to: &table)
                addPlanItems(kind, site.scrutiny, to: &table)
            case .agency: table.add(site.partnership?.agencies ?? []) { ($0.id, $0.location) }
            case .subgroup: table.add(site.partnership?.subgroups ?? []) { ($0.id, $0.location) }
            case .priority: table.add(site.priorities) { ($0.id, $0.location) }
            case .contentArea: table.add(site.contentAreas) { ($0.id, $0.location) }
            case .activity: for p in site.programmes.indices { table.add(site.programmes[p].activities) { ($0.id, $0.location) } }
            case .indicator: table.add(site.indicators) { ($0.id, $0.location) }
            case .briefing: table.add(site.briefings) { ($0.id, $0.location) }
            case .page: table.add(site.pages) { ($0.id, $0.location) }
            case .report: table.add(site.reports) { ($0.id, $0.location) }
            case .audit: table.add(site.audits) { ($0.id, $0.location) }
            case .review: table.add(site.reviews) { ($0.id, $0.location) }
            case .scrutiny: table.add(site.scrutiny) { ($0.id, $0.location) }
            case .term:
                break
            }
            made.append((kind, table))
        }
        return made
    }

    /// How many findings, recommendations or actions (`kind`) the documents' plans hold.
    private static func planItemCount<Document: ActionPlanDocument>(_ kind: ItemKind, _ documents: [Document]) -> Int {
        var total = 0
        for d in documents.indices {
            switch kind {
            case .finding: total += documents[d].findings.count
            case .recommendation: total += documents[d].recommendations.count
            default: total += documents[d].actions.count
            }
        }
        return total
    }

    /// Adds the documents' findings, recommendations or actions (`kind`), in order.
    private static func addPlanItems<Document: ActionPlanDocument>(_ kind: ItemKind, _ documents: [Document], to table: inout Table) {
        for d in documents.indices {
            switch kind {
            case .finding: for i in documents[d].findings.indices { table.add(documents[d].findings[i].id, documents[d].findings[i].location) }
            case .recommendation: for i in documents[d].recommendations.indices { table.add(documents[d].recommendations[i].id, documents[d].recommendations[i].location) }
            default: for i in documents[d].actions.indices { table.add(documents[d].actions[i].id, documents[d].actions[i].location) }
            }
        }
    }

    /// Each entry of `kind` whose id (in lower case) an earlier entry already has, with that
    /// earlier entry, in the order the site lists them.
    public func repeated(_ kind: ItemKind) -> [(entry: Entry, first: Entry)] { tables[kind.ordinal].repeats }

    /// `id` in lower case; the id itself when it has no capitals, as almost every id has,
    /// so that no new string is made.
    public static func folded(_ id: String) -> String {
        var text = id
        return text.withUTF8(mayHaveCapitals) ? id.lowercased() : id
    }

    /// Whether the bytes hold an ASCII capital or any byte beyond ASCII, looked at eight at a
    /// time: a byte is from 'A' to 'Z' when adding 0x3F sets its top bit and adding 0x25 does
    /// not (no byte carries into the next, as none has its top bit set).
    static func mayHaveCapitals(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
        let high: UInt64 = 0x8080_8080_8080_8080
        var at = 0
        while at + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            if word & high != 0 { return true }
            if (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & high != 0 { return true }
            at += 8
        }
        while at < bytes.count {
            if bytes[at] &- UInt8(ascii: "A") < 26 || bytes[at] >= 0x80 { return true }
            at += 1
        }
        return false
    }

    /// The entry an id names, matching exactly. The id is looked up as it is first: almost
    /// every id is already in lower case, and the key of an id in lower case is itself (an
    /// id that is a key is its own folded form), so only a miss is folded and looked up again.
    public func resolve(_ id: String, _ kind: ItemKind) -> Entry? {
        let lookup = tables[kind.ordinal].lookup
        if let entry = lookup[id] { return entry.id == id ? entry : nil }
        guard let entry = lookup[Self.folded(id)], entry.id == id else { return nil }
        return entry
    }

    /// The entry an id names when only its letter case differs.
    public func caseInsensitiveMatch(_ id: String, _ kind: ItemKind) -> Entry? { tables[kind.ordinal].lookup[Self.folded(id)] }

    public func ids(_ kind: ItemKind) -> [String] { tables[kind.ordinal].entries.map(\.id) }
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
