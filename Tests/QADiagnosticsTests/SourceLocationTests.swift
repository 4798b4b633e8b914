@testable import QADiagnostics
import Testing

@Suite struct SourceLocationTests {
    @Test("a location gives back its path, line and column, and equal paths make equal locations")
    func roundTrip() {
        let a = SourceLocation(path: "content/audits/neglect-2025.md", line: 12, column: 3)
        let b = SourceLocation(path: "content/audits/" + "neglect-2025.md", line: 12, column: 3)
        #expect(a.path == "content/audits/neglect-2025.md")
        #expect(a.line == 12 && a.column == 3)
        #expect(a.description == "content/audits/neglect-2025.md:12:3")
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != SourceLocation(path: "content/audits/neglect-2026.md", line: 12, column: 3))
        #expect(a.at(line: 40, column: 7) == SourceLocation(path: "content/audits/neglect-2025.md", line: 40, column: 7))
        var moved = a
        moved.path = "content/reviews/rapid-review.md"
        moved.line = 2
        #expect(moved.description == "content/reviews/rapid-review.md:2:3")
        #expect(a.path == "content/audits/neglect-2025.md")
    }

    @Test("locations sort by path, then line, then column, whatever order their paths were first seen in")
    func order() {
        let late = SourceLocation(path: "content/zz-first-seen.md", line: 1)
        let early = SourceLocation(path: "content/aa-seen-second.md", line: 9)
        #expect(early < late)
        #expect(!(late < early))
        #expect(SourceLocation(path: "content/aa-seen-second.md", line: 2, column: 9) < early)
        #expect(early.at(line: 9, column: 1) < early.at(line: 9, column: 2))
        let shuffled = [late, early.at(line: 10), early, early.at(line: 1)]
        #expect(shuffled.sorted().map(\.description) == [
            "content/aa-seen-second.md:1:1", "content/aa-seen-second.md:9:1",
            "content/aa-seen-second.md:10:1", "content/zz-first-seen.md:1:1",
        ])
    }

    @Test("threads numbering the same paths at once agree on every number, and every path reads back")
    func numberingOnEveryCore() {
        let paths = (0..<6_000).map { "content/audits/thread-test-\($0 % 1_500).md" }
        let numbers = paths.parallelMap { SourcePaths.shared.number($0) }
        let again = paths.reversed().parallelMap { SourcePaths.shared.number($0) }.reversed()
        #expect(numbers == Array(again))
        #expect(Set(numbers).count == 1_500)
        for (path, number) in zip(paths, numbers) where SourcePaths.shared.path(number) != path {
            Issue.record("number \(number) reads back as '\(SourcePaths.shared.path(number))', not '\(path)'")
        }
    }

    @Test("line and column past the 32-bit range are held at its ends")
    func clamping() {
        let far = SourceLocation(path: "content/big.md", line: Int.max, column: Int.min)
        #expect(far.line == Int(Int32.max))
        #expect(far.column == Int(Int32.min))
        #expect(SourceLocation(path: "content/big.md", line: 3_000_000, column: 0).line == 3_000_000)
    }
}
