@testable import QARendering
import Testing

/// Plain text for search, descriptions and the report glossary: tags dropped, cmark-gfm's
/// entities decoded, whitespace of any script collapsed to one space.
@Suite struct PlainTextTests {
    @Test("tags, entities and whitespace")
    func tagsEntitiesWhitespace() {
        #expect(HTML.plain("<p>Rock &amp; <em>roll</em></p>\n<p>&quot;Two&quot;\u{00A0}\u{2003}lines&#39;</p>") == "Rock & roll \"Two\" lines'")
        #expect(HTML.plain("&lt;b&gt; &nbsp; & &am") == "<b> &nbsp; & &am")
        #expect(HTML.plain("  <br>  ") == "")
        #expect(HTML.plain("Crèche — naïve 😀 text") == "Crèche — naïve 😀 text")
    }

    @Test("a limit counts characters and stops reading early")
    func limit() {
        #expect(HTML.plain("<p>abcdef</p>", limit: 3) == "abc")
        #expect(HTML.plain("é👩‍👧x", limit: 2) == "é👩‍👧")
        #expect(HTML.plain(["<p>one</p>", "two", String(repeating: "x", count: 10_000)], limit: 8) == "one two ")
    }

    @Test("several texts read as if joined by spaces, a tag left open included")
    func severalTexts() {
        for texts in [["<p>a</p>", "b"], ["a <span", "class=x>b</span>", "c"], ["", "x", ""], ["a&amp;", "b"]] {
            #expect(HTML.plain(texts) == HTML.plain(texts.joined(separator: " ")))
        }
    }
}
