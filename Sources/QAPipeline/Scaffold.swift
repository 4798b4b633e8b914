import Foundation
import QADiagnostics
import QALoading
import QAModel

/// `qapress new` and `qapress init`: correctly formed files, so nobody has to remember the
/// format to start an audit or a partnership.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable { case audit, action, indicator, briefing, review, page }

    public enum Failure: Error, CustomStringConvertible {
        case noContent(String), unknownAudit(String, String?), exists(String), notEmpty(String), needsAudit

        public var description: String {
            switch self {
            case let .noContent(path): return "there is no content folder at \(path); run qapress new inside a partnership's repository, or qapress init to start one"
            case let .unknownAudit(id, hint): return "there is no audit '\(id)'" + (hint.map { "; did you mean '\($0)'?" } ?? "")
            case let .exists(path): return "\(path) already exists; choose another title"
            case let .notEmpty(path): return "\(path) is not empty; qapress init starts a new partnership in a new or empty folder"
            case .needsAudit: return "an action belongs to an audit's action plan; name the audit with --audit <id>"
            }
        }
    }

    /// "Multi-agency audit: Neglect 2026" → "multi-agency-audit-neglect-2026".
    public static func slug(_ title: String) -> String {
        let lowered = title.lowercased().unicodeScalars.map { c -> Character in
            c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c)) ? Character(c) : "-"
        }
        let joined = String(lowered).split(separator: "-").joined(separator: "-")
        return joined.isEmpty ? "untitled" : String(joined.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// Creates the file for a new item and returns its path (for an action, the audit's path).
    public static func new(_ kind: Kind, title: String, projectRoot: String = ".", audit: String? = nil, today: Day) throws -> String {
        let (config, _) = ProjectConfig.load(join(projectRoot, "qapress.yml"))
        let content = join(projectRoot, config.contentFolder)
        guard FileManager.default.fileExists(atPath: content) else { throw Failure.noContent(content) }
        let site = ContentLoader(root: content).load().site
        let agency = site.partnership?.agencies.first?.id ?? "council"
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        if kind == .action { return try addAction(title: quoted, to: audit, site: site, agency: agency, today: today) }
        let folder = ["audit": "audits", "indicator": "indicators", "briefing": "briefings", "review": "reviews", "page": "pages"][kind.rawValue]!
        var id = slug(title)
        var path = "\(content)/\(folder)/\(id).md"
        var n = 2
        while FileManager.default.fileExists(atPath: path) { id = "\(slug(title))-\(n)"; path = "\(content)/\(folder)/\(id).md"; n += 1 }
        let text: String
        switch kind {
        case .audit:
            text = """
            ---
            title: \(quoted)
            kind: multi-agency-audit
            lead: \(agency)
            date: \(today)
            summary: One sentence for listings.
            terms_of_reference:
              - What will the audit find out? Write each key line of enquiry as a question.
            method:
              sample_size: 6
              selection: How the cases were chosen.
              lookback: 12 months
            findings: []
            # Add findings, numbered recommendations and actions as the audit reports:
            # see docs/CONTENT.md for an example of each.
            ---
            What the audit found, in a few paragraphs.

            """
        case .indicator:
            text = """
            ---
            title: \(quoted)
            oba: better-off
            unit: percent
            direction: higher-is-better
            frequency: quarterly
            owner: \(agency)
            values: []
            ---
            Commentary from the responsible officer.

            """
        case .briefing:
            text = """
            ---
            title: \(quoted)
            date: \(today)
            group: theme
            sections:
              background: What happened, in two or three sentences.
              why_it_matters: Why a practitioner should care.
              what_we_did: Where the learning comes from.
              strengths: What is working well.
              areas_for_development: What needs to change.
              what_it_means: What to do differently from tomorrow.
              questions:
                - A question for the team to discuss.
            ---

            """
        case .review:
            text = """
            ---
            title: \(quoted)
            kind: rapid-review
            date: \(today)
            summary: One sentence for listings, anonymised.
            decision: Whether the partners will commission a local child safeguarding practice review, and why.
            learning:
              - What was learned.
            ---
            An anonymised summary: no names, dates of birth, addresses or exact dates of events.

            """
        case .page:
            text = """
            ---
            title: \(quoted)
            summary: One sentence for listings and search.
            ---
            Write the page here in Markdown.

            """
        case .action:
            fatalError("handled above")
        }
        try FileManager.default.createDirectory(atPath: "\(content)/\(folder)", withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Appends an action to an audit's action plan, with the next free id in its series.
    static func addAction(title: String, to auditID: String?, site: Site, agency: String, today: Day) throws -> String {
        guard let auditID else { throw Failure.needsAudit }
        guard let audit = site.audits.first(where: { $0.id == auditID }) else {
            throw Failure.unknownAudit(auditID, NearMiss.suggestion(for: auditID, in: site.audits.map(\.id)))
        }
        let used = Set(site.allActions.map(\.action.id))
        let prefix = audit.actions.last.map { id -> String in
            String(id.id.reversed().drop(while: \.isNumber).reversed())
        } ?? "\(audit.id)-a"
        var number = 1
        while used.contains("\(prefix)\(number)") { number += 1 }
        let id = "\(prefix)\(number)"
        var lines = try String(contentsOfFile: audit.source.path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let close = lines.indices.dropFirst().first(where: { lines[$0] == "---" }) else { throw Failure.exists(audit.source.path) }
        let item = ["  - id: \(id)", "    text: \(title)", "    owner: \(agency)", "    owner_role: Who will do it", "    due: \(today.adding(days: 90))",
                    "    history:", "      - date: \(today)", "        status: not-started"]
        if let start = lines.indices.first(where: { lines[$0].hasPrefix("actions:") && $0 < close }) {
            var end = start + 1
            while end < close, lines[end].hasPrefix(" ") || lines[end].hasPrefix("-") || lines[end].isEmpty { end += 1 }
            lines.insert(contentsOf: item, at: end)
        } else {
            lines.insert(contentsOf: ["actions:"] + item, at: close)
        }
        try lines.joined(separator: "\n").write(toFile: audit.source.path, atomically: true, encoding: .utf8)
        return audit.source.path
    }
}
