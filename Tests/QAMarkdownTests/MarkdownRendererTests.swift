import Foundation
import QAMarkdown
import Testing

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test("raw HTML and script never pass through")
    func rawHTMLIsOmitted() {
        let html = renderer.html("Hello <script>alert(1)</script>\n\n<div onclick=\"x\">hi</div>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test("tables, strikethrough, autolinks and task lists are enabled")
    func extensionsAreOn() {
        let html = renderer.html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ www.example.org\n\n- [x] done\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
    }

    @Test("footnotes render as a footnotes section")
    func footnotes() {
        let html = renderer.html("Claim.[^1]\n\n[^1]: Source.\n")
        #expect(html.contains("<section class=\"footnotes\" data-footnotes>"))
    }

    @Test("smart punctuation gives typographic quotes and dashes")
    func smartPunctuation() {
        #expect(renderer.html("\"Quoted\" -- and 'single'") == "<p>“Quoted” – and ‘single’</p>\n")
        let plain = MarkdownRenderer(options: .init(smartPunctuation: false))
        #expect(plain.html("\"Quoted\"") == "<p>&quot;Quoted&quot;</p>\n")
    }

    @Test("rendering from many threads gives exactly the serial output")
    func parallelEqualsSerial() {
        let documents = (0..<64).map { i in
            """
            # Audit \(i)

            | case | grade |
            |------|-------|
            | \(i) | ~~good~~ outstanding |

            - [ ] action \(i) www.example.org/\(i)
            - [x] done <b>bold</b>

            Footnote[^n\(i)] and "quotes" -- dashes.

            [^n\(i)]: Note \(i).
            """
        }
        let serial = documents.map(renderer.html)
        let results = ResultBox(count: documents.count * 8)
        DispatchQueue.concurrentPerform(iterations: documents.count * 8) { i in
            results.set(i, renderer.html(documents[i % documents.count]))
        }
        for i in 0..<(documents.count * 8) {
            #expect(results.get(i) == serial[i % documents.count], "document \(i % documents.count) differed when rendered in parallel")
        }
    }
}

final class ResultBox: @unchecked Sendable {
    private var values: [String]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: "", count: count) }
    func set(_ i: Int, _ value: String) { lock.lock(); values[i] = value; lock.unlock() }
    func get(_ i: Int) -> String { lock.lock(); defer { lock.unlock() }; return values[i] }
}
