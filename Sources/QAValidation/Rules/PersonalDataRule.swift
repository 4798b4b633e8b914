import QADiagnostics
import QAModel

/// Public content may not carry personal data: what is published about children and families
/// must be anonymised. The partnership's own contact details are always allowed (see
/// `ValidationContext.personalData`).
///
/// Every public text is scanned, the longest part of validation, so the texts are scanned in
/// parts that run beside the other rules.
struct PersonalDataRule: PartedValidationRule {
    /// Parts of at least this many texts, and at most `maximumParts` of them.
    static let textsPerPart = 512
    static let maximumParts = 16

    func partCount(_ context: ValidationContext) -> Int {
        min(Self.maximumParts, max(1, context.publicTexts.count / Self.textsPerPart))
    }

    func check(part: Int, of count: Int, _ context: ValidationContext) -> [Diagnostic] {
        let scanner = context.personalData
        var diagnostics: [Diagnostic] = []
        let all = context.publicTexts
        let pieces = all[(all.count * part / count)..<(all.count * (part + 1) / count)]
        for piece in pieces {
            for match in scanner.matches(in: piece.text) {
                let at = context.place(of: match.text, near: piece.location)
                let message = "'\(match.text)' looks like \(match.check.label) in public content; remove it, or mark this item 'audience: partners'"
                    + (fixable(match.check) ? ", or add it to 'privacy: allow:' in qapress.yml if it may be published" : "")
                diagnostics.append(Diagnostic(context.privacy.asErrors ? .error : .warning, at, message, code: "personal-data"))
            }
        }
        return diagnostics
    }

    /// The parts' diagnostics in order, each place reported once (a text shown in two places
    /// is scanned twice, in one part or in two).
    func joined(_ parts: [[Diagnostic]]) -> [Diagnostic] {
        var seen: Set<SourceLocation> = []
        return parts.joined().filter { seen.insert($0.location).inserted }
    }

    func fixable(_ check: PrivacySettings.Check) -> Bool { [.phone, .email, .postcode].contains(check) }
}
