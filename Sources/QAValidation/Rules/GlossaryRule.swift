import QADiagnostics
import QAModel

/// Each term is defined once.
struct GlossaryRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var seen: [String: GlossaryTerm] = [:]
        return context.site.glossary.compactMap { term in
            if let earlier = seen[term.term.lowercased()] {
                return .error(term.location, "the glossary defines '\(term.term)' twice (also at \(earlier.location)); keep one definition", code: "duplicate-term")
            }
            seen[term.term.lowercased()] = term
            return nil
        }
    }
}
