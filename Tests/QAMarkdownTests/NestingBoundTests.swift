import Foundation
@testable import QAMarkdown
import QATestSupport
import Testing

/// `couldNestTooDeep` decides, without parsing, which texts cmark-gfm must parse to look for
/// nesting past the limits. It may say yes to a text that turns out fine, never no to one
/// that is not: checked here against the parse itself on thousands of generated texts built
/// from the marks that nest (lists, quotes, emphasis, links, autolinks), deep and shallow.
@Suite struct NestingBoundTests {
    static let pieces = ["- ", "* ", "+ ", "> ", "1. ", "2) ", "  ", "    ", "\t", "*", "_", "~", "~~", "**", "__", "[", "](/x)", "]", "![",
                         "<https://a.example>", "www.example.org", "a@b.example", "word ", "more words ", "\n", "\n\n", "`", "# ", "| a | b |\n|---|---|\n"]
    static let runs = ["> ", "- ", "  - ", "* ", "*", "_", "~", "[", "**", "1. ", ">", "*a ", "[a "]

    func text(_ random: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<(20 + random.below(200)) {
            if random.below(6) == 0 {
                text += String(repeating: Self.runs[random.below(Self.runs.count)], count: 1 + random.below(22))
            } else {
                text += Self.pieces[random.below(Self.pieces.count)]
            }
        }
        return text
    }

    @Test("no text that nests too deep gets past the bound")
    func boundIsSafe() {
        var random = SplitMix64(seed: 2026)
        var tooDeep = 0, parsed = 0
        for _ in 0..<4_000 {
            let markdown = text(&random)
            let problem = MarkdownRenderer.nestingProblem(in: markdown)
            let couldNest = MarkdownRenderer.couldNestTooDeep(markdown)
            if problem != nil {
                tooDeep += 1
                #expect(couldNest, "the bound let through a text that nests too deep: \(markdown.debugDescription)")
            }
            if couldNest { parsed += 1 }
        }
        // The generator must make both kinds, or the test proves nothing.
        #expect(tooDeep > 200)
        #expect(parsed < 4_000)
    }

    @Test("ordinary prose with lists, emphasis and links is not parsed twice")
    func ordinaryTextsPass() {
        let paragraph = "The audit looked at **twelve cases** across *three agencies*, with [the toolkit](/pages/toolkit/) and the _neglect_ strategy.\n"
        let list = (1...8).map { "- Item \($0) with **strong** text\n" }.joined()
        let text = String(repeating: paragraph + "\n" + list + "\n> A quote from a parent.\n\n", count: 20)
        #expect(!MarkdownRenderer.couldNestTooDeep(text))
        #expect(MarkdownRenderer.problem(in: text) == nil)
    }
}
