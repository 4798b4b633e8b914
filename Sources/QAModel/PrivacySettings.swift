/// The publication checks that keep personal data out of public content, from `privacy:` in
/// qapress.yml.
public struct PrivacySettings: Sendable, Hashable {
    public enum Check: String, Sendable, CaseIterable {
        case nhsNumber = "nhs-number", niNumber = "ni-number", postcode, dateOfBirth = "date-of-birth"
        case phone, email, watchList = "watch-list"

        public var label: String {
            switch self {
            case .nhsNumber: return "an NHS number"
            case .niNumber: return "a National Insurance number"
            case .postcode: return "a postcode"
            case .dateOfBirth: return "a date of birth"
            case .phone: return "a phone number"
            case .email: return "an email address"
            case .watchList: return "a name or term on the partnership's watch-list"
            }
        }
    }

    /// Which checks run; all by default.
    public var checks: Set<Check> = Set(Check.allCases)
    /// Error (the default) or warning, for public content.
    public var asErrors = true
    /// Phone numbers, email addresses (or whole domains written "@example.org") and postcodes
    /// that may be published, such as the business unit's own.
    public var allow: [String] = []
    /// Names and terms that must never be published: children's, families', schools' names.
    public var watchList: [String] = []
    /// Counts below this are shown as "fewer than N" in public outputs; 0 turns suppression off.
    public var smallNumberThreshold: Double = 5

    public init() {}
}
