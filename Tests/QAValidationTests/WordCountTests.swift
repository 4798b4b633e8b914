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

    @Test("the count eight bytes at a time agrees with the count over Unicode scalars on any ASCII bytes")
    func everyASCIIByte() {
        var random = SplitMix64(seed: 1206)
        for _ in 0..<3_000 {
            // Every ASCII byte, with the ones at the edges of the letters and digits more often.
            let edges: [UInt8] = [0x26, 0x27, 0x28, 0x2F, 0x30, 0x39, 0x3A, 0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x00, 0x20]
            let bytes = (0..<random.below(40)).map { _ in random.below(2) == 0 ? random.pick(edges) : UInt8(random.below(128)) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(PublishedBriefing.wordCount(text) == PublishedBriefing.scalarWordCount(text), "\(bytes)")
        }
    }

    @Test("a list item's lines are joined by bytes exactly as splitting by characters joined them")
    func oneLineAgrees() {
        let pieces = ["A finding", " ", "\n", "\n\n", "\r\n", "\r", "é", "e\u{301}", "–", "- ", "x", "  "]
        var random = SplitMix64(seed: 9)
        var joined = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<(random.below(12)) { text += random.pick(pieces) }
            let expected = text.utf8.contains(0x0A) ? text.split(separator: "\n").joined(separator: " ") : text
            if expected != text { joined += 1 }
            #expect(Site.oneLine(text) == expected, "\(text.debugDescription)")
        }
        #expect(joined > 1_000, "only \(joined) texts had lines to join")
    }
}
