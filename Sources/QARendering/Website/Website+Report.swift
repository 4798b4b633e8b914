import Foundation
import QAModel

extension Website {
    static let reportChapters: [(id: String, title: String)] = [
        ("foreword", "Foreword"), ("key-messages", "Key messages"), ("arrangements", "Our arrangements"),
        ("priorities", "Progress against our priorities"), ("slow-progress", "Where progress has been slow"),
        ("reviews", "Learning from reviews"), ("qa-programme", "The quality assurance programme"),
        ("voice", "The voice of children and families"), ("training", "Training and its impact"),
        ("scorecard", "Performance scorecard"), ("scrutiny", "Independent scrutiny"), ("budget", "Budget"),
        ("next-year", "Next year's priorities"), ("appendices", "Appendices"),
    ]

    func reportPath(_ report: AnnualReport) -> String { "annual-report/\(report.year)/" }

    /// The annual report's chapters as a Mustache context, shared by the web page, the print
    /// edition and the editable draft.
    func reportContext(_ report: AnnualReport) -> TemplateContext {
        let edition = site.edition(of: report, briefingSettings: options.briefings, briefings: allBriefings)
        let end = edition.end
        let prefix = options.projectRoot == "." ? "" : (options.projectRoot.hasSuffix("/") ? options.projectRoot : options.projectRoot + "/")
        func note(_ text: String) -> String { prefix.isEmpty ? text : text.replacingOccurrences(of: prefix, with: "") }
        func plannedRow(_ p: ReportEdition.PlannedAction) -> TemplateContext {
            ["id": p.action.id, "text": md(p.action.text, at: p.action.textLocation), "owner": shortAgencyName(p.action.ownerAgency),
             "due": date(p.action.due), "status": statusTag(p.status), "document": p.document, "url": paths.url(p.documentPath),
             "overdue": p.action.isOverdue(asOf: end), "evidence": md(p.action.evidenceOfImpact, at: p.action.evidenceLocation),
             "hasEvidence": !p.action.evidenceOfImpact.isEmpty]
        }
        func outcomeRow(_ o: ReportEdition.OutcomeChange) -> TemplateContext {
            let show = { (v: Double) in o.indicator.format(v, suppressBelow: self.options.suppressBelow) }
            return ["title": o.indicator.title, "question": o.indicator.oba.question,
                    "start": o.start.map { "\(show($0.value)) (\($0.period))" } ?? "No value",
                    "end": o.end.map { "\(show($0.value)) (\($0.period))" } ?? "No value",
                    "target": o.indicator.target.map(o.indicator.format) ?? "None set",
                    "trend": o.trend?.label ?? "Not enough data", "worse": o.trend == .worse,
                    "rag": ragTag(o.rag), "source": note(o.source), "url": paths.url("scorecard/#\(o.indicator.id)")]
        }
        func chart(_ o: ReportEdition.OutcomeChange) -> String {
            var periodOnly = o.indicator
            periodOnly.values = o.indicator.values.filter { $0.period.days.upperBound >= edition.start && $0.period.days.upperBound <= end }
            return LineChart(indicator: periodOnly, asOf: end, suppressBelow: options.suppressBelow).svg(idPrefix: "report-\(report.year)-\(o.indicator.id)")
        }
        let partnership = site.partnership
        let priorities = edition.priorities.map { p -> TemplateContext in
            [
                "number": p.priority.number, "title": p.priority.title, "lead": agencyName(p.priority.lead), "id": "priority-\(p.priority.id)",
                "rag": judgementTag(p.rag), "judgement": p.judgement,
                "work": p.audits.map { ["title": $0.title, "url": paths.url("audits/\($0.id)/"), "meta": "\($0.kind.label), \($0.date.long)"] as TemplateContext }
                    + p.reviews.map { ["title": $0.title, "url": paths.url("reviews/\($0.id)/"), "meta": "\($0.kind.label), \($0.date.long)"] as TemplateContext },
                "hasWork": !(p.audits.isEmpty && p.reviews.isEmpty),
                "completedCount": p.completed.count, "openCount": p.open.count,
                "completed": LazyDictionaries(p.completed, row: plannedRow), "open": LazyDictionaries(p.open, row: plannedRow),
                "hasCompleted": !p.completed.isEmpty, "hasOpen": !p.open.isEmpty,
                "outcomes": p.outcomes.map(outcomeRow), "hasOutcomes": !p.outcomes.isEmpty,
                "charts": p.outcomes.filter { $0.end != nil }.map { ["svg": chart($0), "title": $0.indicator.title] as TemplateContext },
                "actionSource": "Action plans of the audits, reviews and scrutiny reports linked to this priority, status as at \(end.long)",
            ]
        }
        let slow = edition.slowProgress
        let programme = edition.programme
        let done = programme?.activities.filter { $0.status == .done }.count ?? 0
        let totalBudget = report.budget.reduce(0) { $0 + $1.contribution }
        let money = { (v: Double) in "£" + Indicator.formatNumber(v.rounded()) }
        var context: TemplateContext = [
            "title": report.title, "year": report.year.description, "partnership": partnership?.name ?? "",
            "period": "\(edition.start.long) to \(end.long)", "asAt": end.long,
            "draft": report.status == .draft, "approved": report.status == .approved,
            "signed": report.signedOff.map { ["name": $0.name, "role": $0.role, "agency": agencyName($0.agency), "date": date($0.date)] as TemplateContext },
            "chapters": Self.reportChapters.enumerated().map { ["id": $0.element.id, "title": $0.element.title, "number": $0.offset + 1] as TemplateContext },
            "foreword": md(report.foreword, at: report.location), "keyMessages": md(report.keyMessages, at: report.location),
            "voice": md(report.voiceOfChildren, at: report.location), "training": md(report.training, at: report.location),
            "budgetCommentary": md(report.budgetCommentary, at: report.location),
            "scrutineer": md(report.scrutineerStatement, at: report.location), "next": md(report.nextPriorities, at: report.location),
            "body": md(report.body, at: report.source.bodyLocation),
            "vision": md(partnership?.vision ?? "", at: nil),
            "agencies": (partnership?.agencies ?? []).map { ["name": $0.name, "role": roleLabel($0.role)] as TemplateContext },
            "subgroups": (partnership?.subgroups ?? []).map { ["name": $0.name, "chair": agencyName($0.chair), "remit": md($0.remit, at: $0.location)] as TemplateContext },
            "people": (partnership?.scrutineers ?? []).map { ["name": $0.name, "role": $0.role ?? "Independent scrutineer"] as TemplateContext }
                + (partnership?.layMembers ?? []).map { ["name": $0.name, "role": $0.role ?? "Lay member"] as TemplateContext },
            "priorities": priorities,
            "slowNoEvidence": slow.noOutcomeEvidence.map { ["title": "Priority \($0.number): \($0.title)", "source": note($0.source.path)] as TemplateContext },
            "slowWrongWay": LazyDictionaries(slow.wrongWay, row: outcomeRow), "slowOverdue": LazyDictionaries(slow.overdue, row: plannedRow),
            "slowNotDone": slow.notDone.map { ["title": $0.title, "quarter": "Q\($0.quarter)", "status": activityStatusTag($0.status), "note": md($0.note, at: $0.location)] as TemplateContext },
            "slowNothing": slow.isEmpty,
            "programmeSource": note(programme?.source.path ?? ""), "hasProgramme": programme != nil,
            "planned": programme?.activities.count ?? 0, "done": done,
            "activities": (programme?.activities ?? []).sorted { ($0.quarter, $0.title) < ($1.quarter, $1.title) }.map {
                ["title": $0.title, "quarter": "Q\($0.quarter)", "kind": $0.kind.label, "status": activityStatusTag($0.status)] as TemplateContext
            },
            "auditsInPeriod": edition.audits.map { ["title": $0.title, "url": paths.url("audits/\($0.id)/"), "meta": "\($0.kind.label), \($0.date.long)"] as TemplateContext },
            "reviews": edition.reviews.map { item -> TemplateContext in
                ["title": item.review.title, "kind": item.review.kind.label, "date": item.review.date.long, "url": paths.url("reviews/\(item.review.id)/"),
                 "decision": md(item.review.decision, at: item.review.location),
                 "recommendations": recommendationItems(item.review.recommendations), "hasRecommendations": !item.review.recommendations.isEmpty,
                 "actions": item.actions.map(plannedRow), "hasActions": !item.actions.isEmpty,
                 "asAt": end.long, "source": note(item.review.source.path)]
            },
            "hasReviews": !edition.reviews.isEmpty,
            "scorecard": LazyDictionaries(edition.scorecard, row: outcomeRow),
            "scrutinyReports": site.scrutiny.filter { $0.date >= edition.start && $0.date <= end }.map { ["title": $0.title, "url": paths.url("scrutiny/\($0.id)/"), "meta": "\($0.author), \($0.date.long)"] as TemplateContext },
            "budget": report.budget.map { ["label": $0.agency.map { agencyName($0) } ?? $0.label, "amount": money($0.contribution)] as TemplateContext },
            "budgetTotal": money(totalBudget), "hasBudget": !report.budget.isEmpty,
            "budgetSource": "\(note(report.source.path)), budget",
            "briefings": edition.briefings.map { ["title": $0.title, "url": paths.url("briefings/\($0.id)/"), "date": $0.date.long] as TemplateContext },
            "hasBriefings": !edition.briefings.isEmpty,
        ]
        context["glossary"] = usedTerms(in: context).map { ["term": $0.term, "meaning": $0.meaning] as TemplateContext }
        return context
    }

