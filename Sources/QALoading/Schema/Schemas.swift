import QAModel

/// The closed set of keys of every document kind. `qapress schema` writes these as JSON
/// Schema and docs/CONTENT.md describes them; the decoder enforces them.
public enum Schemas {
    static let audience = opt("audience", choice(Audience.self), "Who may read this: public, partners or internal. Defaults to public.")
    static let updated = opt("updated", .date, "When the page was last updated, shown when the content is not in git.")

    static let person = ObjectSchema("person", "A named person and their role.", [
        req("name", .text, "Their name."),
        opt("role", .text, "Their role."),
        opt("agency", .reference(.agency), "The agency they belong to."),
    ])

    static let agency = ObjectSchema("agency", "A partner agency.", [
        req("id", .identifier, "Stable id, used by every reference to this agency."),
        req("name", .text, "Full name."),
        opt("short_name", .text, "Short name for tables."),
        req("role", choice(Agency.Role.self), "safeguarding-partner, education or relevant-agency."),
    ])

    static let partnership = ObjectSchema("partnership", "The partnership itself: content/partnership.md.", [
        req("name", .text, "Full name of the partnership."),
        req("short_name", .text, "Short name or acronym."),
        req("area", .text, "The local authority area it covers."),
        req("vision", .markdown, "The vision statement."),
        req("values", .list(.object(ObjectSchema("value", "A core value.", [
            req("title", .text, "The value."), req("description", .markdown, "What it means."),
        ]))), "Core values."),
        req("agencies", .list(.object(agency)), "Safeguarding partners and relevant agencies."),
        opt("subgroups", .list(.object(ObjectSchema("subgroup", "A subgroup of the partnership.", [
            req("id", .identifier, "Stable id."), req("name", .text, "Name."),
            opt("chair", .reference(.agency), "The agency that chairs it."), req("remit", .markdown, "What it does."),
        ]))), "Subgroups such as Monitoring and Evaluation."),
        opt("scrutineers", .list(.object(person)), "Independent scrutineers."),
        opt("lay_members", .list(.object(person)), "Lay members."),
        opt("contact", .object(ObjectSchema("contact", "How to reach the partnership.", [
            opt("email", .text, "Business unit email."), opt("phone", .text, "Business unit phone."),
            opt("worried_about_a_child", .markdown, "What to do if you are worried about a child."),
        ])), "Contact details."),
        opt("logo", .path, "Logo image, relative to the content folder."),
        updated,
    ])

    static let priority = ObjectSchema("priority", "A business-plan priority: content/priorities/*.md.", [
        opt("id", .identifier, "Stable id; defaults to the file name."),
        req("number", .integer(min: 1, max: 99), "Its number in the business plan."),
        req("title", .text, "Title."),
        req("lead", .reference(.agency), "The lead agency."),
        req("plan_start", .date, "First day of the plan period."),
        req("plan_end", .date, "Last day of the plan period."),
        opt("summary", .text, "One sentence for listings."),
        req("what_good_looks_like", .list(.markdown), "Statements of what good looks like."),
        opt("measures", .list(.reference(.indicator)), "Indicators that measure progress."),
        opt("content_areas", .list(.reference(.contentArea)), "Content areas under this priority."),
        audience,
        updated,
    ])

    static let contentArea = ObjectSchema("content-area", "A content area measured by the three OBA questions: content/content-areas/*.md.", [
        opt("id", .identifier, "Stable id; defaults to the file name."),
        req("title", .text, "Title."),
        req("kind", choice(ContentAreaKind.self), "What kind of content area it is."),
        req("outcome", .markdown, "The outcome sought for children."),
        opt("priorities", .list(.reference(.priority)), "Priorities it serves."),
        req("how_much", .list(.markdown), "How much did we do? Quantity measures."),
        req("how_well", .list(.markdown), "How well did we do it? What good looks like."),
        req("better_off", .list(.markdown), "Is anyone better off? Outcome statements."),
        req("sources", .list(.object(ObjectSchema("source", "A source of information.", [
            req("kind", choice(InformationSource.self), "Which of the four sources."),
            req("detail", .text, "What exactly."),
        ]))), "Sources of information."),
        audience,
        updated,
    ])

