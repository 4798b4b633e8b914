import QADiagnostics
import QAModel

/// A recommendation nobody acts on cannot show impact: each needs at least one action.
struct RecommendationWithoutActionRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var answered = Set<String>()
        let actions = context.actions
        for i in actions.indices { if let id = actions[i].action.recommendation?.id { answered.insert(id) } }
        var found: [Diagnostic] = []
        for group in context.site.allRecommendations {
            let recommendations = group.recommendations
            for r in recommendations.indices where !answered.contains(recommendations[r].id) {
                let id = recommendations[r].id
                found.append(.error(recommendations[r].location, "recommendation \(recommendations[r].number) ('\(id)') has no action; add an action with 'recommendation: \(id)'", code: "recommendation-without-action"))
            }
        }
        return found
    }
}