    /// A priority's overall judgement, in words as well as colour.
    func judgementTag(_ rag: RAG) -> TemplateContext {
        switch rag {
        case .red: return tag("qa-tag--red", "Red: not on track")
        case .amber: return tag("qa-tag--amber", "Amber: some progress")
        case .green: return tag("qa-tag--green", "Green: on track")
        case .none: return tag("qa-tag--grey", "Not judged")
        }
    }

    func roleLabel(_ role: Agency.Role) -> String {
        switch role {
        case .safeguardingPartner: return "Safeguarding partner"
        case .education: return "Education partner"
        case .relevantAgency: return "Relevant agency"
        }
    }

    /// Exactly the glossary terms that the report's text uses, as whole words. Long lists
    /// are made here once to be read and made again as the page renders them.
    func usedTerms(in context: TemplateContext) -> [GlossaryTerm] {
        var text = PlainText()
        func collect(_ value: ContextValue) {
            switch value {
            case .text(let s): text.startText(); text.add(s)
            case .context(let d): for entry in d.entries.sorted(by: { $0.name < $1.name }) { collect(entry.value) }
            case .contexts(let list): list.forEach { collect(.context($0)) }
            case .lazyContexts(let list): for index in 0..<list.count { collect(.context(list.item(index))) }
            case .texts(let list): list.forEach { collect(.text($0)) }
            default: break
            }
        }
        collect(.context(context))
        let found = Self.wordsFound(site.glossary.map { Array($0.term.utf8) }, in: text.bytes)
        return zip(site.glossary, found).filter(\.1).map(\.0)
    }

