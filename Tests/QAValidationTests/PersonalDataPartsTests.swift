import QADiagnostics
import QALoading
import QAModel
@testable import QAValidation
import Testing

@Suite struct PersonalDataPartsTests {
    @Test("the privacy scan in parts reports what one pass over every text reports, in the same order")
    func partsAgreeWithOnePass() {
        let partnership = "---\nname: P\nshort_name: P\narea: A\nvision: V\nvalues: [{title: T, description: D}]\nagencies: [{id: council, name: C, role: safeguarding-partner}]\n---\n"
        var files = ["content/partnership.md": partnership]
        for n in 0..<1_300 {
            let number = String(format: "07700 9%05d", n)
            // Every third page has nothing to report, so parts differ in what they find.
            let body = n % 3 == 0 ? "Nothing personal here.\n" : "Intro.\n\nCall the worker on \(number) after school.\n"
            files[String(format: "content/pages/page-%04d.md", n)] = "---\ntitle: Page \(n)\n---\n" + body
        }
        let loaded = ContentLoader(root: "content", fileSystem: InMemoryFileSystem(files)).load()
        let asOf = Day(iso: "2026-11-22")!
        let context = ValidationContext(site: loaded.site, asOf: asOf, sources: loaded.sources)
        let rule = PersonalDataRule()
        let count = rule.partCount(context)
        #expect(count >= 2)
        let onePass = rule.check(part: 0, of: 1, context)
        let parted = rule.joined((0..<count).map { rule.check(part: $0, of: count, context) })
        #expect(onePass.count == 866)
        #expect(parted.map(\.description) == onePass.map(\.description))
        #expect(onePass.first?.description == "content/pages/page-0001.md:6:20: error: '07700 900001' looks like a phone number in public content; remove it, or mark this item 'audience: partners', or add it to 'privacy: allow:' in qapress.yml if it may be published")
        let validated = Validator().validate(loaded.site, asOf: asOf, sources: loaded.sources).filter { $0.code == "personal-data" }
        #expect(validated.map(\.description) == onePass.map(\.description))
    }

    @Test("the validator runs the privacy scan in parts, and only it")
    func onlyThePrivacyScanIsInParts() {
        #expect(Validator.rules.filter { $0.inParts != nil }.map { String(describing: type(of: $0)) } == ["PersonalDataRule"])
    }

    @Test("a place found in two parts is reported once, where the first part found it")
    func placeInTwoPartsOnce() {
        let here = SourceLocation(path: "content/pages/a.md", line: 4, column: 2)
        let there = SourceLocation(path: "content/pages/b.md", line: 9, column: 1)
        let parts: [[Diagnostic]] = [
            [.warning(here, "first", code: "personal-data")],
            [.warning(there, "second", code: "personal-data"), .warning(here, "again", code: "personal-data")],
        ]
        #expect(PersonalDataRule().joined(parts).map(\.message) == ["first", "second"])
    }
}
