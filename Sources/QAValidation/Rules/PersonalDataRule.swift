import QADiagnostics
import QAModel

/// Public content may not carry personal data: what is published about children and families
/// must be anonymised. The partnership's own contact details are always allowed (see
/// `ValidationContext.personalData`).
///
/// Every public text is scanned, the longest part of validation, so the texts are scanned in
/// parts that run beside the other rules.
struct PersonalDataRule: PartedValidationRule {
    /// Parts of at least this many units (documents, mostly) of public text, and at most
    /// `maximumParts` of them.
    static let unitsPerPart = 32
    static let maximumParts = 16

    func partCount(_ context: ValidationContext) -> Int {
        min(Self.maximumParts, max(1, context.publicContent.units.count / Self.unitsPerPart))
    }

    func check(part: Int, of count: Int, _ context: ValidationContext) -> [Diagnostic] {
        let scanner = context.personalData
        let content = context.publicContent
        var found: [(match: PersonalDataScanner.Match, location: SourceLocation)] = []
        var texts: [PublicContent.Text] = []
        let units = content.units.count
        for unit in (units * part / count)..<(units * (part + 1) / count) {
            content.texts(of: content.units[unit], into: &texts)
            for (text, location) in texts {
                for match in scanner.matches(in: text) { found.append((match, location)) }
            }
        }
        return found.map { match, location in
            let at = context.place(of: match.text, near: location)
            let message = "'\(match.text)' looks like \(match.check.label) in public content; remove it, or mark this item 'audience: partners'"
                + (fixable(match.check) ? ", or add it to 'privacy: allow:' in qapress.yml if it may be published" : "")
            return Diagnostic(context.privacy.asErrors ? .error : .warning, at, message, code: "personal-data")
        }
    }

    /// The parts' diagnostics in order, each place reported once (a text shown in two places
    /// is scanned twice, in one part or in two).
    func joined(_ parts: [[Diagnostic]]) -> [Diagnostic] {
        var seen: Set<SourceLocation> = []
        return parts.joined().filter { seen.insert($0.location).inserted }
    }

    func fixable(_ check: PrivacySettings.Check) -> Bool { [.phone, .email, .postcode].contains(check) }
}
