@testable import QAModel
import QATestSupport
import Testing

/// Briefing budgets count words as a speaker does; ASCII text is counted by bytes, and must
/// give what the count over Unicode scalars gives.
@Suite struct WordCountTests {
    @Test("words are runs of letters, digits and apostrophes, whatever the Markdown around them")
    func counts() {
        #expect(PublishedBriefing.wordCount("") == 0)
        #expect(PublishedBriefing.wordCount("The child's plan was **reviewed** in 2025-26.") == 8)
        #expect(PublishedBriefing.wordCount("- [Early help](/early-help/): 12 families") == 6, "a link's address is read out too")
        #expect(PublishedBriefing.wordCount("Café – naïve résumé") == 3)
        #expect(PublishedBriefing.wordCount("Parents’ views") == 2)
    }

    @Test("the byte count of ASCII text agrees with the count over Unicode scalars")
    func asciiAgrees() {
        let pieces = ["the ", "child's", "**", "_", "2025-26", " ", "\n", "- ", "[link](/a/)", "'", "x", "Q3", "(12)", "...", "#", "|"]
        var random = SplitMix64(seed: 3)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<(1 + random.below(30)) { text += random.pick(pieces) }
            #expect(PublishedBriefing.wordCount(text) == PublishedBriefing.scalarWordCount(text), "\(text.debugDescription)")
        }
    }
}
