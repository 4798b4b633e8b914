import QADiagnostics
import QALoading
import QAModel
import QAValidation
import Testing

@Suite struct PersonalDataTests {
    let scanner = PersonalDataScanner(settings: {
        var s = PrivacySettings()
        s.allow = ["01632 960000", "@example.org", "HF1 2AB"]
        s.watchList = ["Oakbridge Primary", "Child Q"]
        return s
    }())

    func found(_ text: String) -> [String] { scanner.matches(in: text).map { "\($0.check.rawValue): \($0.text)" } }

    @Test("NHS numbers with a valid check digit are found; invalid ones and other numbers are not")
    func nhsNumbers() {
        #expect(PersonalDataScanner.isValidNHSNumber("943 476 5919"))
        #expect(!PersonalDataScanner.isValidNHSNumber("943 476 5918"))
        #expect(found("NHS number 943 476 5919 on file") == ["nhs-number: 943 476 5919"])
        #expect(found("NHS 9434765919.") == ["nhs-number: 9434765919"])
        #expect(found("reference 943 476 5918") == [])
        #expect(found("In 2024-25 we saw 1,234,567,890 contacts") == [])
    }

    @Test("National Insurance numbers, but not look-alikes")
    func niNumbers() {
        #expect(found("NI: JG 12 34 56 C") == ["ni-number: JG 12 34 56 C"])
        #expect(found("AB123456D") == ["ni-number: AB123456D"])
        #expect(found("GB123456A is not valid") == [])
        #expect(found("DA123456A starts with D") == [])
    }

    @Test("postcodes, unless allowed")
    func postcodes() {
        #expect(found("lives near SW1A 1AA") == ["postcode: SW1A 1AA"])
        #expect(found("M1 1AE and B33 8TH") == ["postcode: M1 1AE", "postcode: B33 8TH"])
        #expect(found("Our office is at HF1 2AB") == [])
        #expect(found("In 2025-26 Q1 the rate was 22.5") == [])
    }

    @Test("dates of birth, but not other dates")
    func datesOfBirth() {
        #expect(found("DOB: 12/03/2015") == ["date-of-birth: DOB: 12/03/2015"])
        #expect(found("she was born on 3 March 2015") == ["date-of-birth: born on 3 March 2015"])
        #expect(found("date of birth 2015-03-12") == ["date-of-birth: date of birth 2015-03-12"])
        #expect(found("The audit day was 12/03/2025.") == [])
    }

    @Test("phone numbers and emails outside the allow-list")
    func phonesAndEmails() {
        #expect(found("Call 07700 900123 now") == ["phone: 07700 900123"])
        #expect(found("Call +44 7700 900123") == ["phone: +44 7700 900123"])
        #expect(found("Call 01632 960000 or email anyone@example.org") == [])
        #expect(found("Email mum@gmail.com") == ["email: mum@gmail.com"])
        #expect(found("999 in an emergency; 2,355 contacts") == [])
    }

    @Test("the watch-list matches whole words in any case")
    func watchList() {
        #expect(found("a pupil at oakbridge primary") == ["watch-list: oakbridge primary"])
        #expect(found("the review of Child Q found") == ["watch-list: Child Q"])
        #expect(found("Child Qs and Oakbridge Primaryschool") == [])
    }

    @Test("personal data is reported at its exact place in public content only, and links to restricted pages are errors")
    func rulesOnContent() {
        let partnership = "---\nname: P\nshort_name: P\narea: A\nvision: V\nvalues: [{title: T, description: D}]\nagencies: [{id: council, name: C, role: safeguarding-partner}]\n---\n"
        let page = "---\ntitle: About\n---\nIntro.\n\nThe head of Oakbridge Primary, on 07700 900123.\n\nSee [the internal note](/internal-note/).\n"
        let hidden = "---\ntitle: Internal note\naudience: internal\n---\nOakbridge Primary, DOB: 01/02/2015.\n"
        let loaded = ContentLoader(root: "content", fileSystem: InMemoryFileSystem([
            "content/partnership.md": partnership, "content/pages/about.md": page, "content/pages/internal-note.md": hidden,
        ])).load()
        var privacy = PrivacySettings()
        privacy.watchList = ["Oakbridge Primary"]
        let problems = Validator().validate(loaded.site, asOf: Day(iso: "2026-11-22")!, privacy: privacy, sources: loaded.sources)
        #expect(problems.sorted().map(\.description) == [
            "content/pages/about.md:6:13: error: 'Oakbridge Primary' looks like a name or term on the partnership's watch-list in public content; remove it, or mark this item 'audience: partners'",
            "content/pages/about.md:6:35: error: '07700 900123' looks like a phone number in public content; remove it, or mark this item 'audience: partners', or add it to 'privacy: allow:' in qapress.yml if it may be published",
            "content/pages/about.md:8:25: error: this public text links to '/internal-note/', which is for internal readers only; remove the link, or mark this item 'audience: internal' too",
        ])
    }

    @Test("a briefing's further-information link to a restricted page is an error at the link")
    func briefingLinkToRestricted() {
        let partnership = "---\nname: P\nshort_name: P\narea: A\nvision: V\nvalues: [{title: T, description: D}]\nagencies: [{id: council, name: C, role: safeguarding-partner}]\n---\n"
        let briefing = "---\ntitle: B\ndate: 2025-01-01\ngroup: theme\nsections:\n  further_information:\n    - title: Notes\n      url: /internal-note/\n---\n"
        let hidden = "---\ntitle: Internal note\naudience: partners\n---\nText.\n"
        let loaded = ContentLoader(root: "content", fileSystem: InMemoryFileSystem([
            "content/partnership.md": partnership, "content/briefings/b.md": briefing, "content/pages/internal-note.md": hidden,
        ])).load()
        let problems = Validator().validate(loaded.site, asOf: Day(iso: "2026-11-22")!, sources: loaded.sources)
        #expect(problems.map(\.description) == [
            "content/briefings/b.md:8:12: error: this public text links to '/internal-note/', which is for partners only; remove the link, or mark this item 'audience: partners' too",
        ])
    }
}
