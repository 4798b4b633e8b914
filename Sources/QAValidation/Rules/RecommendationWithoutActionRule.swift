import QADiagnostics
import QAModel

/// A recommendation nobody acts on cannot show impact: each needs at least one action.
struct RecommendationWithoutActionRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        let answered = Set(context.actions.compactMap { $0.action.recommendation?.id })
        return context.site.allRecommendations.flatMap(\.recommendations)
            .filter { !answered.contains($0.id) }
            .map { .error($0.location, "recommendation \($0.number) ('\($0.id)') has no action; add an action with 'recommendation: \($0.id)'", code: "recommendation-without-action") }
    }
}
