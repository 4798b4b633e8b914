import QAModel

extension Website {
    func programmePageJobs() -> [PageJob] {
        let index = WebPage(path: "programme/", title: "QA programme", template: "index", context: [
            "title": "QA programme",
            "intro": "Our quality assurance activity, year by year and quarter by quarter.",
            "groups": [["items": site.programmes.reversed().map { p -> TemplateContext in
                let done = p.activities.filter { $0.status == .done }.count
                return ["title": p.title, "url": paths.url("programme/\(p.year)/"), "summary": "",
                        "meta": "\(p.activities.count) activities planned, \(done) done"]
            }] as TemplateContext],
        ], section: "programme", summary: "Our quality assurance programme by year and quarter.")
        return [{ index }] + site.programmes.map { programme in { [self] in programmePage(programme) } }
    }

    func programmePage(_ programme: Programme) -> WebPage {
        currentPage = "programme/\(programme.year)/"
        let year = programme.year
        let quarters = (1...4).map { q -> TemplateContext in
            let range = year.quarter(q)
            return ["label": "Q\(q)", "months": "\(Day.monthNames[range.lowerBound.month - 1].prefix(3))–\(Day.monthNames[range.upperBound.month - 1].prefix(3))"]
        }
        let rows = programme.activities.sorted { ($0.quarter, $0.title) < ($1.quarter, $1.title) }.map { a -> TemplateContext in
            let audit = a.audit.map(\.id).flatMap { auditIDs.contains($0) ? $0 : nil }
            let cells = (1...4).map { q -> TemplateContext in
                guard q == a.quarter else { return ["active": false] }
                let dates = a.dates.map { "\($0.day) \(Day.monthNames[$0.month - 1].prefix(3))" }.joined(separator: ", ")
                return ["active": true, "status": activityStatusTag(a.status), "dates": dates, "hasDates": !dates.isEmpty]
            }
            return [
                "title": a.title, "kind": a.kind.label, "lead": shortAgencyName(a.lead),
                "area": site.contentAreas.first { $0.id == a.contentArea?.id }?.title ?? "",
                "cells": cells, "status": activityStatusTag(a.status),
                "auditURL": audit.map { paths.url("audits/\($0)/") } ?? "", "hasAudit": audit != nil,
                "deadline": date(a.deadline), "hasDeadline": a.deadline != nil,
                "note": md(a.note, at: a.location),
            ]
        }
        let order: [ActivityStatus] = [.done, .inProgress, .planned, .postponed, .cancelled]
        let parts = order.compactMap { s -> String? in
            let n = programme.activities.filter { $0.status == s }.count
            return n == 0 ? nil : "\(n) \(activityStatusLabel(s).lowercased())"
        }
        let counts = parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        let context: TemplateContext = [
            "title": programme.title, "year": year.description, "quarters": quarters, "rows": rows,
            "planned": programme.activities.count == 1 ? "1 activity" : "\(programme.activities.count) activities", "counts": counts,
            "ics": paths.url("programme/\(year).ics"),
        ]
        return WebPage(path: "programme/\(year)/", title: programme.title, template: "programme", context: context,
                       breadcrumbs: [("QA programme", "programme/")], section: "programme", source: programme.source)
    }

    func activityStatusLabel(_ status: ActivityStatus) -> String {
        switch status {
        case .planned: return "Planned"
        case .inProgress: return "In progress"
        case .done: return "Done"
        case .postponed: return "Postponed"
        case .cancelled: return "Cancelled"
        }
    }

    func activityStatusTag(_ status: ActivityStatus) -> TemplateContext {
        let css: String
        switch status {
        case .planned: css = "qa-tag--grey"
        case .inProgress: css = "qa-tag--amber"
        case .done: css = "qa-tag--blue"
        case .postponed, .cancelled: css = "qa-tag--red"
        }
        return tag(css, activityStatusLabel(status))
    }

    /// One iCalendar file per programme year: audit days and deadlines as all-day events.
    func calendars() -> [RenderedFile] {
        let stamp = "DTSTAMP:" + Self.compactDate(options.buildDate) + "T000000Z"
        return site.programmes.map { programme in
            var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//qapress//QA programme//EN", "CALSCALE:GREGORIAN",
                         "X-WR-CALNAME:\(Self.ics(programme.title))"]
            for activity in programme.activities {
                var events: [(Day, String, String)] = activity.dates.map { ($0, activity.title, "day") }
                if let deadline = activity.deadline { events.append((deadline, "Deadline: \(activity.title)", "deadline")) }
                for (day, summary, kind) in events {
                    let compact = Self.compactDate(day)
                    let next = Self.compactDate(day.adding(days: 1))
                    lines += ["BEGIN:VEVENT", "UID:\(activity.id)-\(kind)-\(compact)@qapress", stamp,
                              "DTSTART;VALUE=DATE:\(compact)", "DTEND;VALUE=DATE:\(next)",
                              "SUMMARY:\(Self.ics(summary))", "DESCRIPTION:\(Self.ics("\(activity.kind.label), led by \(agencyName(activity.lead))"))",
                              "END:VEVENT"]
                }
            }
            lines.append("END:VCALENDAR")
            return RenderedFile(path: "programme/\(programme.year).ics", text: lines.map(fold).joined(separator: "\r\n") + "\r\n")
        }
    }

    /// A day as iCalendar writes it, YYYYMMDD.
    static func compactDate(_ day: Day) -> String {
        guard (0...9999).contains(day.year) else { return day.description.replacingOccurrences(of: "-", with: "") }
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 8)
        var rest = day.year * 10_000 + day.month * 100 + day.day
        for index in (0..<8).reversed() {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// Text escaped for an iCalendar value; most text has nothing to escape and is kept as it is.
    static func ics(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x0A }) else { return text }
        // By bytes: each of the four is ASCII, and nothing else changes.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case 0x5C, 0x3B, 0x2C:
                out.append(0x5C)
                out.append(byte)
            case 0x0A:
                out.append(0x5C)
                out.append(UInt8(ascii: "n"))
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// iCalendar lines longer than 75 octets continue on lines that start with a space.
    func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = "", count = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if count + width > 75 { out += "\r\n "; count = 1 }
            out.unicodeScalars.append(scalar)
            count += width
        }
        return out
    }
}
