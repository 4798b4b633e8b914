import Foundation
import QADiagnostics
import QAModel

/// What changed between two revisions of a partnership's content, in QA terms: actions added
/// and closed, statuses and due dates, new findings and recommendations, indicator values,
/// audits moving quarter, audiences, and the problems `check` finds.
public struct ContentComparison: Sendable {
    public let base: Site
    public let head: Site
    public let baseProblems: [Diagnostic]
    public let headProblems: [Diagnostic]
    /// The day statuses are read as of in each revision (usually today).
    public let asOf: Day

    public init(base: Site, head: Site, baseProblems: [Diagnostic], headProblems: [Diagnostic], asOf: Day) {
        self.base = base
        self.head = head
        self.baseProblems = baseProblems
        self.headProblems = headProblems
        self.asOf = asOf
    }

    public var changes: [ContentChange] {
        documents() + actions() + items() + values() + quarters() + problems()
    }

    struct Doc {
        var kind: String
        var id: String
        var title: String
        var audience: Audience
        var path: String
    }

    func docs(_ site: Site) -> [String: Doc] {
        var out: [String: Doc] = [:]
        func add(_ kind: String, _ id: String, _ title: String, _ source: SourceFile) {
            out["\(kind)/\(id)"] = Doc(kind: kind, id: id, title: title, audience: source.audience, path: source.path)
        }
        for a in site.audits { add("audit", a.id, a.title, a.source) }
        for r in site.reviews { add("review", r.id, r.title, r.source) }
        for s in site.scrutiny { add("scrutiny report", s.id, s.title, s.source) }
        for b in site.briefings { add("briefing", b.id, b.title, b.source) }
        for p in site.pages { add("page", p.id, p.title, p.source) }
        for p in site.priorities { add("priority", p.id, p.title, p.source) }
        for i in site.indicators { add("indicator", i.id, i.title, i.source) }
        for r in site.reports { add("annual report", r.id, r.title, r.source) }
        return out
    }

    func documents() -> [ContentChange] {
        let old = docs(base), new = docs(head)
        var out: [ContentChange] = []
        for key in new.keys.sorted() {
            let n = new[key]!
            if let o = old[key] {
                if o.audience != .public, n.audience == .public {
                    out.append(.init(.becamePublic, item: n.id, "**\(n.kind.capitalizedFirst) '\(n.title)' became public** (it was for \(o.audience.rawValue) readers): everything in it will be on the public site", path: n.path))
                } else if o.audience == .public, n.audience != .public {
                    out.append(.init(.audienceNarrowed, item: n.id, "\(n.kind.capitalizedFirst) '\(n.title)' is now for \(n.audience.rawValue) readers only and leaves the public site", path: n.path))
                }
            } else {
                let note = n.audience == .public ? "" : " (for \(n.audience.rawValue) readers)"
                out.append(.init(.documentAdded, item: n.id, "\(n.kind.capitalizedFirst) '\(n.title)' added\(note)", path: n.path))
            }
        }
        for key in old.keys.sorted() where new[key] == nil {
            let o = old[key]!
            out.append(.init(.documentRemoved, item: o.id, "\(o.kind.capitalizedFirst) '\(o.title)' removed", path: o.path))
        }
        return out
    }

    struct Located<T> {
        var value: T
        var document: String
        var path: String
        var audience: Audience
    }

    func allActions(_ site: Site) -> [String: Located<Action>] {
        var out: [String: Located<Action>] = [:]
        for a in site.audits { for x in a.actions { out[x.id] = Located(value: x, document: a.title, path: a.source.path, audience: x.audience) } }
        for r in site.reviews { for x in r.actions { out[x.id] = Located(value: x, document: r.title, path: r.source.path, audience: x.audience) } }
        for s in site.scrutiny { for x in s.actions { out[x.id] = Located(value: x, document: s.title, path: s.source.path, audience: x.audience) } }
        return out
    }

    func actions() -> [ContentChange] {
        let old = allActions(base), new = allActions(head)
        var out: [ContentChange] = []
        for id in new.keys.sorted() {
            let n = new[id]!
            let status = n.value.status(asOf: asOf)
            guard let o = old[id] else {
                let due = n.value.due.map { ", due \($0.long)" } ?? ""
                out.append(.init(.actionAdded, item: id, "Action \(id) added to '\(n.document)'\(due): \(oneLine(n.value.text))", path: n.path))
                continue
            }
            let before = o.value.status(asOf: asOf)
            if before != status {
                if status == .complete {
                    let evidence = n.value.evidenceOfImpact.isEmpty ? " (no evidence of impact recorded)" : ""
                    out.append(.init(.actionClosed, item: id, "Action \(id) in '\(n.document)' closed: \(label(before)) → \(label(status))\(evidence)", path: n.path))
                } else {
                    out.append(.init(.statusChanged, item: id, "Action \(id) in '\(n.document)': \(label(before)) → \(label(status))", path: n.path))
                }
            }
            if let was = o.value.due, let now = n.value.due, was != now {
                let days = was.days(until: now)
                let how = days > 0 ? "slipped by \(days) day\(days == 1 ? "" : "s")" : "brought forward by \(-days) day\(days == -1 ? "" : "s")"
                out.append(.init(.dueDateMoved, item: id, "Action \(id) in '\(n.document)' \(how): due \(was.long) → \(now.long)", path: n.path))
            }
            if o.audience != .public, n.audience == .public {
                out.append(.init(.becamePublic, item: id, "**Action \(id) in '\(n.document)' became public** (it was for \(o.audience.rawValue) readers)", path: n.path))
            }
        }
        for id in old.keys.sorted() where new[id] == nil {
            out.append(.init(.actionRemoved, item: id, "Action \(id) removed from '\(old[id]!.document)'", path: old[id]!.path))
        }
        return out
    }