    static let activity = ObjectSchema("activity", "One activity in the QA programme.", [
        req("id", .identifier, "Stable id."),
        req("title", .text, "What will be done."),
        req("kind", choice(ActivityKind.self), "Kind of QA activity."),
        req("quarter", .integer(min: 1, max: 4), "Quarter of the financial year: 1 is April to June."),
        opt("content_area", .reference(.contentArea), "The content area it looks at."),
        opt("priorities", .list(.reference(.priority)), "Priorities it serves."),
        req("lead", .reference(.agency), "The lead agency."),
        opt("dates", .list(.date), "Audit days, panel dates."),
        opt("deadline", .date, "Deadline, for example for Section 11 returns."),
        req("status", choice(ActivityStatus.self), "planned, in-progress, done, postponed or cancelled."),
        opt("audit", .reference(.audit), "The audit that reports this activity, once done."),
        opt("note", .markdown, "A note, for example why it moved."),
        audience,
    ])

    static let programme = ObjectSchema("programme", "The QA programme for one financial year: content/programme/<year>.yml.", [
        req("year", .financialYear, "The financial year, for example 2025-26."),
        opt("title", .text, "Title; defaults to 'QA programme <year>'."),
        req("activities", .list(.object(activity)), "The year's activities."),
    ])

    static let finding = ObjectSchema("finding", "A finding.", [
        req("id", .identifier, "Stable id, unique across the content."),
        req("kind", choice(FindingKind.self), "strength, area-for-development or voice-of-the-child."),
        req("text", .markdown, "The finding."),
        audience,
    ])

    static let recommendation = ObjectSchema("recommendation", "A numbered recommendation.", [
        req("id", .identifier, "Stable id, unique across the content."),
        req("number", .integer(min: 1, max: 999), "Its number in the report."),
        req("text", .markdown, "The recommendation."),
        opt("findings", .list(.reference(.finding)), "Findings it answers."),
        audience,
    ])

    static let statusUpdate = ObjectSchema("status update", "A dated status.", [
        req("date", .date, "When the status was set."),
        req("status", choice(ActionStatus.self), "The status from that day."),
        opt("note", .markdown, "What happened."),
    ])

    static let action = ObjectSchema("action", "One line of an action plan.", [
        req("id", .identifier, "Stable id, unique across the content."),
        req("text", .markdown, "What will be done."),
        opt("recommendation", .reference(.recommendation), "The recommendation it delivers."),
        opt("owner", .reference(.agency), "The owning agency."),
        opt("owner_role", .text, "The owner's role."),
        opt("due", .date, "Due date."),
        opt("status", choice(ActionStatus.self), "Current status, when no dated history is kept."),
        opt("history", .list(.object(statusUpdate)), "Dated status history, oldest first."),
        opt("evidence", .markdown, "Evidence of impact."),
        audience,
    ])

    static let link = ObjectSchema("link", "A titled link.", [
        req("title", .text, "Link text."), req("url", .url, "Address."),
    ])

    static let briefingSections = ObjectSchema("briefing", "The seven sections of a 7-minute briefing.", [
        opt("background", .markdown, "1. Background."),
        opt("why_it_matters", .markdown, "2. Why it matters."),
        opt("what_we_did", .markdown, "3. What we did (or key information)."),
        opt("strengths", .markdown, "4. What we found: strengths. Defaults to the findings."),
        opt("areas_for_development", .markdown, "5. What we found: areas for development. Defaults to the findings."),
        opt("what_it_means", .markdown, "6. What this means for you."),
        opt("questions", .list(.markdown), "7. Questions for reflection."),
        opt("further_information", .list(.object(link)), "Further information and resources."),
        opt("contacts", .markdown, "Who to contact."),
    ])

