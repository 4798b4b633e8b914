import QADiagnostics
import QAModel

/// Two items of one kind may not share an id, even in different letter case: ids become
/// addresses on case-insensitive file systems and are what other files refer to.
struct DuplicateIDRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The index notes each id used again as it is made.
        for kind in ItemKind.allCases {
            for (entry, earlier) in context.index.repeated(kind) {
                let same = earlier.id == entry.id ? "" : " (ids may not differ only in letter case)"
                diagnostics.append(.error(entry.location, "duplicate \(kind.rawValue) id '\(entry.id)'\(same); it is already used at \(earlier.location); give this one a different id", code: "duplicate-id"))
            }
        }
        return diagnostics
    }
}