    func items() -> [ContentChange] {
        func findings(_ site: Site) -> [String: Located<Finding>] {
            var out: [String: Located<Finding>] = [:]
            for a in site.audits { for f in a.findings { out[f.id] = Located(value: f, document: a.title, path: a.source.path, audience: f.audience) } }
            for r in site.reviews { for f in r.findings { out[f.id] = Located(value: f, document: r.title, path: r.source.path, audience: f.audience) } }
            for s in site.scrutiny { for f in s.findings { out[f.id] = Located(value: f, document: s.title, path: s.source.path, audience: f.audience) } }
            return out
        }
        func recommendations(_ site: Site) -> [String: Located<Recommendation>] {
            var out: [String: Located<Recommendation>] = [:]
            for a in site.audits { for r in a.recommendations { out[r.id] = Located(value: r, document: a.title, path: a.source.path, audience: r.audience) } }
            for v in site.reviews { for r in v.recommendations { out[r.id] = Located(value: r, document: v.title, path: v.source.path, audience: r.audience) } }
            for s in site.scrutiny { for r in s.recommendations { out[r.id] = Located(value: r, document: s.title, path: s.source.path, audience: r.audience) } }
            return out
        }
        var out: [ContentChange] = []
        let oldF = findings(base), newF = findings(head)
        for id in newF.keys.sorted() {
            let n = newF[id]!
            if let o = oldF[id] {
                if o.audience != .public, n.audience == .public {
                    out.append(.init(.becamePublic, item: id, "**Finding \(id) in '\(n.document)' became public** (it was for \(o.audience.rawValue) readers)", path: n.path))
                }
            } else {
                out.append(.init(.findingAdded, item: id, "Finding \(id) (\(n.value.kind.rawValue.replacingOccurrences(of: "-", with: " "))) in '\(n.document)': \(oneLine(n.value.text))", path: n.path))
            }
        }
        let oldR = recommendations(base), newR = recommendations(head)
        for id in newR.keys.sorted() {
            let n = newR[id]!
            if let o = oldR[id] {
                if o.audience != .public, n.audience == .public {
                    out.append(.init(.becamePublic, item: id, "**Recommendation \(id) in '\(n.document)' became public** (it was for \(o.audience.rawValue) readers)", path: n.path))
                }
            } else {
                out.append(.init(.recommendationAdded, item: id, "Recommendation \(n.value.number) (\(id)) in '\(n.document)': \(oneLine(n.value.text))", path: n.path))
            }
        }
        return out
    }

    func values() -> [ContentChange] {
        var out: [ContentChange] = []
        let old = Dictionary(base.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for n in head.indicators {
            guard let o = old[n.id] else { continue }
            let before = Dictionary(o.values.map { ($0.period, $0.value) }, uniquingKeysWith: { a, _ in a })
            for v in n.values {
                if let was = before[v.period] {
                    if was != v.value {
                        out.append(.init(.valueRevised, item: n.id, "'\(n.title)' for \(v.period) revised: \(n.format(was)) → \(n.format(v.value))", path: v.location.path))
                    }
                } else {
                    out.append(.init(.valueAdded, item: n.id, "'\(n.title)' for \(v.period): \(n.format(v.value))" + (n.target.map { " (target \(n.format($0)))" } ?? ""), path: v.location.path))
                }
            }
        }
        return out
    }

    func quarters() -> [ContentChange] {
        var old: [String: (FinancialYear, Int)] = [:]
        for p in base.programmes { for a in p.activities { old[a.id] = (p.year, a.quarter) } }
        var out: [ContentChange] = []
        for p in head.programmes {
            for a in p.activities {
                guard let (year, quarter) = old[a.id], (year, quarter) != (p.year, a.quarter) else { continue }
                out.append(.init(.auditMoved, item: a.id, "'\(a.title)' moved from Q\(quarter) \(year) to Q\(a.quarter) \(p.year)", path: p.source.path))
            }
        }
        return out
    }

    func problems() -> [ContentChange] {
        // Messages that only count days (how overdue) are the same problem from one day to the next.
        func key(_ d: Diagnostic) -> String { "\(d.location.path)|\(d.code)|\(d.message.filter { !$0.isNumber })" }
        let before = Set(baseProblems.map(key)), after = Set(headProblems.map(key))
        let introduced = headProblems.filter { !before.contains(key($0)) }.sorted()
        let fixed = baseProblems.filter { !after.contains(key($0)) }.sorted()
        return introduced.map { .init(.problemIntroduced, item: $0.code, "\($0.severity.rawValue): \($0.location): \($0.message)", path: $0.location.path) }
            + fixed.map { .init(.problemFixed, item: $0.code, "\($0.severity.rawValue): \($0.message)", path: $0.location.path) }
    }

    func label(_ status: ActionStatus?) -> String { status?.label ?? "no status" }

    func oneLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 140 ? String(line.prefix(137)) + "…" : line
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
