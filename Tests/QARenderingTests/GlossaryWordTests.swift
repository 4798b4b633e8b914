@testable import QARendering
import Testing

/// The annual report's glossary lists exactly the terms its text uses as whole words: no
/// letter or digit of any script may touch the term on either side.
@Suite struct GlossaryWordTests {
    func uses(_ text: String, _ term: String) -> Bool {
        Website.wordsFound([Array(term.utf8)], in: Array(text.utf8))[0]
    }

    @Test("whole words only, in any script, case as written")
    func wholeWords() {
        #expect(uses("The CSPR was published.", "CSPR"))
        #expect(uses("(CSPR)", "CSPR"))
        #expect(uses("CSPR", "CSPR"))
        #expect(uses("a CSPR-led review", "CSPR"))
        #expect(uses("two CSPRs, then a CSPR.", "CSPR"))
        #expect(!uses("two CSPRs", "CSPR"))
        #expect(!uses("CSPR2", "CSPR"))
        #expect(!uses("éCSPR", "CSPR"))
        #expect(!uses("CSPRé", "CSPR"))
        #expect(!uses("ΣCSPR", "CSPR"))
        #expect(!uses("cspr", "CSPR"))
        #expect(uses("— CSPR —", "CSPR"))
        #expect(uses("Multi-agency safeguarding hub (MASH)", "Multi-agency safeguarding hub"))
        #expect(!uses("", "CSPR"))
    }

    @Test("several terms in one pass: each found or not as it would be alone, terms sharing a first letter too")
    func severalTerms() {
        let text = "The MASH and the MARAC met; LADO advice followed. MASHED potatoes."
        let terms = ["MASH", "MARAC", "MA", "LADO", "CSPR", "", "potatoes"]
        let found = Website.wordsFound(terms.map { Array($0.utf8) }, in: Array(text.utf8))
        #expect(found == [true, true, false, true, false, false, true])
        #expect(found == terms.map { uses(text, $0) })
    }
}
