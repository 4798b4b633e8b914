#!/usr/bin/env python3
"""Makes a fictional safeguarding partnership's QA content at a given size, for benchmarks.

    bench/generate_corpus.py --documents N --out DIR [--seed S]

Writes, under DIR:

  qapress/qapress.yml, qapress/content/...  the partnership as qapress reads it
  hugo/                                     the same documents as a Hugo site
  bodies/NNNNN.md                           the Markdown bodies alone, for the cmark-gfm floor
  manifest.json                             counts, bytes, seed and generator version

A document is one content file of the partnership: an audit, indicator, briefing, page,
review, scrutiny report, priority, content area, programme year or annual report. N counts
all of them; partnership.md and glossary.yml come on top. The same arguments always give
byte-identical files: everything random comes from one random.Random(seed), and nothing
depends on the clock, the machine or the order of a set.

Everything is fictional: the area (Kestrelford), its agencies and the few names of people
(scrutineer, lay members, signatories) are made up. The text avoids what the privacy
checks of `qapress check` look for (phone numbers, e-mail addresses, postcodes, NHS and
National Insurance numbers, dates of birth), so the corpus checks with no errors.
"""

import argparse
import datetime
import json
import math
import os
import random
import shutil
import sys

GENERATOR_VERSION = "1"

# The last programme year, and the latest date any status or value is recorded. Both are
# fixed (not "today") so that output never depends on when it was made.
LAST_YEAR_START = 2025
LAST_RECORDED = datetime.date(2026, 6, 30)

AREA = "Kestrelford"
PARTNERSHIP = "Kestrelford Safeguarding Children Partnership"

AGENCIES = [
    ("kbc", "Kestrelford Borough Council", "Council", "safeguarding-partner"),
    ("police", "Eastwold Police", "Police", "safeguarding-partner"),
    ("icb", "Kestrelford Integrated Care Board", "ICB", "safeguarding-partner"),
    ("education", "Kestrelford schools, colleges and early years settings", "Education", "education"),
    ("hospital", "Kestrelford Hospitals NHS Foundation Trust", "Hospital trust", "relevant-agency"),
    ("community-health", "Eastwold Community and Mental Health NHS Trust", "Community health", "relevant-agency"),
    ("probation", "Probation Service, Eastwold region", "Probation", "relevant-agency"),
    ("yjs", "Kestrelford Youth Justice Service", "YJS", "relevant-agency"),
    ("housing", "Kestrelford Homes", "Housing", "relevant-agency"),
    ("vcs", "Kestrelford Council for Voluntary Service", "Voluntary sector", "relevant-agency"),
]
AGENCY_IDS = [a[0] for a in AGENCIES]
AGENCY_SHORT = {a[0]: a[2] for a in AGENCIES}
AGENCY_NAME = {a[0]: a[1] for a in AGENCIES}

PRIORITIES = [
    ("neglect", "Reducing the impact of neglect", "kbc",
     "Neglect is recognised early and help changes children's daily lives."),
    ("exploitation", "Safeguarding children from exploitation and serious violence", "police",
     "Children at risk outside the home are identified early and kept safe in their communities."),
    ("mental-health", "Children's mental and emotional health", "icb",
     "Children get timely help for their emotional health and are kept safe while they wait."),
    ("domestic-abuse", "Children living with domestic abuse", "police",
     "Children who live with domestic abuse are seen, heard and helped as victims in their own right."),
    ("early-help", "Early help and the front door", "kbc",
     "Families get the right help at the right time, without being passed between services."),
    ("partnership", "Partnership engagement and learning", "icb",
     "Partners hold each other to account and learning changes practice."),
]
PRIORITY_IDS = [p[0] for p in PRIORITIES]

CONTENT_AREAS = [
    ("neglect", "Neglect", "specific-risk", ["neglect"]),
    ("exploitation", "Child exploitation and missing children", "specific-risk", ["exploitation"]),
    ("emotional-health", "Emotional health and wellbeing", "priority-service-area", ["mental-health"]),
    ("domestic-abuse", "Domestic abuse", "specific-risk", ["domestic-abuse"]),
    ("front-door", "The Children's Front Door and early help", "priority-service-area", ["early-help", "neglect"]),
    ("multi-agency-working", "Multi-agency working", "partnership-working", ["partnership"]),
    ("disabled-children", "Disabled children", "vulnerable-group", ["early-help", "neglect"]),
    ("safe-organisations", "Safe organisations", "organisational", ["partnership"]),
]
AREA_IDS = [c[0] for c in CONTENT_AREAS]
AREA_PRIORITIES = {c[0]: c[3] for c in CONTENT_AREAS}

TOPICS = [
    "neglect", "child criminal exploitation", "children who go missing from home", "self-harm",
    "domestic abuse", "online harm", "early help step-down", "strategy discussions",
    "disabled children", "school attendance", "fathers and male carers", "babies under one",
    "transition to adult services", "private fostering", "contextual safeguarding",
    "harmful sexual behaviour", "parental substance misuse", "young carers",
    "children in temporary accommodation", "elective home education", "emotional wellbeing",
    "child sexual exploitation", "return home interviews", "information sharing",
    "the voice of the child", "pre-birth assessment", "adolescent risk", "bullying",
    "children living with parental mental ill health", "child protection conferences",
    "safer recruitment", "allegations against staff", "suicide prevention", "knife carrying",
    "unaccompanied asylum-seeking children", "children with special educational needs",
]
TOPIC_AREA = {}
for _i, _t in enumerate(TOPICS):
    TOPIC_AREA[_t] = AREA_IDS[_i % len(AREA_IDS)]

