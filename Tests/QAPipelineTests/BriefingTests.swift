import Foundation
import QADiagnostics
import QAModel
import QAPipeline
import Testing

/// 7-minute briefings: the example's as PDFs of two sides at most and as text holding every
/// section; a briefing that would overflow is an error naming the section to shorten.
@Suite(.serialized) struct BriefingTests {
    static let labels = ["BACKGROUND", "WHY IT MATTERS", "WHAT THIS MEANS FOR YOU", "QUESTIONS FOR REFLECTION"]

    func exampleProject() throws -> String {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-briefings-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        for name in ["content", "themes", "qapress.yml"] {
            try FileManager.default.createSymbolicLink(atPath: project + "/" + name, withDestinationPath: DocumentationTests.repo + "/" + name)
        }
        return project
    }

    func pages(_ pdf: String) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdfinfo", pdf]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return try #require(Int(line.split(separator: " ").last ?? ""))
    }

    @Test("every example briefing has a page, a text version with every section, and a PDF of at most two tagged pages")
    func exampleBriefings() throws {
        let project = try exampleProject()
        defer { try? FileManager.default.removeItem(atPath: project) }
        let result = build(BuildOptions(projectRoot: project, outputFolder: project + "/output", buildDate: Day(iso: "2026-11-22")!, pdf: .required))
        #expect(result.written, "\(result.diagnostics.filter { $0.severity == .error })")
        let folder = project + "/output/site/briefings"
        let ids = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.contains(".") }.sorted()
        #expect(ids.count >= 6)
        let audits = try FileManager.default.contentsOfDirectory(atPath: DocumentationTests.repo + "/content/audits")
        for id in ids {
            let text = try String(contentsOfFile: "\(folder)/\(id)/briefing.txt", encoding: .utf8)
            for (number, label) in zip([1, 2, 6, 7], Self.labels) {
                #expect(text.contains("\(number). \(label)") || text.contains("\(number). "), "\(id): section \(number) missing from the text version")
            }
            #expect((1...7).allSatisfy { text.contains("\n\($0). ") }, "\(id): the text version must hold all seven sections")
            #expect(try pages("\(folder)/\(id)/briefing.pdf") <= 2, "\(id): the PDF must fit on two sides")
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(id)/action-plan/index.html"))
            #expect(!FileManager.default.fileExists(atPath: "\(folder)/\(id)/print.html"), "the print edition is only an input to the PDF")
            let page = try String(contentsOfFile: "\(folder)/\(id)/index.html", encoding: .utf8)
            #expect(page.contains("briefing.pdf"))
        }
        // An audit's briefing pulls the audit's findings and recommendations, never retyped.
        #expect(audits.contains("maa-2024-neglect.md"))
        let neglect = try String(contentsOfFile: "\(folder)/maa-2024-neglect/briefing.txt", encoding: .utf8)
        #expect(neglect.contains("What the partnership will do:"))
        let feed = try String(contentsOfFile: folder + "/feed.xml", encoding: .utf8)
        #expect(feed.components(separatedBy: "<entry>").count - 1 == ids.count)
    }

    @Test("a briefing that would need a third page stops the build and names the section to shorten")
    func overflow() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-overflow-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: project) }
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: WebsiteGoldenTests.minimal + "/content", toPath: project + "/content")
        try FileManager.default.createSymbolicLink(atPath: project + "/themes", withDestinationPath: DocumentationTests.repo + "/themes")
        let long = (1...150).map { "    - Point \($0): practitioners should check what they are told with other agencies, and record what the child says in the child's own words." }.joined(separator: "\n")
        try """
        ---
        title: Too long
        date: 2025-03-01
        group: theme
        sections:
          background: Short.
          why_it_matters: Short.
          what_it_means: |
        \(long)
          questions: [Why?]
        ---

        """.write(toFile: project + "/content/briefings/too-long.md", atomically: true, encoding: .utf8)
        let result = build(BuildOptions(projectRoot: project, outputFolder: project + "/output", buildDate: Day(iso: "2026-11-22")!, pdf: .required))
        #expect(!result.written)
        let overflow = result.diagnostics.filter { $0.code == "briefing-overflow" }.map(\.description)
        #expect(overflow.count == 1)
        #expect(overflow.first?.contains("/content/briefings/too-long.md:6:3: error: this briefing needs ") == true, "\(overflow)")
        #expect(overflow.first?.hasSuffix(" A4 pages in print but must fit on 2; shorten section 6, 'What this means for you', where it runs over") == true, "\(overflow)")
        #expect(result.diagnostics.contains { $0.code == "briefing-budget" && $0.severity == .warning })
        #expect(!FileManager.default.fileExists(atPath: project + "/output/site"), "nothing is written when a briefing overflows")
    }
}
