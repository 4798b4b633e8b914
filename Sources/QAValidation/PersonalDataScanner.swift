import Foundation
import QADiagnostics
import QAModel

/// Finds patterns of personal data in text: NHS numbers with a valid check digit, National
/// Insurance numbers, postcodes, dates of birth, phone numbers, email addresses and the
/// partnership's own watch-list.
public struct PersonalDataScanner: Sendable {
    public struct Match: Hashable, Sendable {
        public var check: PrivacySettings.Check
        public var text: String
    }

    let settings: PrivacySettings
    let allowed: Set<String>
    let allowedDomains: [String]
    /// The watch-list's patterns, compiled the first time a text may hold one of its terms:
    /// ICU takes milliseconds to compile each (its letter and digit classes), and most runs
    /// never need them.
    let watchPatterns: WatchPatterns
    /// The watch-list's words, when it is checked and has any.
    let watchSearch: WatchListSearch?

    public init(settings: PrivacySettings, alsoAllow: [String] = []) {
        self.settings = settings
        let watchList = settings.watchList.filter { !$0.isEmpty }
        watchPatterns = WatchPatterns(watchList)
        watchSearch = settings.checks.contains(.watchList) && !watchList.isEmpty ? WatchListSearch(watchList) : nil
        let all = settings.allow + alsoAllow
        allowed = Set(all.map(Self.normalised))
        allowedDomains = all.filter { $0.hasPrefix("@") }.map { $0.lowercased() }
    }

    /// The watch-list's terms as patterns that match a whole word or phrase in any case,
    /// compiled once, on first use, by whichever thread needs them first.
    final class WatchPatterns: @unchecked Sendable {
        private let terms: [String]
        private let lock = NSLock()
        private var made: [NSRegularExpression]?

        init(_ terms: [String]) { self.terms = terms }

        var compiled: [NSRegularExpression] {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let patterns = terms.map {
                try! NSRegularExpression(pattern: "(?i)(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: $0) + "(?![\\p{L}\\p{N}])")
            }
            made = patterns
            return patterns
        }
    }

    /// Phone numbers and postcodes compare without spaces or punctuation; email addresses
    /// without case.
    static func normalised(_ text: String) -> String {
        let lowered = text.lowercased()
        if lowered.contains("@") { return lowered.trimmingCharacters(in: .whitespaces) }
        var digits = lowered.filter { $0.isLetter || $0.isNumber }
        if digits.hasPrefix("44"), digits.count == 12 { digits = "0" + digits.dropFirst(2) }
        return digits
    }

