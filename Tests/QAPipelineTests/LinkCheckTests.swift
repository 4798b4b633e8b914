import Foundation
import QADiagnostics
import QAModel
import QAPipeline
import Testing

/// Every internal link written in content must lead to a page of the site, and each broken
/// one is reported once, at the place it was written, however many pages show its text.
@Suite struct LinkCheckTests {
    @Test("a broken link is reported once at its line and column (in characters), with a hint, even when its text is on several pages; links from the root and relative ones")
    func brokenLinksOnce() throws {
        let tree = try CommandLineTests().copyOfMinimal(overlaying: nil)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let path = tree + "/content/audits/neglect-audit.md"
        var audit = try String(contentsOfFile: path, encoding: .utf8)
        // The action is shown on the audit's page, the action tracker, the priority's page
        // and the annual report; the body only on the audit's page.
        audit = audit.replacingOccurrences(of: "text: Train staff on the toolkit.", with: "text: Train staff on [the toolkit](/audits/neglect-audti/).")
        audit = audit.replacingOccurrences(of: "---\nSummary.", with: "---\nSummary.\n\nCafé – see [our priority](/priorities/neglec/) and [the scorecard](/scorecard/#neglect-plans), or [one written from here](../../priorities/neglekt/).")
        try audit.write(toFile: path, atomically: true, encoding: .utf8)

        var options = BuildOptions(projectRoot: tree, buildDate: Day(iso: "2025-06-30")!, pdf: .off, write: false)
        options.parts = Set(BuildPart.allCases)
        let result = build(options)
        let broken = result.diagnostics.filter { $0.code == "broken-link" }.map(\.description)
        #expect(broken == [
            "content/audits/neglect-audit.md:20:40: error: the link '/audits/neglect-audti/' leads to no page of this site; did you mean '/audits/neglect-audit/'?",
            "content/audits/neglect-audit.md:33:27: error: the link '/priorities/neglec/' leads to no page of this site; did you mean '/priorities/neglect/'?",
            "content/audits/neglect-audit.md:33:123: error: the link '../../priorities/neglekt/' leads to no page of this site; did you mean '/priorities/neglect/'?",
        ].map { tree + "/" + $0 })
        #expect(result.files.isEmpty, "a build with broken links publishes nothing")
    }
}
