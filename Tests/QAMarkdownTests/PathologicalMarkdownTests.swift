import Foundation
import QAMarkdown
import Testing

/// cmark-gfm 0.29.0.gfm.6 predates the fixes for its quadratic-time CVEs. `problem(in:)`
/// refuses, in linear time, the inputs behind them once they are big enough to be slow, and
/// lets everything smaller (and all real content) through to be rendered. The limits and the
/// measurements behind them are in docs/LIMITS.md. No timing is asserted: a regression shows
/// as a test run that takes minutes.
@Suite struct PathologicalMarkdownTests {
    let renderer = MarkdownRenderer()

    func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

    func slow(_ what: String, _ fix: String) -> String {
        "this text would take too long to render (see docs/LIMITS.md): \(what); \(fix)"
    }

    @Test("image brackets followed by links: refused at the paragraph")
    func imageBrackets() {
        let text = "Intro.\n\n" + repeated("![ ", 3_000) + repeated("[]() ", 10_000)
        #expect(MarkdownRenderer.problem(in: text) == MarkdownProblem(line: 3, column: 1, message: slow(
            "its paragraphs hold too many '![' (image) brackets followed by links (at least 3000 in the paragraph that starts here), and every later link walks back over each one",
            "split long paragraphs with blank lines, or write '!\\[' where no image is meant"), code: "markdown-too-complex"))
        // The upstream regression input, at its own size.
        #expect(MarkdownRenderer.problem(in: repeated("![[]()", 160_000))?.code == "markdown-too-large")
        #expect(MarkdownRenderer.problem(in: repeated("![[]()", 40_000))?.code == "markdown-too-complex")
    }

    @Test("table rows with thousands of cells: refused at the row")
    func wideTables() {
        let header = "|" + repeated("a|", 9_000)
        let text = "| a | b |\n|---|---|\n" + header + "\n"
        #expect(MarkdownRenderer.problem(in: text) == MarkdownProblem(line: 3, column: 1, message: slow(
            "it has table rows with too many cells (at least 8661 '|' on this line), and a row takes time that grows with the square of its cells",
            "split wide tables into narrower ones, or write '\\|' for a bar that is not a column"), code: "markdown-too-complex"))
        // Many rows of a hundred cells are fine, and a table of 50 columns renders.
        let rows = "|" + repeated("a|", 100) + "\n|" + repeated("-|", 100) + "\n" + repeated("|" + repeated("a|", 100) + "\n", 500)
        #expect(MarkdownRenderer.problem(in: rows) == nil)
        let table = "|" + repeated(" h |", 50) + "\n|" + repeated("---|", 50) + "\n|" + repeated(" c |", 50) + "\n"
        #expect(renderer.html(table).components(separatedBy: "<td>").count == 51)
    }

    @Test("runs of smart quotes: refused at the paragraph")
    func quotes() {
        let text = "First paragraph's fine.\n\n" + repeated("'a", 13_000)
        #expect(MarkdownRenderer.problem(in: text) == MarkdownProblem(line: 3, column: 1, message: slow(
            "its paragraphs hold too many quotation marks (at least 12248 in the paragraph that starts here), and smart quotes are matched in time that grows with the square of their number in a paragraph",
            "split long paragraphs with blank lines"), code: "markdown-too-complex"))
        // Apostrophes in ordinary prose cost nothing extra.
        #expect(MarkdownRenderer.problem(in: repeated("The children's plans weren't \"good\" enough. ", 2_000)) == nil)
    }

    @Test("an autolink ending in thousands of brackets: refused where the brackets start")
    func autolinkParentheses() {
        let text = "See www.example.org/" + repeated(")", 30_000)
        #expect(MarkdownRenderer.problem(in: text) == MarkdownProblem(line: 1, column: 21, message: slow(
            "it has too many brackets '(' and ')' without a space between them (at least 27387 here), and a web address ending in brackets is checked in time that grows with the square of their number",
            "add spaces between them"), code: "markdown-too-complex"))
        #expect(MarkdownRenderer.problem(in: "See www.example.org/a_(b)_(c) (and (this)).") == nil)
        // Columns count characters, not bytes: 'é' and '–' are one column each.
        let accented = "Intro\nCafé – www.example.org/" + repeated(")", 30_000)
        #expect(MarkdownRenderer.problem(in: accented) == MarkdownProblem(line: 2, column: 24, message: slow(
            "it has too many brackets '(' and ')' without a space between them (at least 27387 here), and a web address ending in brackets is checked in time that grows with the square of their number",
            "add spaces between them"), code: "markdown-too-complex"))
    }

    @Test("tens of thousands of e-mail autolink candidates: refused where the budget runs out")
    func atSigns() {
        #expect(MarkdownRenderer.problem(in: repeated("a@", 20_000)) == MarkdownProblem(line: 1, column: 37_502, message: slow(
            "it has 18751 '@' up to here, and each one starts a search for an e-mail address", "split it into several documents or pages"), code: "markdown-too-complex"))
        #expect(MarkdownRenderer.problem(in: repeated("Write to team@example.org. ", 500)) == nil)
    }

    @Test("a text over 256 KB is refused; one just under is rendered")
    func size() {
        #expect(MarkdownRenderer.problem(in: repeated("a", 300 * 1024)) == MarkdownProblem(line: 1, column: 1, message: "this Markdown text is 300 KB, over the 256 KB limit for one document's text; split it into several documents or pages", code: "markdown-too-large"))
        let line = repeated("word ", 19) + "\n"
        let big = repeated(line, 256 * 1024 / line.utf8.count)
        #expect(MarkdownRenderer.problem(in: big) == nil)
        #expect(renderer.html(big).hasPrefix("<p>word word"))
    }

    @Test("lists and block quotes nested more than 16 deep are refused at the 17th level")
    func deepBlocks() {
        let lists = (0..<40).map { String(repeating: "  ", count: $0) + "- a\n" }.joined()
        #expect(MarkdownRenderer.problem(in: lists) == MarkdownProblem(line: 17, column: 33, message: "lists and block quotes nest more than 16 levels deep here; flatten the structure", code: "markdown-too-deep"))
        let quotes = repeated("> ", 50_000) + "a"
        #expect(MarkdownRenderer.problem(in: quotes) == MarkdownProblem(line: 1, column: 33, message: "lists and block quotes nest more than 16 levels deep here; flatten the structure", code: "markdown-too-deep"))
        let mixed = repeated("> - ", 9) + "a"
        #expect(MarkdownRenderer.problem(in: mixed)?.code == "markdown-too-deep")
        let sixteen = (0..<16).map { String(repeating: "  ", count: $0) + "- a\n" }.joined()
        #expect(MarkdownRenderer.problem(in: sixteen) == nil)
        #expect(renderer.html(sixteen).components(separatedBy: "<ul>").count == 17)
    }

    @Test("emphasis and links nested more than 16 deep are refused")
    func deepInlines() {
        let nested = repeated("*a **a ", 65_000) + "b" + repeated(" a** a*", 65_000)
        #expect(MarkdownRenderer.problem(in: nested)?.code == "markdown-too-large")
        let smaller = repeated("*a **a ", 9) + "b" + repeated(" a** a*", 9)
        #expect(MarkdownRenderer.problem(in: smaller) == MarkdownProblem(line: 1, column: 57, message: "emphasis, links and other inline markup nest more than 16 levels deep here; remove some of the '*', '_', '~' or brackets", code: "markdown-too-deep"))
        let eight = repeated("*a **a ", 8) + "b" + repeated(" a** a*", 8)
        #expect(MarkdownRenderer.problem(in: eight) == nil)
    }

    /// The inputs of cmark-gfm's own test/pathological_tests.py (and later additions for its
    /// advisories), mostly at a size that renders quickly: each is either refused or rendered.
    static let upstream: [(String, String)] = [
        ("nested strong emph", "*a **a " + "b" + " a** a*"),
        ("many emph closers with no openers", String(repeating: "a_ ", count: 20_000)),
        ("many emph openers with no closers", String(repeating: "_a ", count: 20_000)),
        ("many link closers with no openers", String(repeating: "a]", count: 20_000)),
        ("many link openers with no closers", String(repeating: "[a", count: 20_000)),
        ("mismatched openers and closers", String(repeating: "*a_ ", count: 20_000)),
        ("openers and closers multiple of 3", "a**b" + String(repeating: "c* ", count: 20_000)),
        ("link openers and emph closers", String(repeating: "[ a_", count: 20_000)),
        ("pattern [ (]( repeated", String(repeating: "[ (](", count: 20_000)),
        ("pattern ![[]() repeated", String(repeating: "![[]()", count: 20_000)),
        ("nested brackets", String(repeating: "[", count: 20_000) + "a" + String(repeating: "]", count: 20_000)),
        ("nested block quotes", String(repeating: "> ", count: 20_000) + "a"),
        ("deeply nested lists", (0..<300).map { String(repeating: "  ", count: $0) + "* a\n" }.joined()),
        ("backticks", (1..<500).map { "e" + String(repeating: "`", count: $0) }.joined()),
        ("unclosed links A", String(repeating: "[a](<b", count: 20_000)),
        ("unclosed links B", String(repeating: "[a](b", count: 20_000)),
        ("unclosed <!--", "</" + String(repeating: "<!--", count: 20_000)),
        ("inline comments (CVE-2023-22484)", "a" + String(repeating: "<!--", count: 50_000)),
        ("bracketed patterns (GHSA-66g8-4hjf-77xh)", String(repeating: "[![", count: 20_000) + String(repeating: "]", count: 20_000)),
        ("tables", String(repeating: "aaa\rbbb\n-\u{0B}\n", count: 10_000)),
        ("table with many columns", String(repeating: "a|", count: 20_000) + "\n" + String(repeating: "-|", count: 20_000) + "\n"),
        ("many underscores then stars", String(repeating: "_", count: 20_000) + String(repeating: "*", count: 20_000)),
        ("autolink trailing brackets", "www.a.b/" + String(repeating: "()", count: 20_000) + String(repeating: ")", count: 20_000)),
        ("unmatched smart quotes", String(repeating: "'", count: 20_000)),
        ("e-mail autolinks", String(repeating: "a@b.c", count: 20_000)),
    ]

    @Test("cmark-gfm's pathological inputs are refused or rendered, never slow", arguments: upstream)
    func upstreamPathological(_ name: String, _ input: String) {
        if let problem = MarkdownRenderer.problem(in: input) {
            #expect(["markdown-too-large", "markdown-too-complex", "markdown-too-deep"].contains(problem.code), "\(name)")
            #expect(renderer.html(input).hasPrefix("<pre>") || problem.code == "markdown-too-deep", "\(name): refused text is not given to cmark-gfm")
        } else {
            #expect(!renderer.html(input).isEmpty, "\(name)")
        }
    }

    @Test("html(_:) never hands cmark-gfm a text over the budget: it comes back escaped")
    func htmlFallback() {
        let text = "<b>" + repeated("'", 20_000)
        let html = renderer.html(text)
        #expect(html.hasPrefix("<pre>&lt;b&gt;''"))
        #expect(html.hasSuffix("</pre>\n"))
    }

    @Test("no Markdown body of the example partnership is refused")
    func exampleContentPasses() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content").path
        let files = FileManager.default.enumerator(atPath: content)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOfFile: content + "/" + file, encoding: .utf8)
            #expect(MarkdownRenderer.problem(in: text) == nil, "\(file)")
        }
    }
}