ROLES = [
    "Head of Safeguarding and Quality Assurance", "Designated Nurse for Safeguarding Children",
    "Detective Inspector, Public Protection", "Head of the Children's Front Door",
    "Principal Social Worker", "Head of Early Help", "Named Doctor for Safeguarding",
    "Education Safeguarding Lead", "Partnership Business Manager", "Head of Youth Justice",
    "Service Manager, Children in Need", "Learning and Development Lead",
    "Head of Midwifery", "Service Director, CAMHS", "Team Manager, Exploitation Hub",
    "Safeguarding Lead, Kestrelford Homes", "Senior Probation Officer",
]
PRACTITIONERS = [
    "social workers", "health visitors", "school nurses", "designated safeguarding leads",
    "police officers", "GPs", "midwives", "youth workers", "early help workers",
    "CAMHS clinicians", "family support workers", "probation officers", "housing officers",
    "emergency department staff", "child protection chairs", "independent reviewing officers",
]
SETTINGS = [
    "at the front door", "in child protection conferences", "in core groups",
    "at strategy discussions", "in early help assessments", "in school",
    "at home visits", "in the emergency department", "in the youth justice service",
    "at return home interviews", "in supervision", "at multi-agency meetings",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ADJ = ["clear", "consistent", "timely", "thorough", "patchy", "limited", "strong",
       "uneven", "improving", "well-recorded", "child-centred", "proportionate"]
VERBS = ["recorded", "shared", "reviewed", "explained", "tested", "followed up",
         "discussed", "agreed", "challenged", "escalated"]
RATINGS = ["Good", "Requires improvement", "Good", "Outstanding", "Inadequate", "Good"]
AUDIT_KINDS = [
    ("multi-agency-audit", "Multi-agency audit", "maa"),
    ("multi-agency-audit", "Multi-agency audit", "maa"),
    ("single-agency-audit", "Single-agency audit", "saa"),
    ("deep-dive", "Deep dive", "dd"),
    ("dip-sample", "Dip sample", "dip"),
    ("re-audit", "Re-audit", "ra"),
    ("peer-review", "Peer review", "pr"),
    ("practice-observation", "Practice observation", "po"),
    ("survey", "Practitioner survey", "sv"),
]
REVIEW_KINDS = [
    ("rapid-review", "Rapid review"), ("local-cspr", "Local child safeguarding practice review"),
    ("national-review", "National review"), ("child-death-review", "Child death review thematic"),
]
UNITS = [("percent", "Percentage"), ("count", "Number"), ("rate-per-10000", "Rate per 10,000 children"),
         ("days", "Average days"), ("weeks", "Average weeks")]
GLOSSARY = [
    ("7-minute briefing", "A short summary of learning, in a fixed structure, that a team manager can deliver in about seven minutes."),
    ("BRAG", "Blue, red, amber, green: a RAG rating with blue for actions that are complete."),
    ("CAMHS", "Child and adolescent mental health services."),
    ("CCE", "Child criminal exploitation."),
    ("CSE", "Child sexual exploitation."),
    ("CSPR", "Child safeguarding practice review."),
    ("DSL", "Designated safeguarding lead in a school, college or early years setting."),
    ("GP", "General practitioner (family doctor)."),
    ("ICB", "Integrated care board."),
    ("LADO", "Local authority designated officer, who manages allegations against people who work with children."),
    ("MASH", "Multi-agency safeguarding hub."),
    ("OBA", "Outcomes Based Accountability."),
    ("QA", "Quality assurance."),
    ("RAG", "Red, amber, green: a rating of progress."),
    ("SEND", "Special educational needs and disabilities."),
    ("YJS", "Youth Justice Service."),
    ("Early help", "Support for children and families as soon as problems emerge."),
    ("Contextual safeguarding", "Protecting young people from harm outside the home, in places such as parks, schools and online."),
    ("Section 11", "The duty of agencies under section 11 of the Children Act 2004 to safeguard children."),
    ("Strategy discussion", "A meeting of agencies to decide whether to start a child protection enquiry."),
]

# ---------------------------------------------------------------------------------------
# YAML and text helpers


def q(value):
    """A YAML scalar for one line of text, quoted when plain YAML could misread it."""
    text = str(value)
    specials = set(":#[]{},&*!|>'\"%@`")
    if (not text or text[0] in "-?~ " or text[-1] == " " or any(c in specials for c in text)
            or text.lower() in ("yes", "no", "true", "false", "null", "on", "off", "y", "n")
            or text[0].isdigit()):
        return json.dumps(text, ensure_ascii=False)
    return text


def block(text, indent):
    """A YAML literal block (`|`) holding Markdown, indented by `indent` spaces."""
    pad = " " * indent
    lines = text.rstrip("\n").split("\n")
    return "|\n" + "\n".join((pad + line) if line else "" for line in lines) + "\n"


def cap(text):
    return text[:1].upper() + text[1:]


def fy(start):
    return "%d-%02d" % (start, (start + 1) % 100)


def quarter_range(year_start, quarter):
    """First and last day of quarter 1-4 of the financial year starting in April `year_start`."""
    month = 4 + 3 * (quarter - 1)
    year = year_start + (month - 1) // 12
    month = (month - 1) % 12 + 1
    first = datetime.date(year, month, 1)
    end_month = month + 3
    end_year = year + (end_month - 1) // 12
    end_month = (end_month - 1) % 12 + 1
    last = datetime.date(end_year, end_month, 1) - datetime.timedelta(days=1)
    return first, last


def day_between(rng, first, last):
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def weekday_between(rng, first, last):
    d = day_between(rng, first, last)
    while d.weekday() >= 5:
        d -= datetime.timedelta(days=1)
        if d < first:
            d = first
            break
    return d


def long_date(d):
    return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)


# ---------------------------------------------------------------------------------------
# Prose


