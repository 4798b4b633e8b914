import Foundation
import QADiagnostics
import QAModel
import QAPipeline
import Testing

/// Nothing meant for partners or internal readers may reach the public site, in any byte.
@Suite struct RestrictedContentTests {
    static let canaries = ["CANARY-INTERNAL-AUDIT", "CANARY-PARTNERS-FINDING", "CANARY-INTERNAL-ACTION", "CANARY-PARTNERS-PAGE", "CANARY-INTERNAL-ACTIVITY"]

    @Test("a public build carries no restricted document, item, count or link")
    func noCanaryInPublicBuild() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-canary-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: project) }
        try FileManager.default.copyItem(atPath: WebsiteGoldenTests.minimal + "/content", toPath: project + "/content")
        try FileManager.default.createSymbolicLink(atPath: project + "/themes", withDestinationPath: DocumentationTests.repo + "/themes")
        let audit = project + "/content/audits/neglect-audit.md"
        var text = try String(contentsOfFile: audit, encoding: .utf8)
        text = text.replacingOccurrences(of: "    text: Good early help.\n", with: """
            text: Good early help.
          - id: na-f2
            kind: area-for-development
            text: CANARY-PARTNERS-FINDING in one agency.
            audience: partners

        """)
        text = text.replacingOccurrences(of: "    evidence: Staff use the toolkit in 8 of 10 cases.\n", with: """
            evidence: Staff use the toolkit in 8 of 10 cases.
          - id: na-a2
            text: CANARY-INTERNAL-ACTION for one team.
            recommendation: na-r1
            owner: police
            due: 2025-01-31
            status: red
            audience: internal

        """)
        try text.write(toFile: audit, atomically: true, encoding: .utf8)
        try """
        ---
        title: CANARY-INTERNAL-AUDIT of case records
        kind: single-agency-audit
        date: 2025-06-01
        audience: internal
        terms_of_reference: [CANARY-INTERNAL-AUDIT scope]
        method: {sample_size: 3}
        findings: [{id: ia-f1, kind: strength, text: CANARY-INTERNAL-AUDIT finding}]
        ---
        CANARY-INTERNAL-AUDIT body.
        """.write(toFile: project + "/content/audits/internal-audit.md", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: project + "/content/pages", withIntermediateDirectories: true)
        try "---\ntitle: CANARY-PARTNERS-PAGE\naudience: partners\n---\nCANARY-PARTNERS-PAGE body.\n"
            .write(toFile: project + "/content/pages/partners-only.md", atomically: true, encoding: .utf8)
        let programme = project + "/content/programme/2024-25.yml"
        try (String(contentsOfFile: programme, encoding: .utf8) + """
          - id: act-internal
            title: CANARY-INTERNAL-ACTIVITY review
            kind: dip-sample
            quarter: 3
            lead: police
            dates: [2024-11-05]
            status: done
            audience: internal

        """).write(toFile: programme, atomically: true, encoding: .utf8)

        let result = build(BuildOptions(projectRoot: project, outputFolder: project + "/output", buildDate: Day(iso: "2026-11-22")!))
        defer { audienceBuilds(project) }
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(result.written)
        let files = FixtureTree.files(in: project + "/output")
        #expect(files.count > 20)
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            for canary in Self.canaries {
                #expect(!text.contains(canary), "\(canary) leaked into \(path)")
            }
        }
        let tracker = String(decoding: files["site/actions/index.html"] ?? [], as: UTF8.self)
        #expect(tracker.contains("1 of 1 actions are complete"), "counts must leave out the internal action")
        #expect(files["site/audits/internal-audit/index.html"] == nil)
        #expect(files["site/partners-only/index.html"] == nil)
        let robots = String(decoding: files["site/robots.txt"] ?? [], as: UTF8.self)
        #expect(robots.contains("Allow: /"))
    }

    /// The partners build shows partners material but not internal material; the internal
    /// build shows everything. Both are marked noindex and carry a banner.
    func audienceBuilds(_ project: String) {
        let partners = build(BuildOptions(projectRoot: project, outputFolder: project + "/output", audience: .partners, buildDate: Day(iso: "2026-11-22")!))
        #expect(partners.written)
        let internalBuild = build(BuildOptions(projectRoot: project, outputFolder: project + "/output", audience: .internal, buildDate: Day(iso: "2026-11-22")!))
        #expect(internalBuild.written)
        let all = FixtureTree.files(in: project + "/output")
        func text(_ folder: String) -> String {
            all.filter { $0.key.hasPrefix(folder + "/") }.sorted { $0.key < $1.key }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        }
        let partnersText = text("site-partners"), internalText = text("site-internal")
        #expect(partnersText.contains("CANARY-PARTNERS-FINDING"))
        #expect(partnersText.contains("CANARY-PARTNERS-PAGE"))
        #expect(!partnersText.contains("CANARY-INTERNAL-"), "internal material must not reach the partners build")
        for canary in Self.canaries { #expect(internalText.contains(canary), "\(canary) is missing from the internal build") }
        let home = String(decoding: all["site-partners/index.html"] ?? [], as: UTF8.self)
        #expect(home.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        #expect(home.contains("For partners only."))
        #expect(String(decoding: all["site-internal/robots.txt"] ?? [], as: UTF8.self) == "User-agent: *\nDisallow: /\n")
        #expect(all["site/index.html"] != nil, "building for partners leaves the public site in place")
    }
}
