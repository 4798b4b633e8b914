import QADiagnostics
import QAModel

/// A 7-minute briefing is read aloud in about seven minutes: warn when a section or the whole
/// briefing is longer than the reading budget.
struct BriefingBudgetRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        let budget = context.briefings
        // Only the counts are needed, so the briefings' texts are not made.
        return context.site.briefingLengths(budget).flatMap { b -> [Diagnostic] in
            var found = b.sections.indices.filter { b.sections[$0].words > budget.wordsPerSection }.map { number in
                let section = b.sections[number]
                return Diagnostic.warning(b.location, "section \(number + 1), '\(section.label)', of the briefing '\(b.title)' has \(section.words) words, over the \(budget.wordsPerSection)-word budget for a section; shorten it so the briefing can be delivered in about seven minutes", code: "briefing-budget")
            }
            if b.words > budget.wordsTotal {
                let minutes = Double(b.words) / 130
                found.append(.warning(b.location, "the briefing '\(b.title)' has \(b.words) words, about \(Int(minutes.rounded())) minutes of speaking, over its \(budget.wordsTotal)-word budget; shorten the longest sections", code: "briefing-budget"))
            }
            return found
        }
    }
}
