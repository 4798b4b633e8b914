import QADiagnostics
import QAModel

/// Builds model values from decoded documents. Decoding has already checked keys and types,
/// so this only reads values and raises the few problems that need two keys at once.
///
/// Each document is built into a part of its own (`SiteBuilder.part(of:)`) by the thread that
/// decoded it, and the parts are then merged in path order: the decoded tree is read and
/// freed where it was made, and only the model items cross to the thread that joins them.
struct SiteBuilder: Sendable {
    var site = Site()
    var diagnostics: [Diagnostic] = []
    var unreadable: [(kind: ItemKind, id: String)] = []
    var partnershipUnreadable = false
    let defaultAudience: Audience

    init(defaultAudience: Audience) { self.defaultAudience = defaultAudience }

    /// The model items of one document, with the problems found building them.
    static func part(of doc: Document, defaultAudience: Audience) -> SiteBuilder {
        var part = SiteBuilder(defaultAudience: defaultAudience)
        part.add(doc)
        return part
    }

    /// Joins one document's part, built by `part(of:)`, to the site.
    mutating func merge(_ part: SiteBuilder) {
        diagnostics += part.diagnostics
        unreadable += part.unreadable
        var site = part.site
        if let partnership = site.partnership {
            if let existing = self.site.partnership {
                diagnostics.append(.error(partnership.source.location, "a second partnership file; \(existing.source.path) already describes the partnership", code: "duplicate-id"))
            } else {
                self.site.partnership = partnership
            }
            site.partnership = nil
        }
        self.site.priorities += site.priorities
        self.site.contentAreas += site.contentAreas
        self.site.programmes += site.programmes
        self.site.audits += site.audits
        self.site.indicators += site.indicators
        self.site.reviews += site.reviews
        self.site.scrutiny += site.scrutiny
        self.site.briefings += site.briefings
        self.site.pages += site.pages
        self.site.glossary += site.glossary
        self.site.reports += site.reports
    }

    private mutating func add(_ doc: Document) {
        let o = doc.object
        let source = SourceFile(path: doc.path, audience: o.audience(default: defaultAudience), updated: o.day("updated"), bodyLine: doc.bodyLine)
        let location = o.has("id") ? o.location(of: "id") : source.location
        let id = documentID(doc)
        switch doc.kind {
        case .partnership: addPartnership(o, doc: doc, source: source)
        case .priority:
            site.priorities.append(Priority(
                id: id, number: o.integer("number") ?? 0, title: o.text("title"),
                lead: o.reference("lead", .agency) ?? Reference("", .agency, at: location),
                planStart: o.day("plan_start") ?? Day(year: 2000, month: 1, day: 1)!,
                planEnd: o.day("plan_end") ?? Day(year: 2000, month: 1, day: 1)!,
                whatGoodLooksLike: o.strings("what_good_looks_like"),
                measures: o.references("measures", .indicator), contentAreas: o.references("content_areas", .contentArea),
                summary: o.text("summary"), body: doc.body, source: source, location: location))
        case .contentArea:
            site.contentAreas.append(ContentArea(
                id: id, title: o.text("title"), kind: o.choice("kind", default: .priorityServiceArea),
                outcome: o.text("outcome"), priorities: o.references("priorities", .priority),
                howMuch: o.strings("how_much"), howWell: o.strings("how_well"), betterOff: o.strings("better_off"),
                sources: o.objects("sources").map { SourceOfInformation(kind: $0.choice("kind", default: .caseRecords), detail: $0.text("detail")) },
                body: doc.body, source: source, location: location))
        case .programme: addProgramme(o, source: source, location: location)
        case .audit: addAudit(o, id: id, doc: doc, source: source, location: location)
        case .indicator: addIndicator(o, id: id, doc: doc, source: source, location: location)
        case .review:
            let audience = source.audience
            site.reviews.append(Review(
                id: id, title: o.text("title"), kind: o.choice("kind", default: .rapidReview),
                date: o.day("date") ?? .unknown, published: o.day("published"), decision: o.text("decision"),
                priorities: o.references("priorities", .priority), summary: o.text("summary"), learning: o.strings("learning"),
                findings: findings(o, audience), recommendations: recommendations(o, audience), actions: actions(o, audience),
                briefing: o.object("briefing").map(briefingContent), body: doc.body, source: source, location: location))
        case .scrutiny:
            let audience = source.audience
            site.scrutiny.append(ScrutinyReport(
                id: id, title: o.text("title"), author: o.text("author"), date: o.day("date") ?? .unknown,
                scope: o.text("scope"), priorities: o.references("priorities", .priority), summary: o.text("summary"),
                findings: findings(o, audience), recommendations: recommendations(o, audience), actions: actions(o, audience),
                body: doc.body, source: source, location: location))
        case .briefing:
            site.briefings.append(Briefing(
                id: id, title: o.text("title"), date: o.day("date") ?? .unknown, group: o.choice("group", default: .theme),
                about: o.string("about").map { Reference($0, .audit, at: o.location(of: "about")) },
                priorities: o.references("priorities", .priority),
                content: o.object("sections").map(briefingContent) ?? BriefingContent(location: location),
                body: doc.body, source: source, location: location))
        case .page:
            site.pages.append(Page(id: id, title: o.text("title"), summary: o.text("summary"), order: o.integer("order") ?? 100,
                                   body: doc.body, source: source, location: location))
        case .glossary:
            site.glossary += o.objects("terms").map { GlossaryTerm(term: $0.text("term"), meaning: $0.text("meaning"), location: $0.location) }
        case .report: addReport(o, id: id, doc: doc, source: source, location: location)
        }
    }

