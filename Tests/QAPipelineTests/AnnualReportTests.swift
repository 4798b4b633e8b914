import Foundation
import QADiagnostics
import QAModel
import QAPipeline
import Testing

/// The annual report of the example partnership as PDF and Word, read back with the tools
/// people use: pdftotext and the DOCX's own XML.
@Suite(.serialized) struct AnnualReportTests {
    static let chapters = ["Foreword", "Key messages", "Our arrangements", "Progress against our priorities", "Where progress has been slow",
                           "Learning from reviews", "The quality assurance programme", "The voice of children and families",
                           "Training and its impact", "Performance scorecard", "Independent scrutiny", "Budget", "Next year's priorities", "Appendices"]

    func tool(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func buildExample() throws -> (project: String, result: BuildResult) {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("qapress-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        for name in ["content", "themes", "qapress.yml"] {
            try FileManager.default.createSymbolicLink(atPath: project + "/" + name, withDestinationPath: DocumentationTests.repo + "/" + name)
        }
        return (project, build(BuildOptions(projectRoot: project, outputFolder: project + "/output", buildDate: Day(iso: "2026-11-22")!, pdf: .required)))
    }

    @Test("the PDF has every chapter in order, and its contents page gives the pages where chapters really start")
    func pdfChaptersAndContents() throws {
        let (project, result) = try buildExample()
        defer { try? FileManager.default.removeItem(atPath: project) }
        #expect(result.written, "\(result.diagnostics.filter { $0.severity == .error })")
        let pdf = project + "/output/site/annual-report/2024-25/annual-report-2024-25.pdf"
        #expect(try tool(["pdfinfo", pdf]).contains("Tagged:          yes"))
        let pageCount = try #require(Int(try tool(["pdfinfo", pdf]).split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? ""))
        let pages = try (1...pageCount).map { try tool(["pdftotext", "-layout", "-f", "\($0)", "-l", "\($0)", pdf, "-"]) }
        #expect(pages[0].contains("Annual report 2024-25") && pages[0].contains("1 April 2024 to 31 March 2025"), "the cover")
        // The contents page: "N. Title ....... page".
        var listed: [String: Int] = [:]
        for line in pages[1].split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let number = trimmed.split(separator: " ").last.flatMap({ Int($0) }) else { continue }
            for chapter in Self.chapters where trimmed.contains(chapter) { listed[chapter] = number }
        }
        var previous = 0
        for chapter in Self.chapters {
            let listedPage = try #require(listed[chapter], "\(chapter) is missing from the contents")
            let actual = try #require(pages.indices.dropFirst(2).first { index in
                pages[index].split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == chapter }
            }, "\(chapter) is missing from the report") + 1
            #expect(listedPage == actual, "\(chapter): the contents say page \(listedPage), it starts on page \(actual)")
            #expect(actual > previous, "\(chapter) is out of order")
            previous = actual
        }
        let slow = try #require(pages.firstIndex { $0.contains("Where progress has been slow") && $0.contains("cannot be left out") })
        #expect(pages[slow].contains("Actions overdue at 31 March 2025"))
    }

    @Test("the Word draft keeps the headings, tables and lists")
    func docx() throws {
        let (project, result) = try buildExample()
        defer { try? FileManager.default.removeItem(atPath: project) }
        #expect(result.written)
        let docx = project + "/output/site/annual-report/2024-25/annual-report-2024-25.docx"
        let xml = try tool(["unzip", "-p", docx, "word/document.xml"])
        #expect(xml.contains("w:val=\"Heading1\""))
        #expect(xml.contains("w:val=\"Heading2\""))
        #expect(xml.contains("w:val=\"Heading3\""))
        #expect(xml.components(separatedBy: "<w:tbl>").count - 1 >= 5, "the partners, outcomes, programme, scorecard and budget tables")
        #expect(xml.contains("<w:numPr>"), "lists stay lists")
        #expect(xml.contains("Where progress has been slow"))
    }
}
