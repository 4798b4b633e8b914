import QADiagnostics
import QAModel

/// Two items of one kind may not share an id, even in different letter case: ids become
/// addresses on case-insensitive file systems and are what other files refer to.
struct DuplicateIDRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for kind in ItemKind.allCases {
            var first: [String: IDIndex.Entry] = [:]
            for entry in context.index.entries[kind] ?? [] {
                let key = IDIndex.folded(entry.id)
                if let earlier = first[key] {
                    let same = earlier.id == entry.id ? "" : " (ids may not differ only in letter case)"
                    diagnostics.append(.error(entry.location, "duplicate \(kind.rawValue) id '\(entry.id)'\(same); it is already used at \(earlier.location); give this one a different id", code: "duplicate-id"))
                } else {
                    first[key] = entry
                }
            }
        }
        return diagnostics
    }
}
