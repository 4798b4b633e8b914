import QADiagnostics
import QALoading
import QAModel
import QATestSupport
import Testing
@testable import QAValidation

/// The id index answers references exactly and by letter case, whichever way an id is
/// written; the capitals test it folds ids by agrees with looking at every byte.
@Suite struct IDIndexTests {
    func index(findingIDs: [String]) -> IDIndex {
        let findings = findingIDs.map { "{id: \"\($0)\", kind: strength, text: x}" }.joined(separator: ", ")
        let partnership = "---\nname: P\nshort_name: P\narea: A\nvision: V\nvalues: [{title: T, description: D}]\nagencies: [{id: council, name: C, role: safeguarding-partner}]\n---\n"
        let audit = "---\ntitle: Audit\nkind: multi-agency-audit\ndate: 2024-06-01\nterms_of_reference: [x]\nmethod: {sample_size: 6}\nfindings: [\(findings)]\n---\n"
        let site = ContentLoader(root: "content", fileSystem: InMemoryFileSystem([
            "content/partnership.md": partnership, "content/audits/a.md": audit,
        ])).load().site
        return ValidationContext(site: site, asOf: Day(iso: "2026-12-06")!).index
    }

    @Test("an id resolves only as written; one that differs in letter case is found as a near match")
    func lookups() {
        let index = index(findingIDs: ["plain-id", "Mixed-Case", "ALL-CAPS-2"])
        for id in ["plain-id", "Mixed-Case", "ALL-CAPS-2"] {
            #expect(index.resolve(id, .finding)?.id == id, "\(id)")
        }
        for (written, defined) in [("PLAIN-ID", "plain-id"), ("mixed-case", "Mixed-Case"), ("MIXED-CASE", "Mixed-Case"), ("all-caps-2", "ALL-CAPS-2")] {
            #expect(index.resolve(written, .finding) == nil, "\(written)")
            #expect(index.caseInsensitiveMatch(written, .finding)?.id == defined, "\(written)")
        }
        #expect(index.resolve("missing", .finding) == nil)
        #expect(index.caseInsensitiveMatch("missing", .finding) == nil)
        #expect(index.resolve("plain-id", .action) == nil)
        #expect(index.ids(.finding) == ["plain-id", "Mixed-Case", "ALL-CAPS-2"])
    }

    @Test("ids repeated in another letter case are listed with the first")
    func repeats() {
        let index = index(findingIDs: ["f1", "F1", "f2", "f1"])
        #expect(index.repeated(.finding).map { "\($0.entry.id)~\($0.first.id)" } == ["F1~f1", "f1~f1"])
    }

    @Test("the capitals test is true exactly when a byte is from A to Z or beyond ASCII")
    func capitals() {
        var random = SplitMix64(seed: 612)
        for _ in 0..<5_000 {
            // Mostly lower-case ASCII, with the bytes either side of each boundary.
            let bytes: [UInt8] = (0..<random.below(40)).map { _ in
                random.below(8) == 0 ? random.pick([0x40, 0x41, 0x5A, 0x5B, 0x60, 0x7F, 0x80, 0xC3, 0xFF, 0x00]) : UInt8(0x61 + random.below(26))
            }
            let expected = bytes.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }
            #expect(bytes.withUnsafeBufferPointer(IDIndex.mayHaveCapitals) == expected, "\(bytes)")
        }
    }
}
