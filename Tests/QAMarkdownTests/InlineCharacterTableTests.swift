import Foundation
@testable import QAMarkdown
import QATestSupport
import Testing

/// cmark-gfm's global table of inline characters: parses with qapress's extensions share it
/// on every core, and parses with other extensions still get the library's own behaviour.
@Suite struct InlineCharacterTableTests {
    #if os(Linux)
    @Test("cmark-gfm's calls that switch its table reach qapress, so texts parse on several cores")
    func sharingIsOn() {
        #expect(InlineCharacterTable.shared.sharingWorks)
        #expect(InlineCharacterTable.shared.canShare(ExtensionLists.shared.list(for: MarkdownRenderer.defaultExtensions)))
        #expect(!InlineCharacterTable.shared.canShare(ExtensionLists.shared.list(for: ["table", "strikethrough"])))
    }
    #endif

    /// Texts full of what the two extensions' characters start: strikethrough next to
    /// emphasis, bare links with `www.` and `https:`, and words with `w` and `:` in them.
    static func texts(count: Int) -> [String] {
        var random = SplitMix64(seed: 8)
        let pieces = ["~~struck~~", "~one~", "*~em~*", "~*x*~", "**~~both~~**", "www.example.org/a",
                      "https://example.org/b?c=1", "see: this", "wow", "w", "a:b", "_under_~", "~_under_",
                      "word", "plain text", "\"quoted\"", "--", "`code ~~x~~`", "[link](/a~b)", "~~~", "www.", "_a_~b"]
        return (0..<count).map { _ in
            (0..<(8 + random.below(40))).map { _ in random.pick(pieces) }
                .joined(separator: random.below(5) == 0 ? "\n" : " ")
        }
    }

    @Test("parses on many threads, mixing extension sets, give exactly the serial output")
    func mixedParallelEqualsSerial() {
        let renderers = [
            MarkdownRenderer(),
            MarkdownRenderer(options: .init(smartPunctuation: false)),
            MarkdownRenderer(options: .init(smartPunctuation: false, footnotes: false, extensions: [])),
            MarkdownRenderer(options: .init(smartPunctuation: false, footnotes: false, extensions: ["strikethrough"])),
        ]
        let texts = Self.texts(count: 300)
        let serial = renderers.map { renderer in texts.map(renderer.html) }
        // Rounds in which most parses share the table and some need it alone, so it goes in
        // and out of its steady state while other threads wait.
        let jobs = texts.count * 24
        let results = ResultBox(count: jobs)
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            let which = job % 37 == 0 ? 2 + (job / 37) % 2 : (job / 7) % 2
            results.set(job, renderers[which].html(texts[job % texts.count]))
        }
        var wrong = 0
        for job in 0..<jobs {
            let which = job % 37 == 0 ? 2 + (job / 37) % 2 : (job / 7) % 2
            if results.get(job) != serial[which][job % texts.count] { wrong += 1 }
        }
        #expect(wrong == 0, "\(wrong) of \(jobs) parses differed from their serial output")
    }

    @Test("the extensions' characters change parsing, so the tests above can see a wrong table")
    func charactersMatter() {
        // Strikethrough's tilde is skipped when emphasis looks at its neighbours, so "_a_~b"
        // has no emphasis with strikethrough and has it without; autolink finds bare links
        // only when "w" and ":" are marked.
        let full = MarkdownRenderer(options: .init(smartPunctuation: false))
        let core = MarkdownRenderer(options: .init(smartPunctuation: false, footnotes: false, extensions: []))
        for _ in 0..<2 {
            #expect(full.html("~~a~~ _a_~b www.example.org https://example.org") ==
                "<p><del>a</del> _a_~b <a href=\"http://www.example.org\">www.example.org</a> <a href=\"https://example.org\">https://example.org</a></p>\n")
            #expect(core.html("~~a~~ _a_~b www.example.org") == "<p>~~a~~ <em>a</em>~b www.example.org</p>\n")
        }
    }
}