class Prose:
    """Makes sentences, paragraphs and whole Markdown bodies from fixed word lists."""

    def __init__(self, rng, links):
        self.rng = rng
        self.links = links  # list of (text, address) any body may link to

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def n(self, lo=2, hi=40):
        return self.rng.randint(lo, hi)

    def sentence(self, topic):
        r = self.rng
        n1 = self.n(3, 30)
        n2 = r.randint(1, n1)
        t = r.randrange(22)
        a = AGENCY_SHORT[self.pick(AGENCY_IDS)].lower() if r.random() < 0.3 else self.pick(PRACTITIONERS)
        if t == 0:
            s = "In %d of the %d cases, %s had %s what the child said about %s." % (n2, n1, self.pick(PRACTITIONERS), self.pick(VERBS), topic)
        elif t == 1:
            s = "Practice %s was %s, and the reasons for decisions were %s in most records." % (self.pick(SETTINGS), self.pick(ADJ), self.pick(VERBS))
        elif t == 2:
            s = "%s told us that they felt more confident about %s after the partnership's training." % (cap(a), topic)
        elif t == 3:
            s = "The panel agreed with the decision in %d of the %d cases, and found the plan %s in the rest." % (n2, n1, self.pick(ADJ))
        elif t == 4:
            s = "Where %s worked together early, families said the help made sense and came at the right time." % self.pick(PRACTITIONERS)
        elif t == 5:
            s = "Information was not always %s between agencies, so decisions were sometimes made on what one service knew." % self.pick(VERBS)
        elif t == 6:
            s = "By %s %d the share of plans with a clear outcome for the child had risen to %d%%." % (self.pick(MONTHS), r.randint(2012, 2026), r.randint(40, 97))
        elif t == 7:
            s = "Children's own words were %s in %d of the %d records, which is %s than in the previous audit." % (self.pick(VERBS), n2, n1, self.pick(["better", "a little better", "no better", "worse"]))
        elif t == 8:
            s = "Managers %s did not always check that actions from the last meeting had happened." % self.pick(SETTINGS)
        elif t == 9:
            s = "This matters because %s builds up over time, and help that stops too early rarely lasts." % topic
        elif t == 10:
            s = "The %s asked each agency to test its own records against the same questions before the audit day." % self.pick(ROLES)
        elif t == 11:
            s = "Fathers and other men in the household were %s in %d of the %d cases." % (self.pick(["seen", "assessed", "invited to meetings", "named in the plan"]), n2, n1)
        elif t == 12:
            s = "Several %s described the threshold guidance as %s, although some were unsure how to use it for %s." % (self.pick(PRACTITIONERS), self.pick(ADJ), topic)
        elif t == 13:
            s = "The learning from this work is shared through briefings, the practitioner forum and the partnership's training programme."
        elif t == 14:
            s = "Waiting times grew from %d to %d days over the year, while demand rose by about %d%%." % (r.randint(10, 40), r.randint(41, 90), r.randint(5, 30))
        elif t == 15:
            s = "Where a plan ended, it was usually because tasks were complete rather than because the child's life had changed."
        elif t == 16:
            s = "%s were more likely to ask the second question, and to check what they were told with another agency." % cap(self.pick(PRACTITIONERS))
        elif t == 17:
            s = "The audit day brought together %d practitioners from %d agencies to look at the records side by side." % (self.n(6, 30), self.n(3, 8))
        elif t == 18:
            s = "Young people said they wanted adults to \"listen first and explain what happens next\"."
        elif t == 19:
            s = "It is too early to say whether the change has made a lasting difference; the re-audit will test it."
        elif t == 20:
            s = "Supervision records showed that %s was discussed, but rarely with a plan for what to do differently." % topic
        else:
            s = "The Monitoring and Evaluation subgroup will check progress every quarter and report to the partnership executive."
        return s

    def inline(self, text):
        """Adds emphasis, strong text, a link, strikethrough or a footnote reference."""
        r = self.rng
        words = text.split(" ")
        if len(words) > 6 and r.random() < 0.35:
            i = r.randrange(1, len(words) - 3)
            if not any(ch in words[i] + words[i + 1] for ch in "*_[]()%\"'"):
                mark = "**" if r.random() < 0.5 else "*"
                words[i] = mark + words[i]
                words[i + 1] = words[i + 1] + mark
        text = " ".join(words)
        if r.random() < 0.25 and self.links:
            label, url = self.pick(self.links)
            text += " See [%s](%s)." % (label, url)
        if r.random() < 0.04:
            text += " The earlier target was ~~twelve weeks~~ now eight weeks."
        return text

    def paragraph(self, topic, lo=3, hi=6):
        return " ".join(self.inline(self.sentence(topic)) for _ in range(self.rng.randint(lo, hi)))

    def bullets(self, topic, ordered=False):
        items = []
        for k in range(self.rng.randint(3, 6)):
            s = self.sentence(topic)
            prefix = "%d. " % (k + 1) if ordered else "- "
            items.append(prefix + self.inline(s))
            if not ordered and self.rng.random() < 0.15:
                items.append("  - " + self.sentence(topic))
        return "\n".join(items)

    def tasks(self, topic):
        lines = []
        for _ in range(self.rng.randint(3, 5)):
            done = "x" if self.rng.random() < 0.5 else " "
            lines.append("- [%s] %s %s %s" % (done, self.pick(["Brief", "Train", "Remind", "Ask", "Check with"]),
                                              self.pick(PRACTITIONERS), "about " + topic))
        return "\n".join(lines)

    def table(self):
        r = self.rng
        head = "| agency | cases audited | rated good or better | main theme |\n| --- | ---: | ---: | --- |"
        rows = []
        for ag in r.sample(AGENCY_IDS, r.randint(3, 6)):
            total = r.randint(3, 20)
            rows.append("| %s | %d | %d%% | %s |" % (AGENCY_SHORT[ag], total, r.randint(20, 100), self.pick(ADJ) + " recording"))
        return head + "\n" + "\n".join(rows)

    def quote(self, topic):
        who = self.pick(["A parent", "A young person", "A designated safeguarding lead", "A health visitor",
                         "A team manager", "A foster carer", "A youth worker"])
        return "> \"%s\"\n>\n> %s, speaking to the audit team" % (self.sentence(topic), who)

    def body(self, topic, headings, target):
        """A Markdown body of about `target` bytes: paragraphs under the given headings, with a
        list, a table, a quotation, a task list and a footnote now and then."""
        r = self.rng
        parts = [self.paragraph(topic)]
        footnotes = []
        h = 0
        size = len(parts[0])
        while size < target:
            heading = headings[h % len(headings)] if h < len(headings) else "%s (%d)" % (headings[h % len(headings)], h // len(headings) + 1)
            h += 1
            section = ["## " + heading, self.paragraph(topic)]
            roll = r.random()
            if roll < 0.3:
                section.append(self.bullets(topic))
            elif roll < 0.45:
                section.append(self.bullets(topic, ordered=True))
            elif roll < 0.55:
                section.append(self.table())
            elif roll < 0.65:
                section.append(self.quote(topic))
            elif roll < 0.70:
                section.append(self.tasks(topic))
            if r.random() < 0.3:
                section.append("### " + self.pick(["What went well", "What needs to change", "What children told us",
                                                   "What practitioners told us", "Next steps", "The data"]))
                section.append(self.paragraph(topic, 2, 4))
            if r.random() < 0.08:
                k = len(footnotes) + 1
                section[-1] += "[^%d]" % k
                footnotes.append("[^%d]: %s" % (k, self.sentence(topic)))
            if r.random() < 0.5:
                section.append(self.paragraph(topic, 2, 5))
            text = "\n\n".join(section)
            parts.append(text)
            size += len(text) + 2
        if footnotes:
            parts.append("\n".join(footnotes))
        return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------------------------------
# The plan: every document and its id first, so that any body can link to any document.


def plan(n, rng):
    fixed = len(PRIORITIES) + len(CONTENT_AREAS)
    years = max(2, math.ceil(0.45 * n / 300))
    rest = n - fixed - 2 * years  # a programme file and an annual report per year
    if rest < 20:
        raise SystemExit("generate_corpus: --documents must be at least %d" % (fixed + 2 * years + 20))
    counts = {
        "audits": round(0.45 * rest),
        "indicators": round(0.20 * rest),
        "briefings": round(0.15 * rest),
        "pages": round(0.15 * rest),
    }
    other = rest - sum(counts.values())
    counts["scrutiny"] = max(1, other // 5)
    counts["reviews"] = other - counts["scrutiny"]
    return years, counts


def slug(text):
    out = []
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def generate(n, seed, out):
    rng = random.Random(seed)
    years_count, counts = plan(n, rng)
    first_year = LAST_YEAR_START - years_count + 1
    years = list(range(first_year, LAST_YEAR_START + 1))

    # Ids and titles of everything, in a fixed order.
    audits = []
    for i in range(counts["audits"]):
        kind, label, abbr = AUDIT_KINDS[rng.randrange(len(AUDIT_KINDS))]
        topic = TOPICS[rng.randrange(len(TOPICS))]
        year = years[i * len(years) // counts["audits"]]
        quarter = rng.randint(1, 4)
        audits.append({"id": "%s-%d-%s-%05d" % (abbr, year, slug(topic)[:24].strip("-"), i + 1), "kind": kind,
                       "title": "%s: %s (%s)" % (label, topic[0].upper() + topic[1:], fy(year)),
                       "topic": topic, "year": year, "quarter": quarter, "n": i + 1})
    indicators = []
    for i in range(counts["indicators"]):
        topic = TOPICS[rng.randrange(len(TOPICS))]
        unit, unit_label = UNITS[rng.randrange(len(UNITS))]
        indicators.append({"id": "ind-%05d-%s" % (i + 1, slug(topic)[:24].strip("-")), "topic": topic,
                           "unit": unit, "title": "%s: %s (measure %d)" % (unit_label, topic, i + 1),
                           "priority": PRIORITY_IDS[i % len(PRIORITY_IDS)]})
    reviews = []
    for i in range(counts["reviews"]):
        kind, label = REVIEW_KINDS[rng.randrange(len(REVIEW_KINDS))]
        topic = TOPICS[rng.randrange(len(TOPICS))]
        year = years[rng.randrange(len(years))]
        reviews.append({"id": "rev-%d-%05d" % (year, i + 1), "kind": kind, "topic": topic, "year": year,
                        "title": "%s: %s" % (label, topic)})
    scrutiny = []
    for i in range(counts["scrutiny"]):
        topic = TOPICS[rng.randrange(len(TOPICS))]
        year = years[rng.randrange(len(years))]
        scrutiny.append({"id": "scr-%d-%05d" % (year, i + 1), "topic": topic, "year": year,
                         "title": "Independent scrutiny: %s" % topic})
    briefings = []
    for i in range(counts["briefings"]):
        topic = TOPICS[rng.randrange(len(TOPICS))]
        briefings.append({"id": "br-%05d-%s" % (i + 1, slug(topic)[:24].strip("-")), "topic": topic,
                          "title": "7-minute briefing: %s" % topic})
    pages = [
        {"id": "about", "title": "About the partnership", "topic": "multi-agency working", "order": 1},
        {"id": "contact", "title": "Contact us", "topic": "information sharing", "order": 2},
        {"id": "accessibility", "title": "Accessibility statement", "topic": "the voice of the child", "order": 3},
        {"id": "qa-framework", "title": "How we assure the quality of our work", "topic": "multi-agency working", "order": 4},
    ]
    for i in range(counts["pages"] - len(pages)):
        topic = TOPICS[rng.randrange(len(TOPICS))]
        pages.append({"id": "guide-%05d-%s" % (i + 1, slug(topic)[:24].strip("-")), "topic": topic,
                      "title": "Practice guidance: %s (%d)" % (topic, i + 1)})

    links = []
    links += [(a["title"], "/audits/%s/" % a["id"]) for a in audits]
    links += [(r["title"], "/reviews/%s/" % r["id"]) for r in reviews]
    links += [(s["title"], "/scrutiny/%s/" % s["id"]) for s in scrutiny]
    links += [(b["title"], "/briefings/%s/" % b["id"]) for b in briefings]
    links += [(p["title"], "/%s/" % p["id"]) for p in pages]
    links += [(i["title"], "/scorecard/#%s" % i["id"]) for i in indicators]
    links += [("priority: " + p[1], "/priorities/%s/" % p[0]) for p in PRIORITIES]
    links += [("content area: " + c[1], "/content-areas/%s/" % c[0]) for c in CONTENT_AREAS]
    links += [("QA programme " + fy(y), "/programme/%s/" % fy(y)) for y in years]
    links += [("the action tracker", "/actions/"), ("the glossary", "/glossary/"), ("the scorecard", "/scorecard/")]
    prose = Prose(rng, links)

    qroot = os.path.join(out, "qapress")
    croot = os.path.join(qroot, "content")
    hroot = os.path.join(out, "hugo")
    broot = os.path.join(out, "bodies")
    for d in (qroot, hroot, broot):
        if os.path.exists(d):
            shutil.rmtree(d)
    files = {}  # path relative to out -> text, written at the end in sorted order
    documents = []  # (kind, id, title, date or None, priorities, body) in a fixed order

    def body_target():
        return rng.randint(3000, 5800)

    # qapress.yml ----------------------------------------------------------------------
    files["qapress/qapress.yml"] = (
        "# A generated, fictional partnership for benchmarks (bench/generate_corpus.py).\n"
        "content: content\ntheme: default\nbase_url: /\ndefault_audience: public\n"
        "privacy:\n  allow:\n    - 01632 960321\n  watch_list:\n    - Child Zed\n    - Larkspur Primary\n"
        "  small_numbers: 5\n")

    # partnership.md, glossary ------------------------------------------------------------
    fm = ["name: %s" % PARTNERSHIP, "short_name: KSCP", "area: %s" % AREA,
          "vision: " + block("Every child in %s grows up safe, heard and able to reach their potential." % AREA, 2).rstrip("\n"),
          "values:"]
    for title, desc in [("Children at the centre", "We start from what each child tells us and needs."),
                        ("Everyone's responsibility", "Every practitioner and organisation plays its part."),
                        ("Evidence of difference", "We judge ourselves by what changes for children.")]:
        fm += ["  - title: %s" % q(title), "    description: %s" % q(desc)]
    fm.append("agencies:")
    for aid, name, short, role in AGENCIES:
        fm += ["  - id: %s" % aid, "    name: %s" % q(name), "    short_name: %s" % q(short), "    role: %s" % role]
    fm += ["subgroups:", "  - id: monitoring-evaluation", "    name: Monitoring and Evaluation subgroup", "    chair: icb",
           "    remit: Plans and runs the QA programme and the scorecard.",
           "  - id: learning-review", "    name: Learning and Review subgroup", "    chair: kbc",
           "    remit: Carries out rapid reviews and turns learning into training.",
           "scrutineers:", "  - name: Dr Robin Placeholder", "    role: Independent scrutineer",
           "lay_members:", "  - name: Sam Specimen", "    role: Lay member",
           "contact:", "  email: kscp@example.org", "  phone: 01632 960321",
           "  worried_about_a_child: " + block("If a child is in immediate danger, call 999. Otherwise contact the front door on 01632 960321.", 4).rstrip("\n")]
    files["qapress/content/partnership.md"] = "---\n" + "\n".join(fm) + "\n---\n" + prose.paragraph("multi-agency working") + "\n"
    files["qapress/content/glossary.yml"] = "terms:\n" + "".join(
        "  - term: %s\n    meaning: %s\n" % (q(t), q(m)) for t, m in GLOSSARY)

    # indicators ---------------------------------------------------------------------------
    measures = {p: [] for p in PRIORITY_IDS}
    for ind in indicators:
        if len(measures[ind["priority"]]) < 8:
            measures[ind["priority"]].append(ind["id"])
    for ind in indicators:
        unit = ind["unit"]
        quarters = rng.randint(6, 12)
        last_q = 4 * (LAST_YEAR_START - first_year) + 3  # 2025-26 Q4, counted from first_year Q1
        start_q = max(0, last_q - quarters + 1 - rng.randint(0, 3))
        end_q = min(last_q, start_q + quarters - 1)
        if unit == "percent":
            base, target = rng.uniform(30, 90), rng.randint(40, 95)
        elif unit == "count":
            base, target = rng.uniform(20, 900), rng.randint(20, 900)
        elif unit == "rate-per-10000":
            base, target = rng.uniform(10, 400), rng.randint(10, 400)
        else:
            base, target = rng.uniform(5, 90), rng.randint(5, 60)
        values = []
        v = base
        for k in range(start_q, end_q + 1):
            v = max(1.0, v * rng.uniform(0.9, 1.1))
            period = "%s Q%d" % (fy(first_year + k // 4), k % 4 + 1)
            value = str(int(round(v))) if unit in ("count", "days") else "%.1f" % v
            note = rng.choice(["", "", "", "New recording system from this quarter", "One large sibling group"])
            values.append((period, value, note))
        direction = rng.choice(["higher-is-better", "lower-is-better", "neither"])
        fm = ["title: %s" % q(ind["title"]), "oba: %s" % rng.choice(["how-much", "how-well", "better-off"]),
              "unit: %s" % unit, "direction: %s" % direction, "frequency: quarterly",
              "target: %d" % target, "tolerance: %d" % max(1, target // 10), "baseline: %d" % max(1, int(base)),
              "comparators:", "  - label: England", "    value: %d" % max(1, int(target * rng.uniform(0.8, 1.2))),
              "  - label: Statistical neighbours", "    value: %d" % max(1, int(target * rng.uniform(0.8, 1.2))),
              "priority: %s" % ind["priority"], "content_area: %s" % TOPIC_AREA[ind["topic"]],
              "owner: %s" % rng.choice(AGENCY_IDS)]
        if rng.random() < 0.5:
            csv = ["period,value,note"]
            for period, value, note in values:
                csv.append("%s,%s,%s" % (period, value, note))
            files["qapress/content/data/%s.csv" % ind["id"]] = "\n".join(csv) + "\n"
            fm.append("data: data/%s.csv" % ind["id"])
        else:
            fm.append("values:")
            for period, value, note in values:
                fm += ["  - period: %s" % period, "    value: %s" % value]
                if note:
                    fm.append("    note: %s" % q(note))
        body = ("*Commentary from the %s.*\n\n" % rng.choice(ROLES)) + prose.body(
            ind["topic"], ["What the data shows", "Why it has changed", "What we are doing", "Comparison with others"], body_target())
        ind["fm"], ind["body"] = fm, body

    # priorities and content areas ----------------------------------------------------------
    for number, (pid, title, lead, summary) in enumerate(PRIORITIES, start=1):
        fm = ["number: %d" % number, "title: %s" % q(title), "lead: %s" % lead,
              "plan_start: %d-04-01" % first_year, "plan_end: %d-03-31" % (LAST_YEAR_START + 2),
              "summary: %s" % q(summary), "what_good_looks_like:"]
        for _ in range(3):
            fm.append("  - %s" % q(prose.sentence(title.lower())))
        fm.append("measures:")
        fm += ["  - %s" % m for m in measures[pid]]
        areas = [c[0] for c in CONTENT_AREAS if pid in c[3]]
        if areas:
            fm.append("content_areas:")
            fm += ["  - %s" % a for a in areas]
        body = prose.body(title.lower(), ["Why this is a priority", "What we have done", "What we will do next", "How we will know"], body_target())
        documents.append(("priorities", pid, title, None, [pid], fm, body))
    for cid, title, kind, prios in CONTENT_AREAS:
        fm = ["title: %s" % q(title), "kind: %s" % kind,
              "outcome: %s" % q("Children are protected from harm and their lives improve: %s." % title.lower()),
              "priorities: [%s]" % ", ".join(prios), "how_much:"]
        fm += ["  - %s" % q(prose.sentence(title.lower())) for _ in range(2)]
        fm.append("how_well:")
        fm += ["  - %s" % q(prose.sentence(title.lower())) for _ in range(2)]
        fm.append("better_off:")
        fm += ["  - %s" % q(prose.sentence(title.lower())) for _ in range(2)]
        fm.append("sources:")
        for sk in ["children-and-families", "frontline-staff", "case-records", "organisational-data"]:
            fm += ["  - kind: %s" % sk, "    detail: %s" % q(prose.sentence(title.lower()))]
        body = prose.body(title.lower(), ["What this area covers", "What we know", "What we are doing"], body_target())
        documents.append(("content-areas", cid, title, None, prios, fm, body))

    # audits and the programme --------------------------------------------------------------
    activities = {y: [] for y in years}
    for a in audits:
        first, last = quarter_range(a["year"], a["quarter"])
        date = weekday_between(rng, first, last)
        reported = min(date + datetime.timedelta(days=rng.randint(14, 60)), LAST_RECORDED)
        reported = max(reported, date)
        area = TOPIC_AREA[a["topic"]]
        prios = AREA_PRIORITIES[area]
        lead = rng.choice(AGENCY_IDS[:5])
        agencies = sorted(set([lead] + rng.sample(AGENCY_IDS, rng.randint(2, 5))), key=AGENCY_IDS.index)
        act_id = "act-" + a["id"]
        activities[a["year"]].append((a["quarter"], act_id, a["title"], a["kind"], area, prios, lead, date, a["id"]))
        aid = a["id"]
        fm = ["title: %s" % q(a["title"]), "kind: %s" % a["kind"], "activity: %s" % act_id,
              "content_area: %s" % area, "priorities: [%s]" % ", ".join(prios),
              "agencies: [%s]" % ", ".join(agencies), "lead: %s" % lead,
              "date: %s" % date.isoformat(), "reported: %s" % reported.isoformat(),
              "reaudit: %s" % (date + datetime.timedelta(days=rng.randint(300, 500))).isoformat(),
              "summary: %s" % q(prose.sentence(a["topic"])), "terms_of_reference:"]
        fm += ["  - %s" % q(prose.sentence(a["topic"])) for _ in range(rng.randint(2, 4))]
        fm += ["method:", "  sample_size: %d" % rng.randint(4, 30),
               "  selection: " + block(prose.paragraph(a["topic"], 1, 2), 4).rstrip("\n"),
               "  lookback: %d months" % rng.choice([6, 12, 18]),
               "  tool: Partnership multi-agency audit tool",
               "  grading: Outstanding, good, requires improvement, inadequate", "findings:"]
        findings = []
        for k in range(rng.randint(4, 7)):
            fid = "%s-f%d" % (aid, k + 1)
            kind = ["strength", "area-for-development", "voice-of-the-child"][k % 3] if k < 3 else rng.choice(
                ["strength", "area-for-development", "voice-of-the-child"])
            findings.append((fid, kind))
            fm += ["  - id: %s" % fid, "    kind: %s" % kind, "    text: " + block(prose.paragraph(a["topic"], 1, 3), 6).rstrip("\n")]
        fm.append("recommendations:")
        recs = []
        for k in range(rng.randint(2, 4)):
            rid = "%s-r%d" % (aid, k + 1)
            recs.append(rid)
            answers = [f for f, kind in findings if kind == "area-for-development"][:2] or [findings[0][0]]
            fm += ["  - id: %s" % rid, "    number: %d" % (k + 1), "    text: %s" % q(prose.sentence(a["topic"])),
                   "    findings: [%s]" % ", ".join(answers)]
        fm.append("actions:")
        k = 0
        for rid in recs:
            for _ in range(rng.randint(1, 2)):
                k += 1
                fm += action_yaml(rng, prose, "%s-a%d" % (aid, k), rid, reported, a["topic"])
        fm.append("sharing: %s" % q("Shared through a 7-minute briefing, the practitioner forum and the training programme."))
        if rng.random() < 0.3:
            fm += ["briefing:",
                   "  background: " + block(prose.paragraph(a["topic"], 2, 3), 4).rstrip("\n"),
                   "  why_it_matters: " + block(prose.paragraph(a["topic"], 1, 2), 4).rstrip("\n"),
                   "  what_it_means: " + block(prose.bullets(a["topic"]), 4).rstrip("\n"),
                   "  questions:"]
            fm += ["    - %s" % q("How do you make sure %s is part of your everyday practice?" % a["topic"]),
                   "    - %s" % q("What would a child say about how well you listened?")]
        body = prose.body(a["topic"], ["Background", "What the audit looked at", "What we found", "Strengths",
                                       "Areas for development", "The child's experience", "What happens next"], body_target())
        documents.append(("audits", aid, a["title"], date, prios, fm, body))

    for y in years:
        acts = sorted(activities[y], key=lambda t: (t[0], t[7], t[1]))
        lines = ["year: %s" % fy(y), "title: %s" % q("Quality assurance programme %s" % fy(y)), "activities:"]
        for quarter, act_id, title, kind, area, prios, lead, date, audit_id in acts:
            lines += ["  - id: %s" % act_id, "    title: %s" % q(title), "    kind: %s" % kind,
                      "    quarter: %d" % quarter, "    content_area: %s" % area,
                      "    priorities: [%s]" % ", ".join(prios), "    lead: %s" % lead,
                      "    dates: [%s]" % date.isoformat(), "    status: done", "    audit: %s" % audit_id]
        for quarter in (1, 3):
            first, last = quarter_range(y, quarter)
            d = weekday_between(rng, first, last)
            kind = "focus-group" if quarter == 1 else "survey"
            lines += ["  - id: act-%s-%s" % (fy(y), kind), "    title: %s" % q("%s with young people about feeling safe" % ("Focus groups" if kind == "focus-group" else "Survey")),
                      "    kind: %s" % kind, "    quarter: %d" % quarter, "    lead: yjs",
                      "    dates: [%s]" % d.isoformat(), "    status: done",
                      "    note: " + block(prose.paragraph("feeling safe", 1, 2), 6).rstrip("\n")]
        files["qapress/content/programme/%s.yml" % fy(y)] = "\n".join(lines) + "\n"
        documents.append(("programme", fy(y), "QA programme %s" % fy(y), datetime.date(y, 4, 1), [],
                          None, "", [a[8] for a in acts]))

    # reviews and scrutiny -----------------------------------------------------------------
    for rv in reviews:
        date = weekday_between(rng, datetime.date(rv["year"], 4, 1), datetime.date(rv["year"] + 1, 3, 31))
        rid = rv["id"]
        prios = AREA_PRIORITIES[TOPIC_AREA[rv["topic"]]]
        fm = ["title: %s" % q(rv["title"]), "kind: %s" % rv["kind"], "date: %s" % date.isoformat(),
              "priorities: [%s]" % ", ".join(prios), "summary: %s" % q(prose.sentence(rv["topic"])),
              "decision: " + block(prose.paragraph(rv["topic"], 2, 3), 2).rstrip("\n"), "learning:"]
        fm += ["  - %s" % q(prose.sentence(rv["topic"])) for _ in range(3)]
        fm += ["findings:"]
        for k in range(3):
            fm += ["  - id: %s-f%d" % (rid, k + 1), "    kind: %s" % ["strength", "area-for-development", "area-for-development"][k],
                   "    text: %s" % q(prose.sentence(rv["topic"]))]
        fm.append("recommendations:")
        for k in range(2):
            fm += ["  - id: %s-r%d" % (rid, k + 1), "    number: %d" % (k + 1), "    text: %s" % q(prose.sentence(rv["topic"])),
                   "    findings: [%s-f%d]" % (rid, k + 2)]
        fm.append("actions:")
        for k in range(2):
            fm += action_yaml(rng, prose, "%s-a%d" % (rid, k + 1), "%s-r%d" % (rid, k + 1), min(date + datetime.timedelta(days=14), LAST_RECORDED), rv["topic"])
        body = prose.body(rv["topic"], ["The child and family", "What happened", "What the review found", "Learning", "What happens next"], body_target())
        documents.append(("reviews", rid, rv["title"], date, prios, fm, body))
    for sc in scrutiny:
        date = weekday_between(rng, datetime.date(sc["year"], 4, 1), datetime.date(sc["year"] + 1, 3, 31))
        sid = sc["id"]
        prios = AREA_PRIORITIES[TOPIC_AREA[sc["topic"]]]
        fm = ["title: %s" % q(sc["title"]), "author: Dr Robin Placeholder", "date: %s" % date.isoformat(),
              "scope: %s" % q(prose.sentence(sc["topic"])), "priorities: [%s]" % ", ".join(prios),
              "summary: %s" % q(prose.sentence(sc["topic"])), "findings:",
              "  - id: %s-f1" % sid, "    kind: strength", "    text: %s" % q(prose.sentence(sc["topic"])),
              "  - id: %s-f2" % sid, "    kind: area-for-development", "    text: %s" % q(prose.sentence(sc["topic"])),
              "recommendations:", "  - id: %s-r1" % sid, "    number: 1", "    text: %s" % q(prose.sentence(sc["topic"])),
              "    findings: [%s-f2]" % sid, "actions:"]
        fm += action_yaml(rng, prose, "%s-a1" % sid, "%s-r1" % sid, min(date + datetime.timedelta(days=14), LAST_RECORDED), sc["topic"])
        body = prose.body(sc["topic"], ["Scope", "What I found", "What works well", "What needs to change", "My recommendations"], body_target())
        documents.append(("scrutiny", sid, sc["title"], date, prios, fm, body))

    # briefings -------------------------------------------------------------------------
    for b in briefings:
        year = years[rng.randrange(len(years))]
        date = weekday_between(rng, datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31))
        prios = AREA_PRIORITIES[TOPIC_AREA[b["topic"]]]
        group = rng.choice(["theme", "theme", "national-review", "local-audit", "local-review"])
        fm = ["title: %s" % q(b["title"]), "date: %s" % date.isoformat(), "group: %s" % group]
        if group == "local-audit" and audits:
            fm.append("about: %s" % audits[rng.randrange(len(audits))]["id"])
        elif group == "local-review" and reviews:
            fm.append("about: %s" % reviews[rng.randrange(len(reviews))]["id"])
        fm += ["priorities: [%s]" % ", ".join(prios), "sections:"]
        for key in ["background", "why_it_matters", "what_we_did", "strengths", "areas_for_development"]:
            fm.append("  %s: " % key + block(prose.paragraph(b["topic"], 1, 3), 4).rstrip("\n"))
        fm.append("  what_it_means: " + block(prose.bullets(b["topic"]), 4).rstrip("\n"))
        fm.append("  questions:")
        fm += ["    - %s" % q("When did you last talk with a colleague from another agency about %s?" % b["topic"]),
               "    - %s" % q("What would help you spot %s earlier?" % b["topic"])]
        label, url = links[rng.randrange(len(links))]
        fm += ["  further_information:", "    - title: %s" % q(label), "      url: %s" % url,
               "  contacts: The partnership business unit."]
        body = prose.body(b["topic"], ["Using this briefing", "Background", "What we know", "What you can do"], body_target())
        documents.append(("briefings", b["id"], b["title"], date, prios, fm, body))

    # pages --------------------------------------------------------------------------------
    for p in pages:
        fm = ["title: %s" % q(p["title"]), "summary: %s" % q(prose.sentence(p["topic"]))]
        if "order" in p:
            fm.append("order: %d" % p["order"])
        body = prose.body(p["topic"], ["Who this is for", "What to do", "How the partnership can help", "Further reading"], body_target())
        documents.append(("pages", p["id"], p["title"], None, [], fm, body))

    # indicators as documents (their front matter was made above)
    for ind in indicators:
        documents.append(("indicators", ind["id"], ind["title"], None, [ind["priority"]], ind["fm"], ind["body"]))

    # annual reports ------------------------------------------------------------------------
    for y in years:
        fm = ["year: %s" % fy(y), "status: %s" % ("draft" if y == LAST_YEAR_START else "approved"),
              "signed_off:", "  - name: Alex Sample", "    role: Chair of the partnership executive", "    agency: kbc",
              "    date: %d-07-15" % (y + 1)]
        for key in ["foreword", "key_messages", "voice_of_children", "training", "budget_commentary",
                    "scrutineer_statement", "next_priorities"]:
            fm.append("%s: " % key + block(prose.paragraph("the partnership's work", 2, 4), 2).rstrip("\n"))
        fm += ["budget:", "  - agency: kbc", "    contribution: %d" % rng.randint(80000, 150000),
               "  - agency: police", "    contribution: %d" % rng.randint(30000, 80000),
               "  - agency: icb", "    contribution: %d" % rng.randint(30000, 80000)]
        documents.append(("reports", fy(y), "Annual report %s" % fy(y), datetime.date(y + 1, 7, 15), [], fm, ""))

    assert len(documents) == n, (len(documents), n)

    # Write qapress content, the Hugo site and the bodies -------------------------------------
    body_bytes = 0
    body_files = 0
    for index, doc in enumerate(documents):
        kind, did, title, date, prios, fm, body = doc[:7]
        if kind != "programme":
            files["qapress/content/%s/%s.md" % (kind, did)] = "---\n" + "\n".join(fm) + "\n---\n" + body
        hfm = ["title: %s" % json.dumps(title, ensure_ascii=False)]
        if date is not None:
            hfm.append("date: %s" % date.isoformat())
        if kind == "priorities":
            path = "hugo/content/priorities/%s/_index.md" % did
        else:
            if prios:
                hfm.append("priorities: [%s]" % ", ".join(json.dumps(p) for p in prios))
            if kind == "pages":
                hfm.append("slug: %s" % json.dumps(did))
            if kind == "programme":
                hfm.append("audits: [%s]" % ", ".join(json.dumps(x) for x in doc[7]))
            path = "hugo/content/%s/%s.md" % (kind, did)
        files[path] = "---\n" + "\n".join(hfm) + "\n---\n" + body
        if body:
            body_files += 1
            body_bytes += len(body.encode("utf-8"))
            files["bodies/%05d.md" % (index + 1)] = body

    for path, text in hugo_layouts().items():
        files["hugo/" + path] = text

    kinds = {}
    for doc in documents:
        kinds[doc[0]] = kinds.get(doc[0], 0) + 1
    content_bytes = sum(len(t.encode("utf-8")) for p, t in files.items() if p.startswith("qapress/content/"))
    manifest = {
        "generator": "bench/generate_corpus.py", "generator_version": GENERATOR_VERSION, "seed": seed,
        "documents": n, "documents_by_kind": dict(sorted(kinds.items())), "programme_years": [fy(y) for y in years],
        "body_files": body_files, "markdown_body_bytes": body_bytes,
        "average_body_bytes": round(body_bytes / max(1, body_files)),
        "qapress_content_bytes": content_bytes,
    }
    files["manifest.json"] = json.dumps(manifest, indent=2, sort_keys=False) + "\n"

    for path in sorted(files):
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="\n") as f:
            f.write(files[path])
    return manifest


def action_yaml(rng, prose, action_id, rec_id, start, topic):
    """One action of an action plan: owner, due date and a dated status history."""
    due = start + datetime.timedelta(days=rng.randint(60, 420))
    lines = ["  - id: %s" % action_id, "    text: %s" % q(prose.sentence(topic)), "    recommendation: %s" % rec_id,
             "    owner: %s" % rng.choice(AGENCY_IDS), "    owner_role: %s" % q(rng.choice(ROLES)),
             "    due: %s" % due.isoformat(), "    history:"]
    day = start
    statuses = [rng.choice(["not-started", "green"])]
    for _ in range(rng.randint(0, 3)):
        statuses.append(rng.choice(["green", "amber", "red", "green"]))
    finished = rng.random() < 0.75 and due < LAST_RECORDED + datetime.timedelta(days=200)
    if finished:
        statuses.append("complete")
    last_day = None
    for k, status in enumerate(statuses):
        if k > 0:
            day = day + datetime.timedelta(days=rng.randint(20, 120))
        if day > LAST_RECORDED or (last_day is not None and day <= last_day):
            if status == "complete":
                finished = False
            break
        last_day = day
        lines += ["      - date: %s" % day.isoformat(), "        status: %s" % status]
        if rng.random() < 0.3:
            lines.append("        note: %s" % q(prose.sentence(topic)))
        if status == "complete":
            lines.append("    evidence: " + block(prose.paragraph(topic, 1, 2), 6).rstrip("\n"))
    return lines


def hugo_layouts():
    """The Hugo site's configuration and a minimal layout per kind."""
    config = '''baseURL = "https://example.org/"
languageCode = "en-gb"
title = "Kestrelford Safeguarding Children Partnership"
# Free pages live at /<id>/, as in qapress.
[permalinks]
  pages = "/:slug/"
[taxonomies]
  priority = "priorities"
[markup]
  defaultMarkdownHandler = "goldmark"
  [markup.goldmark]
    [markup.goldmark.extensions]
      typographer = true
      table = true
      strikethrough = true
      linkify = true
      taskList = true
      footnote = true
    [markup.goldmark.renderer]
      unsafe = false
'''
    base = '''<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
</head>
<body>
<a href="#main">Skip to main content</a>
<header><a href="/">{{ .Site.Title }}</a>
<nav><ul>
<li><a href="/priorities/">Priorities</a></li>
<li><a href="/audits/">Audits</a></li>
<li><a href="/reviews/">Reviews</a></li>
<li><a href="/briefings/">Briefings</a></li>
<li><a href="/indicators/">Scorecard</a></li>
<li><a href="/programme/">Programme</a></li>
</ul></nav></header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ .Site.Title }}</p></footer>
</body>
</html>
'''
    single = '''{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Date }}{{ if not .IsZero }}<p>{{ .Format "2 January 2006" }}</p>{{ end }}{{ end }}
{{ with .GetTerms "priorities" }}<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}
{{ end }}
'''
    audit = '''{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p>Audit day: {{ .Date.Format "2 January 2006" }}</p>
{{ with .GetTerms "priorities" }}<p>Priorities: {{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</p>{{ end }}
{{ .TableOfContents }}
{{ .Content }}
</article>
{{ end }}
'''
    programme = '''{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Params.audits }}{{ with site.GetPage (printf "/audits/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}
</ul>
{{ end }}
'''
    listing = '''{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Date }}{{ if not .IsZero }} ({{ .Format "2 January 2006" }}){{ end }}{{ end }}</li>
{{ end }}
</ul>
{{ end }}
'''
    taxonomy = '''{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
'''
    term = '''{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<h2>Work under this priority</h2>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ end }}
'''
    home = '''{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<h2>Latest audits</h2>
<ul>
{{ range first 10 (where .Site.RegularPages "Section" "audits") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
<h2>Latest briefings</h2>
<ul>
{{ range first 10 (where .Site.RegularPages "Section" "briefings") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ end }}
'''
    return {
        "hugo.toml": config,
        "layouts/_default/baseof.html": base,
        "layouts/_default/single.html": single,
        "layouts/_default/list.html": listing,
        "layouts/_default/taxonomy.html": taxonomy,
        "layouts/_default/term.html": term,
        "layouts/index.html": home,
        "layouts/audits/single.html": audit,
        "layouts/programme/single.html": programme,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, required=True, help="how many documents to make")
    parser.add_argument("--out", required=True, help="the folder to write into (its qapress/, hugo/ and bodies/ are replaced)")
    parser.add_argument("--seed", type=int, default=1, help="the random seed (default 1)")
    args = parser.parse_args()
    manifest = generate(args.documents, args.seed, args.out)
    print("generate_corpus: %d documents, %d bytes of Markdown bodies (%d on average) in %s" % (
        manifest["documents"], manifest["markdown_body_bytes"], manifest["average_body_bytes"], args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
