import QADiagnostics
import QATestSupport
import Testing

/// `isSortedAscending`, which decides whether the walk's paths and the diagnostics are sorted
/// again, answers as comparing each neighbouring pair does.
@Suite struct SortednessTests {
    @Test("a list is sorted exactly when no element is less than the one before it")
    func againstPairs() {
        var random = SplitMix64(seed: 20261205)
        for _ in 0..<2_000 {
            let count = Int(random.next() % 12)
            // Few distinct values, so that equal neighbours and near-sorted lists are common.
            var list = (0..<count).map { _ in Int(random.next() % 4) }
            if random.next() % 2 == 0 { list.sort() }
            let pairwise = list.indices.dropFirst().allSatisfy { list[$0 - 1] <= list[$0] }
            #expect(list.isSortedAscending == pairwise, "\(list)")
            #expect(list[...].isSortedAscending == pairwise, "\(list) as a slice")
        }
        #expect([String]().isSortedAscending)
        #expect(["a.md", "a/x.md"].isSortedAscending)
        #expect(!["a/x.md", "a.md"].isSortedAscending)
    }
}
