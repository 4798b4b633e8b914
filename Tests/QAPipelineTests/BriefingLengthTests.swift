import QADiagnostics
import QAModel
import QAPipeline
import QATestSupport
import Testing

/// The reading-budget check counts each briefing's words without making its texts
/// (`briefingLengths`); its counts must be those of the published briefings' sections.
@Suite struct BriefingLengthTests {
    func exampleSite() -> Site {
        check(CheckOptions(projectRoot: DocumentationTests.repo, asOf: Day(iso: "2026-11-22")!)).site
    }

    func expectSameLengths(_ site: Site, _ comment: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let settings = BriefingSettings()
        let published = site.publishedBriefings(settings), lengths = site.briefingLengths(settings)
        #expect(published.count == lengths.count, "\(comment)", sourceLocation: sourceLocation)
        for (briefing, length) in zip(published, lengths) {
            #expect(briefing.title == length.title && briefing.location == length.location, "\(comment): \(briefing.title)", sourceLocation: sourceLocation)
            #expect(briefing.sections.map(\.label) == length.sections.map(\.label), "\(comment): \(briefing.title)", sourceLocation: sourceLocation)
            #expect(briefing.sections.map(\.words) == length.sections.map(\.words), "\(comment): \(briefing.title)", sourceLocation: sourceLocation)
        }
    }

    @Test("the example's briefings have the lengths of their published sections")
    func example() {
        let site = exampleSite()
        #expect(site.briefingLengths().count >= 3)
        expectSameLengths(site, "example")
    }

    @Test("texts in any script, with marks, line breaks and list marks, count the same either way")
    func awkwardTexts() {
        // Pieces that meet at the joins the published texts make: marks after a line break,
        // words split by line breaks, carriage returns, apostrophes and other scripts.
        let pieces = ["word", "two words", "\u{301}mark", "line\nbreak", "\n\nblank lines\n", "crlf\r\nline", "it’s", "don't",
                      "- listed", "**bold**", "١٢٣ أرقام", "日本語", "e\u{301}", "", " ", "12.5%", "\n", "x\u{200D}y"]
        var random = SplitMix64(seed: 1206)
        func text() -> String { (0..<random.below(4)).map { _ in random.pick(pieces) }.joined(separator: random.pick(["", " ", "\n"])) }
        func optional() -> String? { random.below(3) == 0 ? nil : text() }
        for round in 0..<40 {
            var site = exampleSite()
            for a in site.audits.indices {
                for f in site.audits[a].findings.indices { site.audits[a].findings[f].text = text() }
                for r in site.audits[a].recommendations.indices { site.audits[a].recommendations[r].text = text() }
                site.audits[a].summary = text()
                if site.audits[a].briefing != nil || random.below(2) == 0 {
                    var content = site.audits[a].briefing ?? BriefingContent(location: site.audits[a].location)
                    content.background = optional()
                    content.whatWeDid = optional()
                    content.strengths = optional()
                    content.areasForDevelopment = optional()
                    content.whatItMeansForYou = optional()
                    content.questions = (0..<random.below(3)).map { _ in text() }
                    site.audits[a].briefing = content
                }
            }
            for b in site.briefings.indices {
                site.briefings[b].content.whyItMatters = optional()
                site.briefings[b].content.questions = (0..<random.below(3)).map { _ in text() }
            }
            expectSameLengths(site, "round \(round)")
        }
    }
}
