@testable import QARendering
import QATestSupport
import Testing

@Suite struct LinkPrefilterTests {
    @Test("texts with brackets, angle brackets or a scheme may link within the site; others cannot")
    func examples() {
        for text in ["See [the audit](/audits/a/).", "[^1]\n\n[^1]: A note.", "[plan][p]\n\n[p]: ../plan/", "<a href=\"/x/\">x</a>",
                     "<https://example.org>", "ftp://files.example.org/report"] {
            #expect(Website.couldLinkWithin(text), "\(text)")
        }
        for text in ["", "Plain prose, with a colon: and (brackets).", "www.example.org and info@example.org", "**bold** _and_ ~struck~"] {
            #expect(!Website.couldLinkWithin(text), "\(text)")
        }
    }

    @Test("a text that the prefilter passes over never renders a link within the site")
    func prefilterIsSafe() {
        let pieces = ["[", "]", "(", ")", "<", ">", ":", "/", "//", "www.", "example.org", "@", "a", "b", " ", "\n", "\n\n", "*", "_", "~",
                      "http", "https", "ftp", "ftp://", "http://", "files.example.org", "mailto", "tel", "^", "#", "`", "!", ".", "-", "|", "\\", "&", ";", "\"", "'", "x.y/z", "?"]
        let cache = MarkdownCache()
        var random = SplitMix64(seed: 8)
        var passedOver = 0
        for _ in 0..<6_000 {
            var text = ""
            for _ in 0..<(1 + random.below(24)) { text += random.pick(pieces) }
            guard !Website.couldLinkWithin(text) else { continue }
            passedOver += 1
            let withinSite = Website.hrefs(in: cache.html(text)).filter(Website.isInternal)
            #expect(withinSite.isEmpty, "\(text.debugDescription) renders \(withinSite)")
        }
        #expect(passedOver > 1_000)
    }
}