    /// Which of `words` occur in `text` (all UTF-8) with no letter or digit of any script
    /// straight before or after them, case as written: one pass over the text, looking at
    /// each position only for the words that start with its byte.
    /// (A plain loop: the standard library's generic `ranges(of:)` made the full build of
    /// the 10,000-document benchmark six times slower.)
    static func wordsFound(_ words: [[UInt8]], in text: [UInt8]) -> [Bool] {
        var found = [Bool](repeating: false, count: words.count)
        var startingWith = [[Int]](repeating: [], count: 256)
        for (index, word) in words.enumerated() {
            if let first = word.first { startingWith[Int(first)].append(index) }
        }
        var left = words.filter { !$0.isEmpty }.count
        var position = 0
        while position < text.count, left > 0 {
            let candidates = startingWith[Int(text[position])]
            if !candidates.isEmpty {
                for index in candidates where !found[index] {
                    let word = words[index]
                    if position + word.count <= text.count, text[position..<(position + word.count)].elementsEqual(word),
                       !isLetterOrDigit(scalarBefore: position, in: text), !isLetterOrDigit(scalarAt: position + word.count, in: text) {
                        found[index] = true
                        left -= 1
                    }
                }
            }
            position += 1
        }
        return found
    }

    static func isLetterOrDigit(scalarBefore end: Int, in text: [UInt8]) -> Bool {
        guard end > 0 else { return false }
        var start = end - 1
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return isLetterOrDigit(scalarAt: start, in: text)
    }

    static func isLetterOrDigit(scalarAt start: Int, in text: [UInt8]) -> Bool {
        guard start < text.count else { return false }
        var end = start + 1
        while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: text[start..<end], as: UTF8.self).unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    func reportPageJobs() -> [PageJob] {
        site.reports.map { report -> PageJob in { [self] in
            currentPage = reportPath(report)
            var context = reportContext(report)
            context["pdfURL"] = options.makePDFs ? paths.url(reportPath(report) + "annual-report-\(report.year).pdf") : ""
            context["docxURL"] = options.makePDFs ? paths.url(reportPath(report) + "annual-report-\(report.year).docx") : ""
            return WebPage(path: reportPath(report), title: report.title, template: "annual-report", context: context,
                           breadcrumbs: [("Annual reports and scrutiny", "annual-reports/")], section: "reports",
                           summary: "What the partnership did from \(report.periodStart.long) to \(report.periodEnd.long), and how well it worked.",
                           source: report.source, published: report.signedOff.compactMap(\.date).max() ?? report.periodEnd)
        } }
    }

    /// The print edition (for the PDF) and the editable draft's source (for the DOCX).
    /// Hands each report's print and Word-draft files to `add` as soon as each is made: they
    /// are megabytes each at the size of a long-running partnership.
    func reportPrintFiles(library: any PageTemplates, theme: ThemeFiles, add: (RenderedFile) -> Void) {
        guard options.makePDFs else { return }
        let css = theme.assets["report-print.css"].map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        for report in site.reports {
            currentPage = reportPath(report)
            var context = reportContext(report)
            context["css"] = css
            context["logo"] = site.partnership?.logo.map { "../../" + $0 } ?? ""
            let folder = reportPath(report)
            printJobs.append(PrintJob(html: folder + "print.html", pdf: folder + "annual-report-\(report.year).pdf", maxPages: 0,
                                      location: report.location, sections: [:]))
            documentJobs.append(PrintJob(html: folder + "draft.html", pdf: folder + "annual-report-\(report.year).docx", maxPages: 0,
                                         location: report.location, sections: [:]))
            var draft = context
            draft["forWord"] = true
            add(RenderedFile(path: folder + "print.html", bytes: library.renderUTF8(context, withTemplate: "annual-report-print") ?? []))
            add(RenderedFile(path: folder + "draft.html", bytes: library.renderUTF8(draft, withTemplate: "annual-report-print") ?? []))
        }
    }
}