    /// Readies ICU's regular expressions: its first pattern with `\d` or `\p{…}` gathers the
    /// characters of those classes from every script, some milliseconds that `check` spends on
    /// a thread of its own while the other lists the content folder, instead of in the middle
    /// of validation, where the first thread to need a pattern pays them and any other waits.
    public static func prepareRegularExpressions() {
        _ = try? NSRegularExpression(pattern: #"(?i)\b\d\p{L}\p{N}\s"#)
    }

    /// The checks with a pattern, in the order their matches are reported.
    static let patternChecks: [PrivacySettings.Check] = [.nhsNumber, .niNumber, .postcode, .dateOfBirth, .phone, .email]

    /// Each check's pattern, compiled the first time the prefilter lets a text through for
    /// it, so that a run compiles only the patterns its content calls for (ICU takes some
    /// milliseconds over the first pattern with `\d`, to gather the digits of every script).
    static func pattern(for check: PrivacySettings.Check) -> NSRegularExpression? {
        switch check {
        case .nhsNumber: return nhsNumberPattern
        case .niNumber: return niNumberPattern
        case .postcode: return postcodePattern
        case .dateOfBirth: return dateOfBirthPattern
        case .phone: return phonePattern
        case .email: return emailPattern
        case .watchList: return nil
        }
    }

    static let nhsNumberPattern = try! NSRegularExpression(pattern: #"(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d-])"#)
    static let niNumberPattern = try! NSRegularExpression(pattern: #"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"#)
    static let postcodePattern = try! NSRegularExpression(pattern: #"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b"#)
    static let dateOfBirthPattern = try! NSRegularExpression(pattern: #"(?i)\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\b[:\s]*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})"#)
    static let phonePattern = try! NSRegularExpression(pattern: #"(?<![\d])(?:\+44 ?\(?0?\)? ?|\(?0)\d{2,4}\)?[ -]?\d{3,4}[ -]?\d{3,4}(?![\d])"#)
    static let emailPattern = try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#)

    public func matches(in text: String) -> [Match] {
        matches(in: text, possible: Self.possibleChecks(in: text))
    }

    /// The matches of the patterns in `possible` (the prefilter's answer; every check, to
    /// test the prefilter against).
    func matches(in text: String, possible: Set<PrivacySettings.Check>) -> [Match] {
        var found: [Match] = []
        let watch = watchSearch?.mayContain(text) ?? false
        guard !possible.isEmpty || watch else { return [] }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        for check in Self.patternChecks where settings.checks.contains(check) && possible.contains(check) {
            guard let pattern = Self.pattern(for: check) else { continue }
            for result in pattern.matches(in: text, range: whole) {
                let matched = ns.substring(with: result.range)
                if check == .nhsNumber, !Self.isValidNHSNumber(matched) { continue }
                if check == .phone, matched.filter(\.isNumber).count < 10 { continue }
                if [.phone, .email, .postcode].contains(check), isAllowed(matched) { continue }
                found.append(Match(check: check, text: matched))
            }
        }
        if watch {
            for pattern in watchPatterns.compiled {
                for result in pattern.matches(in: text, range: whole) {
                    found.append(Match(check: .watchList, text: ns.substring(with: result.range)))
                }
            }
        }
        return found
    }

    /// The checks whose pattern could match somewhere in the text, found in one pass over its
    /// bytes; the regular expressions then run only where something could match. Each test
    /// here is looser than its pattern: it may let through text with no match, never the
    /// other way round.
    /// What ends a run of prose: digits, '@' and the bytes of other scripts. Every other
    /// byte inside a run that starts with a lower-case letter changes nothing but the last
    /// two bytes seen: a capital sets a flag only two places after a digit, and punctuation,
    /// spaces and line ends only end runs of digits, of which a run of prose holds none.
    static let notProse = ByteSet { $0 &- UInt8(ascii: "0") < 10 || $0 == UInt8(ascii: "@") || $0 >= 0x80 }

    static func possibleChecks(in text: String) -> Set<PrivacySettings.Check> {
        var possible: Set<PrivacySettings.Check> = []
        var ni = false, tenDigits = false
        var digitsInRun = 0          // digits in the current run of digits, spaces, hyphens, brackets and '+'
        var upperThenDigit = false, at = false, nonASCII = false, hasDigit = false
        var inwardCode = false       // a digit followed by two capital letters, as a postcode ends
        // National Insurance numbers: two capitals, an optional space, then six digits that
        // only single spaces separate. `niDigits` counts digits since such a start, -1 when the
        // current run did not start after capitals.
        var niDigits = -1
        // The date of birth pattern needs a digit straight after one of its keywords and any
        // dots, colons and spaces: looked for back from the first digit of each run (and from
        // other scripts' characters, which may be digits).
        var birthKeyword = false
        let keywords = birthKeywords, lastBytes = birthKeywordLastBytes
        let notProse = Self.notProse
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        let capitals = UInt8(ascii: "A")...UInt8(ascii: "Z")
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        var copy = text
        copy.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                index += 1
                // A run of prose (no digits, '@' or other scripts' bytes) that starts with a
                // lower-case letter, the bulk of any text, ends any run of digits and changes
                // nothing else but the last two bytes seen (see `notProse`): skipped in a
                // tight loop.
                if byte &- UInt8(ascii: "a") < 26 {
                    let start = index - 1
                    index = notProse.first(in: bytes, from: index)
                    digitsInRun = 0; niDigits = -1
                    beforePrevious = index - start >= 2 ? bytes[index - 2] : previous
                    previous = bytes[index - 1]
                    continue
                }
                switch byte {
                case digits:
                    digitsInRun += 1
                    hasDigit = true
                    if !birthKeyword, !digits.contains(previous) { birthKeyword = Self.birthKeywordEnds(before: index - 1, in: bytes, keywords: keywords, lastBytes: lastBytes) }
                    if niDigits < 0, capitals.contains(previous) || (previous == 0x20 && capitals.contains(beforePrevious)) { niDigits = 0 }
                    if niDigits >= 0 {
                        niDigits += 1
                        if niDigits >= 6 { ni = true }
                    }
                    if digitsInRun >= 10 { tenDigits = true }
                    if capitals.contains(previous) { upperThenDigit = true }
                case UInt8(ascii: " "):
                    if previous == 0x20 { niDigits = -1 }
                case UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"):
                    niDigits = -1
                case UInt8(ascii: "@"):
                    at = true; digitsInRun = 0; niDigits = -1
                case 0x80...:
                    nonASCII = true; digitsInRun = 0; niDigits = -1
                    if !birthKeyword, previous < 0x80 { birthKeyword = Self.birthKeywordEnds(before: index - 1, in: bytes, keywords: keywords, lastBytes: lastBytes) }
                case capitals:
                    if capitals.contains(previous), digits.contains(beforePrevious) { inwardCode = true }
                    digitsInRun = 0; niDigits = -1
                default:
                    digitsInRun = 0; niDigits = -1
                }
                beforePrevious = previous
                previous = byte
            }
        }
        // The patterns' \d also matches digits of other scripts: with any of those, run them all.
        // (Latin-1, Latin Extended and general punctuation such as curly quotes have none.)
        if nonASCII, text.unicodeScalars.contains(where: { $0.value >= 0x0660 && !(0x2000...0x206F).contains($0.value) && $0.properties.numericType == .decimal }) {
            return Set(PrivacySettings.Check.allCases)
        }
        if ni { possible.insert(.niNumber) }
        if tenDigits { possible.insert(.nhsNumber); possible.insert(.phone) }
        // A postcode ends in a digit and two capitals, and starts with a capital and a digit
        // (or is GIR 0AA).
        if inwardCode, upperThenDigit || text.containsBytes("GIR") { possible.insert(.postcode) }
        if at { possible.insert(.email) }
        if hasDigit, birthKeyword { possible.insert(.dateOfBirth) }
        return possible
    }

    /// The date of birth pattern's keywords, lower-case ASCII.
    static let birthKeywords: [[UInt8]] = ["born", "born on", "birth", "dob", "d.ob", "do.b", "d.o.b"].map { Array($0.utf8) }

    /// The bytes that end one of `birthKeywords`, in either case.
    static let birthKeywordLastBytes: [Bool] = (0..<256).map { byte in
        birthKeywords.contains { keyword in
            let last = keyword[keyword.count - 1]
            return byte == last || (last >= 0x61 && byte == last - 0x20)
        }
    }

    /// Whether one of `keywords` (lower-case ASCII), in any mix of cases, ends just before
    /// `position` in `bytes`, but for dots, colons and white space between. `lastBytes` holds
    /// the bytes that end a keyword (`birthKeywordLastBytes` for `birthKeywords`).
    static func birthKeywordEnds(before position: Int, in bytes: UnsafeBufferPointer<UInt8>, keywords: [[UInt8]], lastBytes: [Bool]) -> Bool {
        var end = position
        skipping: while end > 0 {
            switch bytes[end - 1] {
            case UInt8(ascii: "."), UInt8(ascii: ":"), 0x20, 0x09...0x0D: end -= 1
            default: break skipping
            }
        }
        // Most digits follow a byte that ends no keyword: told at once, from a table.
        guard end > 0, lastBytes[Int(bytes[end - 1])] else { return false }
        return keywords.contains { keyword in
            guard keyword.count <= end else { return false }
            let start = end - keyword.count
            // Letters match in either case (they differ only in 0x20); dots and spaces exactly.
            return keyword.indices.allSatisfy { k in (keyword[k] >= 0x61 ? bytes[start + k] | 0x20 : bytes[start + k]) == keyword[k] }
        }
    }

    func isAllowed(_ text: String) -> Bool {
        let key = Self.normalised(text)
        if allowed.contains(key) { return true }
        if text.contains("@") { return allowedDomains.contains { key.hasSuffix($0) } }
        return false
    }

    /// The NHS number check digit (modulus 11): weights 10 down to 2 over the first nine digits.
    public static func isValidNHSNumber(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == 10 else { return false }
        let sum = zip(digits.prefix(9), (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        return check != 10 && check == digits[9]
    }
}

/// Whether a text could hold one of the watch-list's words in any mix of cases, so that the
/// watch-list patterns must run. ASCII words in ASCII text are looked for in one pass by
/// bytes, folding ASCII letters; otherwise both are lower-cased first (other scripts fold in
/// ways bytes cannot follow).
struct WatchListSearch: Sendable {
    let words: [String]
    /// The words lower-cased, as bytes; nil when one of them is not ASCII.
    let needles: [[UInt8]]?
    /// Where in each needle its anchor is: the byte least common in English prose, which
    /// the scan looks for instead of the first ("c" of "Child Zed" is everywhere, "z" is not).
    let anchors: [Int]
    /// The bytes that stop the scan: either case of an anchor, and any non-ASCII byte,
    /// which sends the text to the lower-casing search.
    let stopSet: ByteSet

    /// Lower-case ASCII letters and the space from the most common in English text to the
    /// least; every other byte counts as rarer than "p" and more common than "b".
    static let commonest = Array(" etaoinshrdlcumwfgyp".utf8) + [0] + Array("bvkjxqz".utf8)

    static func rarity(_ byte: UInt8) -> Int {
        commonest.firstIndex(of: byte) ?? commonest.firstIndex(of: 0)!
    }

    init(_ words: [String]) {
        self.words = words
        let needles = words.map { Array($0.lowercased().utf8) }
        self.needles = needles.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 < 0x80 } } ? needles : nil
        anchors = needles.map { needle in needle.indices.max { Self.rarity(needle[$0]) < Self.rarity(needle[$1]) } ?? 0 }
        var stops = [Bool](repeating: false, count: 256)
        for (needle, anchor) in zip(needles, anchors) where !needle.isEmpty {
            let byte = needle[anchor]
            stops[Int(byte)] = true
            if byte &- UInt8(ascii: "a") < 26 { stops[Int(byte ^ 0x20)] = true }
        }
        for byte in 0x80..<256 { stops[byte] = true }
        stopSet = ByteSet { stops[Int($0)] }
    }

    func mayContain(_ text: String) -> Bool {
        guard let needles else { return lowerCased(text) }
        var copy = text
        let stopSet = self.stopSet
        let found = copy.withUTF8 { bytes -> Bool? in
            let count = bytes.count
            var index = 0
            while true {
                index = stopSet.first(in: bytes, from: index)
                guard index < count else { return false }
                let stop = bytes[index]
                if stop >= 0x80 { return nil }
                let folded = stop &- UInt8(ascii: "A") < 26 ? stop | 0x20 : stop
                for (needle, anchor) in zip(needles, anchors) where needle[anchor] == folded {
                    let start = index - anchor
                    guard start >= 0, start + needle.count <= count else { continue }
                    var matched = 0
                    // A letter's two cases differ only in 0x20; other bytes must match exactly.
                    while matched < needle.count {
                        let byte = bytes[start + matched]
                        guard (byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte) == needle[matched] else { break }
                        matched += 1
                    }
                    if matched == needle.count { return true }
                }
                index += 1
            }
        }
        return found ?? lowerCased(text)
    }

    func lowerCased(_ text: String) -> Bool {
        let folded = text.lowercased()
        return words.contains { folded.containsBytes($0.lowercased()) }
    }
}