    mutating func documentID(_ doc: Document) -> String {
        if let id = doc.object.string("id") { return id }
        guard Identifier.isValid(doc.stem) else {
            diagnostics.append(.error(SourceLocation(path: doc.path, line: 1, column: 1), "the file name '\(doc.stem)' cannot be used as an id; rename the file to '\(Identifier.suggest(doc.stem))' or add an 'id:' key", code: "bad-id"))
            return Identifier.suggest(doc.stem)
        }
        return doc.stem
    }

    /// The partnership; a second partnership file is reported by `merge`.
    mutating func addPartnership(_ o: DecodedObject, doc: Document, source: SourceFile) {
        let contact = o.object("contact")
        site.partnership = Partnership(
            name: o.text("name"), shortName: o.text("short_name"), area: o.text("area"), vision: o.text("vision"),
            values: o.objects("values").map { Value(title: $0.text("title"), description: $0.text("description")) },
            agencies: o.objects("agencies").map {
                Agency(id: $0.text("id"), name: $0.text("name"), shortName: $0.string("short_name"),
                       role: $0.choice("role", default: .relevantAgency), location: $0.location(of: "id"))
            },
            subgroups: o.objects("subgroups").map {
                Subgroup(id: $0.text("id"), name: $0.text("name"), chair: $0.reference("chair", .agency), remit: $0.text("remit"), location: $0.location(of: "id"))
            },
            scrutineers: o.objects("scrutineers").map(person), layMembers: o.objects("lay_members").map(person),
            contact: Partnership.Contact(email: contact?.string("email"), phone: contact?.string("phone"),
                                         worriedAboutAChild: contact?.string("worried_about_a_child")),
            logo: o.string("logo"), body: doc.body, source: source)
    }

    func person(_ o: DecodedObject) -> Person {
        Person(name: o.text("name"), role: o.string("role"), agency: o.reference("agency", .agency))
    }

    mutating func addProgramme(_ o: DecodedObject, source: SourceFile, location: SourceLocation) {
        guard let year = o.financialYear("year") else {
            unreadable.append((.activity, "*"))
            return
        }
        let activities = o.objects("activities").map { a in
            ProgrammeActivity(
                id: a.text("id"), title: a.text("title"), kind: a.choice("kind", default: .multiAgencyAudit),
                quarter: a.integer("quarter") ?? 0, contentArea: a.reference("content_area", .contentArea),
                priorities: a.references("priorities", .priority),
                lead: a.reference("lead", .agency) ?? Reference("", .agency, at: a.location), dates: a.days("dates"),
                deadline: a.day("deadline"), status: a.choice("status", default: .planned), audit: a.reference("audit", .audit),
                note: a.text("note"), audience: a.audience(default: source.audience), location: a.location(of: "id"))
        }
        site.programmes.append(Programme(year: year, title: o.text("title", default: "QA programme \(year)"),
                                         activities: activities, source: source, location: location))
    }