    static let method = ObjectSchema("method", "Scope and method.", [
        opt("sample_size", .integer(min: 0, max: 100_000), "How many cases."),
        opt("selection", .markdown, "How the sample was chosen."),
        opt("lookback", .text, "The period looked back on."),
        opt("tool", .text, "The audit tool."),
        opt("grading", .text, "The grading scale."),
    ])

    static let audit = ObjectSchema("audit", "An audit or other QA activity report: content/audits/*.md.", [
        opt("id", .identifier, "Stable id; defaults to the file name."),
        req("title", .text, "Title."),
        req("kind", choice(ActivityKind.self), "Kind of audit."),
        opt("activity", .reference(.activity), "The programme activity it reports."),
        opt("content_area", .reference(.contentArea), "The content area."),
        opt("priorities", .list(.reference(.priority)), "Priorities it serves."),
        opt("agencies", .list(.reference(.agency)), "Agencies taking part."),
        opt("lead", .reference(.agency), "Lead agency."),
        req("date", .date, "The audit day."),
        opt("reported", .date, "When the report was agreed."),
        opt("reaudit", .date, "When it will be re-audited."),
        opt("summary", .text, "One sentence for listings."),
        req("terms_of_reference", .list(.markdown), "Terms of reference or key lines of enquiry."),
        req("method", .object(method), "Scope and method."),
        req("findings", .list(.object(finding)), "Findings."),
        opt("recommendations", .list(.object(recommendation)), "Numbered recommendations."),
        opt("actions", .list(.object(action)), "The action plan."),
        opt("sharing", .markdown, "How the learning will be shared."),
        opt("briefing", .object(briefingSections), "Its 7-minute briefing."),
        audience,
        updated,
    ])

    static let indicator = ObjectSchema("indicator", "A performance indicator: content/indicators/*.md.", [
        opt("id", .identifier, "Stable id; defaults to the file name."),
        req("title", .text, "What is measured."),
        req("oba", choice(OBACategory.self), "how-much, how-well or better-off."),
        req("unit", choice(IndicatorUnit.self), "Unit of the values."),
        req("direction", choice(Direction.self), "Whether higher or lower is better."),
        req("frequency", choice(Frequency.self), "monthly, quarterly or annual."),
        opt("target", .number, "Target value."),
        opt("tolerance", .number, "Distance from target still rated amber. Defaults to 5% of the target."),
        opt("baseline", .number, "Baseline value."),
        opt("comparators", .list(.object(ObjectSchema("comparator", "A comparator.", [
            req("label", .text, "For example 'England' or 'Statistical neighbours'."), req("value", .number, "Its value."),
        ]))), "Comparators."),
        opt("priority", .reference(.priority), "The priority it measures."),
        opt("content_area", .reference(.contentArea), "The content area it measures."),
        opt("owner", .reference(.agency), "The agency that reports it."),
        opt("values", .list(.object(ObjectSchema("value", "One period's value.", [
            req("period", .period, "The period."), req("value", .number, "The value."), opt("note", .text, "A note."),
        ]))), "Values by period (or use data)."),
        opt("data", .path, "A CSV file of period,value[,note] rows, relative to the content folder."),
        audience,
        updated,
    ])

    static let review = ObjectSchema("review", "A rapid review or practice review: content/reviews/*.md.", [
        opt("id", .identifier, "Stable id; defaults to the file name."),
        req("title", .text, "Title."),
        req("kind", choice(ReviewKind.self), "Kind of review."),
        req("date", .date, "When the review was held or decided."),
        opt("published", .date, "When it was published."),
        opt("decision", .markdown, "The decision, for example whether a rapid review leads to a local review."),
        opt("priorities", .list(.reference(.priority)), "Priorities it touches."),
        opt("summary", .text, "One sentence for listings."),
        opt("learning", .list(.markdown), "Key learning."),
        opt("findings", .list(.object(finding)), "Findings."),
        opt("recommendations", .list(.object(recommendation)), "Recommendations."),
        opt("actions", .list(.object(action)), "The action plan."),
        opt("briefing", .object(briefingSections), "Its 7-minute briefing."),
        audience,
        updated,
    ])

