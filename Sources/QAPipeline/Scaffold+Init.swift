import Foundation
import QAModel

extension Scaffold {
    /// Starts a new partnership repository in `folder`: a minimal content set that passes
    /// check, settings, .gitignore and CI for GitHub and GitLab. The default theme is used
    /// from qapress itself, not copied, so the partnership gets its fixes.
    public static func initialise(_ folder: String, name: String, today: Day) throws -> [String] {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder), !((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter({ !$0.hasPrefix(".git") }).isEmpty {
            throw Failure.notEmpty(folder)
        }
        let year = FinancialYear(containing: today)
        let short = name.split(separator: " ").compactMap(\.first).map(String.init).joined().uppercased()
        let files: [(String, String)] = [
            ("qapress.yml", """
            # Project settings: see docs/CONTENT.md of qapress. Every key is optional.
            content: content
            theme: default
            base_url: /
            default_audience: public
            privacy:
              # Phone numbers and email addresses you publish on purpose.
              allow: []
              # Names of children, families and schools that must never be published.
              watch_list: []

            """),
            (".gitignore", "/output/\n"),
            ("README.md", """
            # \(name): quality assurance content

            Built with qapress. `qapress check` checks every file; `qapress build` publishes the
            website into output/site/; `qapress serve` previews it as you edit;
            `qapress new audit "Title"` starts a new audit.

            """),
            ("content/partnership.md", """
            ---
            name: \(name)
            short_name: \(short)
            area: Your area
            vision: |
              Every child grows up safe. Replace this with your partnership's vision.
            values:
              - title: Child centred
                description: We start from what children need and tell us.
            agencies:
              - id: council
                name: The local authority
                role: safeguarding-partner
              - id: police
                name: The police
                role: safeguarding-partner
              - id: icb
                name: The integrated care board
                role: safeguarding-partner
            contact:
              worried_about_a_child: |
                If a child is in immediate danger, call 999.
            ---
            How the safeguarding partners work together.

            """),
            ("content/priorities/priority-1.md", """
            ---
            number: 1
            title: Your first priority
            lead: council
            plan_start: \(year.start)
            plan_end: \(FinancialYear(startYear: year.startYear + 2).end)
            what_good_looks_like:
              - What will be different for children when this priority succeeds.
            measures:
              - outcome-1
            ---

            """),
            ("content/indicators/outcome-1.md", """
            ---
            title: An outcome for children
            oba: better-off
            unit: percent
            direction: higher-is-better
            frequency: quarterly
            owner: council
            values: []
            ---
            Commentary from the responsible officer.

            """),
            ("content/programme/\(year).yml", """
            year: \(year)
            activities:
              - id: \(year)-q\(year.quarter(of: today) ?? 1)-audit
                title: First multi-agency audit
                kind: multi-agency-audit
                quarter: \(year.quarter(of: today) ?? 1)
                lead: council
                status: planned

            """),
            ("content/pages/about.md", "---\ntitle: About the partnership\norder: 1\n---\nWho we are and how we work together.\n"),
            ("content/pages/contact.md", "---\ntitle: Contact us\norder: 2\n---\nHow to reach the partnership business unit.\n"),
            ("content/pages/accessibility.md", """
            ---
            title: Accessibility statement
            order: 3
            ---
            This website is run by \(name). We want as many people as possible to be able to use it.
            It aims to meet the Web Content Accessibility Guidelines version 2.2 AA standard.
            Replace this with your full statement, following the model statement for public sector websites.

            """),
            ("content/glossary.yml", "terms:\n  - term: QA\n    meaning: Quality assurance\n"),
            (".github/workflows/qa.yml", """
            name: QA content
            on: [pull_request, push]
            permissions:
              contents: read
              pull-requests: write
            jobs:
              check:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      fetch-depth: 0
                  - name: Install qapress
                    run: echo "Install qapress here (see its README)"
                  - run: qapress check --format github --warnings-as-errors
                  - run: qapress build
                  - if: github.event_name == 'pull_request'
                    run: qapress diff "origin/${{ github.base_ref }}" HEAD > qa-changes.md
                  - if: github.event_name == 'pull_request'
                    env:
                      GH_TOKEN: ${{ github.token }}
                    run: gh pr comment "${{ github.event.pull_request.number }}" --body-file qa-changes.md

            """),
            (".gitlab-ci.yml", """
            qa-content:
              script:
                - echo "Install qapress here (see its README)"
                - qapress check --warnings-as-errors
                - qapress build
              artifacts:
                paths: [output/site]
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

            """),
        ]
        var written: [String] = []
        for (path, text) in files {
            let full = folder + "/" + path
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
            written.append(full)
        }
        return written
    }
}