    mutating func addAudit(_ o: DecodedObject, id: String, doc: Document, source: SourceFile, location: SourceLocation) {
        let audience = source.audience
        let m = o.object("method")
        site.audits.append(Audit(
            id: id, title: o.text("title"), kind: o.choice("kind", default: .multiAgencyAudit),
            activity: o.reference("activity", .activity), contentArea: o.reference("content_area", .contentArea),
            priorities: o.references("priorities", .priority), agencies: o.references("agencies", .agency),
            lead: o.reference("lead", .agency), date: o.day("date") ?? .unknown, reported: o.day("reported"),
            reaudit: o.day("reaudit"), summary: o.text("summary"), termsOfReference: o.strings("terms_of_reference"),
            method: AuditMethod(sampleSize: m?.integer("sample_size"), selection: m?.string("selection") ?? "",
                                lookback: m?.string("lookback") ?? "", tool: m?.string("tool") ?? "", grading: m?.string("grading") ?? ""),
            findings: findings(o, audience), recommendations: recommendations(o, audience), actions: actions(o, audience),
            sharing: o.text("sharing"), briefing: o.object("briefing").map(briefingContent),
            body: doc.body, source: source, location: location))
    }

    mutating func addIndicator(_ o: DecodedObject, id: String, doc: Document, source: SourceFile, location: SourceLocation) {
        if o.has("values"), o.has("data") {
            diagnostics.append(.error(o.location(of: "data"), "indicator '\(id)' has both 'values' and 'data'; keep its values in one place", code: "values-and-data"))
        }
        var values = o.objects("values").compactMap { v -> IndicatorValue? in
            guard let period = v.period("period"), let value = v.number("value") else { return nil }
            return IndicatorValue(period: period, value: value, note: v.text("note"), location: v.location)
        }
        if values.count > CSVTable.rowLimit {
            diagnostics.append(.error(o.location(of: "values"), "indicator '\(id)' has \(values.count) values; an indicator holds at most \(CSVTable.rowLimit), so keep only the periods it reports on", code: "too-many-rows"))
            values = Array(values.prefix(CSVTable.rowLimit))
        }
        let target = o.number("target")
        site.indicators.append(Indicator(
            id: id, title: o.text("title"), oba: o.choice("oba", default: .howMuch), unit: o.choice("unit", default: .count),
            direction: o.choice("direction", default: .neither), frequency: o.choice("frequency", default: .quarterly),
            target: target, tolerance: o.number("tolerance") ?? abs(target ?? 0) * 0.05, baseline: o.number("baseline"),
            comparators: o.objects("comparators").map { Comparator(label: $0.text("label"), value: $0.number("value") ?? 0) },
            priority: o.reference("priority", .priority), contentArea: o.reference("content_area", .contentArea),
            owner: o.reference("owner", .agency), values: values,
            dataFile: !o.has("values") ? o.string("data") : nil, dataLocation: o.location(of: "data"),
            commentary: doc.body, source: source, location: location))
    }

    mutating func addReport(_ o: DecodedObject, id: String, doc: Document, source: SourceFile, location: SourceLocation) {
        guard let year = o.financialYear("year") else { return }
        site.reports.append(AnnualReport(
            id: id, title: o.text("title", default: "Annual report \(year)"), year: year,
            periodStart: o.day("period_start") ?? year.start, periodEnd: o.day("period_end") ?? year.end,
            status: o.choice("status", default: .draft),
            signedOff: o.objects("signed_off").map { Signatory(name: $0.text("name"), role: $0.text("role"), agency: $0.reference("agency", .agency), date: $0.day("date")) },
            foreword: o.text("foreword"), keyMessages: o.text("key_messages"), voiceOfChildren: o.text("voice_of_children"),
            training: o.text("training"), budgetCommentary: o.text("budget_commentary"),
            scrutineerStatement: o.text("scrutineer_statement"), nextPriorities: o.text("next_priorities"),
            budget: o.objects("budget").map { BudgetLine(agency: $0.reference("agency", .agency), label: $0.text("label"), contribution: $0.number("contribution") ?? 0, location: $0.location) },
            body: doc.body, source: source, location: location))
    }

