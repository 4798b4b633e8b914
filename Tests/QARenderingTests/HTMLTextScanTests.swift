@testable import QARendering
import Testing

/// The byte-level helpers that read and write the site's text: the search index's JSON
/// strings and the links found in rendered Markdown.
@Suite struct HTMLTextScanTests {
    @Test("a search index string escapes quotes, backslashes, line breaks, '<' and control characters, and keeps the rest")
    func jsonStrings() {
        #expect(Website.json("") == "\"\"")
        #expect(Website.json("plain") == "\"plain\"")
        #expect(Website.json("say \"hi\" \\ now\nnext <b>\t€ – café\u{1}") == "\"say \\\"hi\\\" \\\\ now\\nnext \\u003cb> € – café \"")
        #expect(Website.json("“curly” ✓ 👍🏽") == "\"“curly” ✓ 👍🏽\"")
    }

    @Test("text for HTML has & < > \" ' escaped byte by byte, a combining mark after one included, and the rest kept")
    func escaping() {
        #expect(HTML.escape("") == "")
        #expect(HTML.escape("plain – café 👍🏽") == "plain – café 👍🏽")
        #expect(HTML.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTML.escape("\"\u{301} ends no attribute") == "&quot;\u{301} ends no attribute")
        // Against the same escape written character by character, over random texts.
        func byCharacter(_ text: String) -> String {
            text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "&": return "&amp;"
                case "<": return "&lt;"
                case ">": return "&gt;"
                case "\"": return "&quot;"
                case "'": return "&#39;"
                default: return String(scalar)
                }
            }.joined()
        }
        let alphabet: [Character] = ["a", " ", "&", "<", ">", "\"", "'", "é", "\u{301}", "–", "👍", "\n"]
        var state: UInt64 = 20261203
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(state % 24) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            #expect(HTML.escape(text) == byCharacter(text), "\(text.debugDescription)")
        }
    }

    @Test("calendar text escapes backslashes, semicolons, commas and line feeds, and keeps the rest")
    func calendarText() {
        #expect(Website.ics("Deep dive – neglect") == "Deep dive – neglect")
        #expect(Website.ics("Audit, led by Kestrelford; see C:\\notes\nnext\r\nend") == "Audit\\, led by Kestrelford\\; see C:\\\\notes\\nnext\r\\nend")
    }

    @Test("every href value is found in order, with '&amp;' read as '&', and nothing else")
    func hrefs() {
        let html = #"<p>x = y, <a href="/a/?p=1&amp;q=2">a</a> and <a title="t" href="b/">b</a> <img src="c.png" alt="href"> href=no <a data-href="d">d</a> <a href=""#
        #expect(Website.hrefs(in: html) == ["/a/?p=1&q=2", "b/", "d"])
        #expect(Website.hrefs(in: "") == [])
        #expect(Website.hrefs(in: "href=\"x\"") == ["x"])
        #expect(Website.hrefs(in: "=\"x\"") == [])
    }
}
