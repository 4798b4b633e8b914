import QADiagnostics
import QAModel

/// Recommendations in one document are numbered once each.
struct RecommendationNumberRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for group in context.site.allRecommendations {
            // Each number's first id.
            var seen: [Int: String] = [:]
            let recommendations = group.recommendations
            for i in recommendations.indices {
                let number = recommendations[i].number
                if let earlier = seen[number] {
                    found.append(.error(recommendations[i].location, "recommendation '\(recommendations[i].id)' has number \(number), already used by '\(earlier)'; number the recommendations 1, 2, 3…", code: "duplicate-number"))
                    continue
                }
                seen[number] = recommendations[i].id
            }
        }
        return found
    }
}