    func findings(_ o: DecodedObject, _ audience: Audience) -> [Finding] {
        o.objects("findings").map {
            Finding(id: $0.text("id"), kind: $0.choice("kind", default: .strength), text: $0.text("text"),
                    audience: max(audience, $0.audience(default: audience)), location: $0.location(of: "id"))
        }
    }

    func recommendations(_ o: DecodedObject, _ audience: Audience) -> [Recommendation] {
        o.objects("recommendations").map {
            Recommendation(id: $0.text("id"), number: $0.integer("number") ?? 0, text: $0.text("text"),
                           findings: $0.references("findings", .finding),
                           audience: max(audience, $0.audience(default: audience)), location: $0.location(of: "id"))
        }
    }

    mutating func actions(_ o: DecodedObject, _ audience: Audience) -> [Action] {
        o.objects("actions").map { a in
            let history = a.objects("history").map {
                StatusUpdate(date: $0.day("date") ?? .unknown, status: $0.choice("status", default: .notStarted),
                             note: $0.text("note"), location: $0.location)
            }
            let status: ActionStatus? = a.choice("status")
            let id = a.text("id")
            // Each key looked up once: an action is read for a dozen keys.
            let hasStatus = a.has("status"), hasHistory = a.has("history")
            if hasStatus, hasHistory {
                diagnostics.append(.error(a.location(of: "status"), "action '\(id)' has both 'status' and 'history'; keep the dated history and remove 'status'", code: "status-and-history"))
            } else if !hasStatus, !hasHistory, a.unreadKeys.isDisjoint(with: ["status", "history"]) {
                diagnostics.append(.error(a.location(of: "id"), "action '\(id)' has no status; add 'status:' (\(ActionStatus.allCases.map(\.rawValue).joined(separator: ", "))) or a dated 'history:'", code: "no-status"))
            } else if hasHistory, history.isEmpty {
                diagnostics.append(.error(a.location(of: "history"), "action '\(id)' has an empty history; add at least one dated status", code: "no-status"))
            }
            for (earlier, later) in zip(history, history.dropFirst()) where later.date < earlier.date {
                diagnostics.append(.error(later.location, "this status is dated \(later.date), before the entry above it (\(earlier.date)); list the history oldest first", code: "history-order"))
            }
            return Action(
                id: id, text: a.text("text"), recommendation: a.reference("recommendation", .recommendation),
                ownerAgency: a.reference("owner", .agency), ownerRole: a.text("owner_role"), due: a.day("due"),
                history: history, currentStatus: history.last?.status ?? status ?? .notStarted,
                evidenceOfImpact: a.text("evidence"), audience: max(audience, a.audience(default: audience)),
                location: a.location(of: "id"), textLocation: a.location(of: "text"), evidenceLocation: a.location(of: "evidence"),
                unreadKeys: a.unreadKeys)
        }
    }

    func briefingContent(_ o: DecodedObject) -> BriefingContent {
        var b = BriefingContent(location: o.location)
        b.background = o.string("background")
        b.whyItMatters = o.string("why_it_matters")
        b.whatWeDid = o.string("what_we_did")
        b.strengths = o.string("strengths")
        b.areasForDevelopment = o.string("areas_for_development")
        b.whatItMeansForYou = o.string("what_it_means")
        b.questions = o.strings("questions")
        b.furtherInformation = o.objects("further_information").map { Link(title: $0.text("title"), url: $0.text("url")) }
        b.contacts = o.string("contacts")
        return b
    }
}

extension Day {
    /// Stands in for a date whose diagnostic has already been raised.
    static let placeholder = Day(year: 2000, month: 1, day: 1)!
}
