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

    @Test("every href value is found in order, with '&amp;' read as '&', and nothing else")
    func hrefs() {
        let html = #"<p>x = y, <a href="/a/?p=1&amp;q=2">a</a> and <a title="t" href="b/">b</a> <img src="c.png" alt="href"> href=no <a data-href="d">d</a> <a href=""#
        #expect(Website.hrefs(in: html) == ["/a/?p=1&q=2", "b/", "d"])
        #expect(Website.hrefs(in: "") == [])
        #expect(Website.hrefs(in: "href=\"x\"") == ["x"])
        #expect(Website.hrefs(in: "=\"x\"") == [])
    }
}
