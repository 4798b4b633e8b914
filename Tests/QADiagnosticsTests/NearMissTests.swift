@testable import QADiagnostics
import QATestSupport
import Testing

@Suite struct NearMissTests {
    /// A small alphabet makes close pairs common, so every distance from 0 to past the limit
    /// turns up many times.
    func word(_ random: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<random.below(9) { scalars.append(random.pick(["a", "b", "c", "-", "é"] as [Unicode.Scalar])) }
        return String(scalars)
    }

    @Test("the banded distance agrees with the full table wherever it is within the limit, and is nil past it")
    func bandedMatchesFull() {
        var random = SplitMix64(seed: 42)
        var seen = [Int](repeating: 0, count: 5)
        for _ in 0..<20_000 {
            let a = word(&random), b = word(&random)
            let full = NearMiss.editDistance(a, b)
            for limit in 0...3 {
                let banded = NearMiss.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), atMost: limit)
                #expect(banded == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
            }
            seen[min(full, 4)] += 1
        }
        #expect(seen.allSatisfy { $0 > 200 }, "\(seen)")
    }

    @Test("the suggestion is the closest candidate, ties to the first in order")
    func closestWins() {
        #expect(NearMiss.suggestion(for: "/audits/neglect-2024/", in: ["/audits/neglect-2023/", "/audits/neglect-2024x/", "/audits/"]) == "/audits/neglect-2023/")
        #expect(NearMiss.suggestion(for: "abcd", in: ["abce", "abcf"]) == "abce")
        #expect(NearMiss.suggestion(for: "abcd", in: ["abcf", "abce"]) == "abce")
        #expect(NearMiss.suggestion(for: "kestrel", in: ["kestrels", "kestrel-ford"]) == "kestrels")
    }
}