    static let scrutiny = ObjectSchema("scrutiny", "An independent scrutiny report: content/scrutiny/*.md.", [
        opt("id", .identifier, "Stable id; defaults to the file name."),
        req("title", .text, "Title."),
        req("author", .text, "The scrutineer."),
        req("date", .date, "Date of the report."),
        opt("scope", .markdown, "What was scrutinised."),
        opt("priorities", .list(.reference(.priority)), "Priorities it touches."),
        opt("summary", .text, "One sentence for listings."),
        opt("findings", .list(.object(finding)), "Findings."),
        opt("recommendations", .list(.object(recommendation)), "Recommendations."),
        opt("actions", .list(.object(action)), "Actions."),
        audience,
        updated,
    ])

    static let briefing = ObjectSchema("briefing", "A 7-minute briefing as its own file: content/briefings/*.md.", [
        opt("id", .identifier, "Stable id; defaults to the file name."),
        req("title", .text, "Title."),
        req("date", .date, "Publication date."),
        req("group", choice(BriefingGroup.self), "local-audit, local-review, national-review or theme."),
        opt("about", .text, "The id of the audit or review it is about."),
        opt("priorities", .list(.reference(.priority)), "Priorities it touches."),
        opt("sections", .object(briefingSections), "The seven sections."),
        audience,
        updated,
    ])

    static let page = ObjectSchema("page", "A free page: content/pages/*.md.", [
        opt("id", .identifier, "Stable id; defaults to the file name, and is the page's address."),
        req("title", .text, "Title."),
        opt("summary", .text, "One sentence for listings and search."),
        opt("order", .integer(min: 0, max: 999), "Position in navigation."),
        audience,
        updated,
    ])

    static let glossary = ObjectSchema("glossary", "Acronyms and terms: content/glossary.yml.", [
        req("terms", .list(.object(ObjectSchema("term", "A term.", [
            req("term", .text, "The acronym or term as written."), req("meaning", .text, "What it stands for."),
        ]))), "The terms."),
    ])

    static let report = ObjectSchema("report", "An annual report's own file: content/reports/<year>.md.", [
        opt("id", .identifier, "Stable id; defaults to the file name."),
        opt("title", .text, "Title; defaults to 'Annual report <year>'."),
        req("year", .financialYear, "The financial year reported on."),
        opt("period_start", .date, "First day; defaults to 1 April."),
        opt("period_end", .date, "Last day; defaults to 31 March."),
        req("status", choice(ReportStatus.self), "draft or approved; a draft is watermarked."),
        opt("signed_off", .list(.object(ObjectSchema("signatory", "Who signed it off.", [
            req("name", .text, "Name."), req("role", .text, "Role."),
            opt("agency", .reference(.agency), "Agency."), opt("date", .date, "Date signed."),
        ]))), "Sign-off."),
        opt("foreword", .markdown, "Foreword."),
        opt("key_messages", .markdown, "Key messages."),
        opt("voice_of_children", .markdown, "How the voice of children and families was sought and used."),
        opt("training", .markdown, "Training and its impact."),
        opt("budget_commentary", .markdown, "Budget commentary."),
        opt("scrutineer_statement", .markdown, "The independent scrutineer's statement."),
        opt("next_priorities", .markdown, "Next year's priorities."),
        opt("budget", .list(.object(ObjectSchema("budget line", "A contribution.", [
            opt("agency", .reference(.agency), "Contributing agency."), opt("label", .text, "Label when not an agency."),
            req("contribution", .number, "Amount in pounds."),
        ]))), "Budget contributions."),
    ])
}
