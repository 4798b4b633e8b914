/// Suggestions for "did you mean …?" in diagnostics.
public enum NearMiss {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    public static func suggestion(for word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let limit = max(1, min(3, candidate.count / 3))
            // Nothing worse than the best so far can win, so the search is cut off there.
            let bound = best.map { min(limit, $0.1) } ?? limit
            guard let distance = editDistance(lowered, Array(candidate.lowercased().unicodeScalars), atMost: bound) else { continue }
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        if let best { return best.0 }
        // "multi-agency" for "multi-agency-audit": a word that begins a candidate, or the reverse.
        let word = word.lowercased()
        guard word.count >= 3 else { return nil }
        return candidates.filter { $0.lowercased().hasPrefix(word) || word.hasPrefix($0.lowercased()) && $0.count >= 3 }
            .min { ($0.count, $0) < ($1.count, $1) }
    }

    /// "; did you mean 'x'?" or an empty string.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        suggestion(for: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// The edit distance (insertions, deletions, substitutions of Unicode scalars) between
    /// `a` and `b` when it is at most `limit`, otherwise nil. Only the diagonal band of
    /// width 2 × limit + 1 is computed, and the work stops as soon as every cell of a row
    /// is over the limit, so comparing a word with thousands of unlike candidates is cheap.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let over = limit + 1
        var previous = [Int](repeating: over, count: b.count + 1)
        var current = [Int](repeating: over, count: b.count + 1)
        for j in 0...min(b.count, limit) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[low - 1] = low == 1 && i <= limit ? i : over
            var rowBest = current[low - 1]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                let value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, over)
                current[j] = value
                rowBest = Swift.min(rowBest, value)
            }
            if high < b.count { current[high + 1] = over }
            if rowBest > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// The full edit distance, by the textbook table; the tests check the banded one against it.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
