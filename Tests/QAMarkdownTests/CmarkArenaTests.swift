import CCmarkArena
import CCmarkGFM
import Foundation
@testable import QAMarkdown
import QATestSupport
import Testing

/// cmark-gfm's memory comes from the parsing thread's arena (`CCmarkArena`). These tests hold
/// the HTML to what cmark-gfm makes with its own allocator, and check that the arena gives
/// everything back after each text.
@Suite struct CmarkArenaTests {
    /// HTML for `markdown` from cmark-gfm with its default allocator, the same extensions and
    /// options as `MarkdownRenderer()`: the reference the arena must not change.
    static func withDefaultAllocator(_ markdown: String, smart: Bool = true) -> String {
        _ = MarkdownRenderer()  // registers the extensions
        var flags = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        if smart { flags |= CMARK_OPT_SMART }
        let parser = cmark_parser_new(flags)!
        defer { cmark_parser_free(parser) }
        let extensions = ExtensionLists.shared.list(for: MarkdownRenderer.defaultExtensions)
        var cell = extensions
        while let current = cell {
            cmark_parser_attach_syntax_extension(parser, OpaquePointer(current.pointee.data))
            cell = current.pointee.next
        }
        var text = markdown
        let root: OpaquePointer = InlineCharacterTable.shared.sharing {
            text.withUTF8 { bytes in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
            }
            return cmark_parser_finish(parser)!
        }
        defer { cmark_node_free(root) }
        let html = cmark_render_html(root, flags, extensions)!
        defer { free(html) }
        return String(cString: html)
    }

    /// A long document of everything the extensions and the core parse: headings, lists
    /// nested in block quotes, tables, task lists, footnotes, links of every kind, code.
    static func longDocument(sections: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        let words = ["audit", "children's", "\"voice\"", "--", "www.example.org", "https://example.org/a?b=1",
                     "~~old~~", "*seen*", "**strong**", "`code`", "[link](/audits/a/)", "[^n]", "<b>raw</b>", "a_b_c", "it's", "..."]
        func sentence() -> String { (0..<(6 + random.below(20))).map { _ in random.pick(words) }.joined(separator: " ") }
        var parts: [String] = []
        for section in 0..<sections {
            parts.append("## Section \(section)\n\n\(sentence())\n\(sentence())")
            parts.append((1...(2 + random.below(5))).map { _ in "- [\(random.below(2) == 0 ? " " : "x")] \(sentence())" }.joined(separator: "\n"))
            parts.append("> \(sentence())\n>\n> 1. \(sentence())\n>    - \(sentence())")
            parts.append("| a | b |\n| --- | :-: |\n" + (0..<(1 + random.below(6))).map { _ in "| \(sentence()) | \(random.below(100)) |" }.joined(separator: "\n"))
            parts.append("```swift\nlet x = \(section) // \(sentence())\n```")
            parts.append("[^n]: \(sentence())")
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    @Test("the HTML is cmark-gfm's own, texts large and small, on one thread and on many")
    func sameHTMLAsTheDefaultAllocator() {
        let renderer = MarkdownRenderer()
        // From a few hundred bytes to the largest text allowed, which needs several blocks of
        // the arena (256 KB each).
        let texts = [1, 3, 20, 60, 100].enumerated().map { Self.longDocument(sections: $0.element, seed: UInt64($0.offset)) }
            + InlineCharacterTableTests.texts(count: 200)
        #expect(texts.allSatisfy { MarkdownRenderer.costProblem(in: $0) == nil })
        #expect(texts.contains { $0.utf8.count > 150_000 })
        let expected = texts.map { Self.withDefaultAllocator($0) }
        #expect(texts.map(renderer.html) == expected)
        let results = ResultBox(count: texts.count * 4)
        DispatchQueue.concurrentPerform(iterations: texts.count * 4) { job in
            results.set(job, renderer.html(texts[job % texts.count]))
        }
        let wrong = (0..<(texts.count * 4)).filter { results.get($0) != expected[$0 % texts.count] }.count
        #expect(wrong == 0, "\(wrong) texts rendered on several threads differed from cmark-gfm's own HTML")
    }

    @Test("after each text the thread's arena is empty again, with only its first block")
    func givesEverythingBack() {
        let renderer = MarkdownRenderer()
        _ = renderer.html("Warm up: *one* text.")
        #expect(qapress_cmark_arena_in_use() == 0)
        #expect(qapress_cmark_arena_blocks() == 1)
        // A text too large for one block takes more, and they are freed with the rest.
        let large = Self.longDocument(sections: 100, seed: 9)
        #expect(MarkdownRenderer.costProblem(in: large) == nil)
        let made = qapress_cmark_arena_blocks_made()
        let html = renderer.html(large)
        #expect(html.contains("<table>") && html.contains("footnote"))
        #expect(qapress_cmark_arena_blocks_made() > made)
        #expect(qapress_cmark_arena_in_use() == 0)
        #expect(qapress_cmark_arena_blocks() == 1)
        // The nesting check parses with the arena too.
        #expect(MarkdownRenderer.nestingProblem(in: String(repeating: "> ", count: 5) + "deep") == nil)
        #expect(qapress_cmark_arena_in_use() == 0)
    }
}
