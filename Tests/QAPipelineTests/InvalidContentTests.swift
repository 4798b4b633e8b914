import Foundation
import QADiagnostics
import QAModel
import QALoading
import QAPipeline
import Testing

/// Each folder in Tests/Fixtures/invalid holds bad content laid over the minimal valid
/// partnership, and `expected.txt` with the exact diagnostics `qapress check` must print.
/// Set QAPRESS_RECORD=1 to write expected.txt from the current output (then read the diff).
@Suite struct InvalidContentTests {
    static let asOf = Day(iso: "2026-11-22")!

    @Test("the minimal fixture partnership is clean")
    func minimalIsClean() {
        let fs = InMemoryFileSystemFromDisk.minimal()
        let result = check(CheckOptions(projectRoot: ".", asOf: Self.asOf, fileSystem: fs))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test("bad content gives exactly the expected diagnostics", arguments: FixtureTree.invalidCases())
    func invalidCase(_ name: String) throws {
        let result = check(CheckOptions(projectRoot: ".", asOf: Self.asOf, fileSystem: FixtureTree.overlay(case: name)))
        let actual = DiagnosticPrinter.render(result.diagnostics, as: .text)
        let expectedPath = FixtureTree.root + "/invalid/\(name)/expected.txt"
        if ProcessInfo.processInfo.environment["QAPRESS_RECORD"] == "1" {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(actual == expected)
        #expect(result.diagnostics.hasErrors || result.diagnostics.warningCount > 0, "a fixture must produce at least one problem")
    }

    @Test("there are at least 25 distinct bad inputs")
    func enoughCases() {
        #expect(FixtureTree.invalidCases().count >= 25)
    }
}

enum InMemoryFileSystemFromDisk {
    static func minimal() -> QALoading.InMemoryFileSystem {
        QALoading.InMemoryFileSystem(bytes: FixtureTree.files(in: FixtureTree.root + "/valid/minimal"))
    }
}
