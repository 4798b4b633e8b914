import QADiagnostics
import QAModel

/// A 7-minute briefing is read aloud in about seven minutes: warn when a section or the whole
/// briefing is longer than the reading budget.
struct BriefingBudgetRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        let budget = context.briefings
        return context.site.publishedBriefings(budget).flatMap { b -> [Diagnostic] in
            var found = b.sections.filter { $0.words > budget.wordsPerSection }.map { section in
                Diagnostic.warning(b.location, "section \(section.number), '\(section.label)', of the briefing '\(b.title)' has \(section.words) words, over the \(budget.wordsPerSection)-word budget for a section; shorten it so the briefing can be delivered in about seven minutes", code: "briefing-budget")
            }
            if b.words > budget.wordsTotal {
                let minutes = Double(b.words) / 130
                found.append(.warning(b.location, "the briefing '\(b.title)' has \(b.words) words, about \(Int(minutes.rounded())) minutes of speaking, over its \(budget.wordsTotal)-word budget; shorten the longest sections", code: "briefing-budget"))
            }
            return found
        }
    }
}
