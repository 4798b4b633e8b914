import QADiagnostics
import QATestSupport
import Testing

/// A build sorts the checks' diagnostics while it renders and merges the rendering's problems
/// into them; the result must be what sorting them all together gives.
@Suite struct DiagnosticMergeTests {
    @Test("merging two sorted lists gives the same list as sorting them together")
    func mergeIsSort() {
        var random = SplitMix64(seed: 8)
        for round in 0..<200 {
            func some(_ count: Int) -> [Diagnostic] {
                (0..<count).map { _ in
                    let location = SourceLocation(path: random.pick(["a.md", "b.md", "content/c.md"]), line: random.below(4) + 1, column: random.below(3) + 1)
                    let message = random.pick(["x", "y", "z"])
                    return random.below(2) == 0 ? .error(location, message, code: "e") : .warning(location, message, code: "w")
                }
            }
            let first = some(random.below(30)), second = some(round % 7 == 0 ? 0 : random.below(10))
            #expect(first.sorted().merging(second.sorted()) == (first.sorted() + second).sorted(), "round \(round)")
        }
    }

    @Test("sorting by place gives the same list as sorting, equal diagnostics in their order")
    func sortByPlaceIsSort() {
        var random = SplitMix64(seed: 1206)
        // Paths that sort differently by number and by text, and ones that share prefixes.
        let paths = ["z.md", "a.md", "a/b.md", "a.md.bak", "content/audits/x.md", "content/audit.md", "Ä.md", "b.md"]
        for round in 0..<300 {
            let list: [Diagnostic] = (0..<random.below(60)).map { _ in
                let location = SourceLocation(path: random.pick(paths), line: random.below(3), column: random.below(3) + 1)
                let message = random.pick(["x", "y", "x y"])
                // Codes differ where nothing else does, so a change of order among equal ones shows.
                let code = "c\(random.below(5))"
                return random.below(2) == 0 ? .error(location, message, code: code) : .warning(location, message, code: code)
            }
            let sorted = list.sortedByPlace()
            #expect(sorted == list.sorted(), "round \(round)")
        }
        #expect([Diagnostic]().sortedByPlace().isEmpty)
    }
}
