import QADiagnostics
import QAModel

/// Public content may not carry personal data: what is published about children and families
/// must be anonymised. The partnership's own contact details are always allowed.
struct PersonalDataRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        let contact = context.site.partnership?.contact
        let scanner = PersonalDataScanner(settings: context.privacy, alsoAllow: [contact?.email, contact?.phone].compactMap { $0 })
        var seen: Set<SourceLocation> = []
        var diagnostics: [Diagnostic] = []
        let pieces = context.publicTexts
        let found = pieces.parallelMap { scanner.matches(in: $0.text) }
        for (piece, matches) in zip(pieces, found) {
            for match in matches {
                let at = context.place(of: match.text, near: piece.location)
                guard seen.insert(at).inserted else { continue }
                let message = "'\(match.text)' looks like \(match.check.label) in public content; remove it, or mark this item 'audience: partners'"
                    + (fixable(match.check) ? ", or add it to 'privacy: allow:' in qapress.yml if it may be published" : "")
                diagnostics.append(Diagnostic(context.privacy.asErrors ? .error : .warning, at, message, code: "personal-data"))
            }
        }
        return diagnostics
    }

    func fixable(_ check: PrivacySettings.Check) -> Bool { [.phone, .email, .postcode].contains(check) }
}
