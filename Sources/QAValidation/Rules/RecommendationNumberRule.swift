import QADiagnostics
import QAModel

/// Recommendations in one document are numbered once each.
struct RecommendationNumberRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.site.allRecommendations.flatMap { group -> [Diagnostic] in
            var seen: [Int: Recommendation] = [:]
            return group.recommendations.compactMap { r in
                if let earlier = seen[r.number] {
                    return .error(r.location, "recommendation '\(r.id)' has number \(r.number), already used by '\(earlier.id)'; number the recommendations 1, 2, 3…", code: "duplicate-number")
                }
                seen[r.number] = r
                return nil
            }
        }
    }
}
