import QADiagnostics

/// How a partnership's 7-minute briefings read: the labels of the seven sections and the
/// reading budget, from `briefings:` in qapress.yml.
public struct BriefingSettings: Sendable, Hashable {
    public static let defaultLabels = ["Background", "Why it matters", "What we did", "What we found: strengths",
                                       "What we found: areas for development", "What this means for you", "Questions for reflection"]
    /// For topic briefings, sections 3 to 5 carry key information.
    public static let defaultTopicLabels = ["Background", "Why it matters", "Key information", "Key information: what helps",
                                            "Key information: what gets in the way", "What this means for you", "Questions for reflection"]

    public var labels = BriefingSettings.defaultLabels
    public var topicLabels = BriefingSettings.defaultTopicLabels
    /// About seven minutes of speaking at 130 words a minute.
    public var wordsTotal = 900
    public var wordsPerSection = 200

    public init() {}
}

/// A 7-minute briefing as it is published, whether written as its own file or as the
/// `briefing` section of an audit or review. What an audit's or review's briefing leaves
/// out is filled from the audit or review itself, by reference, never retyped: what was done
/// from its summary, the two "what we found" sections from its findings, and what the
/// partnership will do from its recommendations.
public struct PublishedBriefing: Sendable {
    public struct Section: Sendable {
        public var number: Int
        public var label: String
        /// Markdown.
        public var text: String
        public var words: Int
    }

    public var id: String
    public var title: String
    public var date: Day
    public var group: BriefingGroup
    public var isTopic: Bool
    public var sections: [Section]
    public var furtherInformation: [Link]
    public var contacts: String
    /// The site path of the audit or review it comes from.
    public var fromPath: String?
    public var source: SourceFile
    public var location: SourceLocation

    public var words: Int { sections.reduce(0) { $0 + $1.words } }

    /// The heading that leads the recommendations in "What this means for you".
    static let partnershipWillDo = "What the partnership will do:"

    /// Words as a speaker counts them: runs of letters or digits, ignoring Markdown marks.
    public static func wordCount(_ text: String) -> Int {
        // ASCII text, the most common, by bytes; other text over Unicode scalars rather than
        // characters: the same count, much faster.
        var copy = text
        return copy.withUTF8(asciiWordCount) ?? scalarWordCount(text)
    }

    /// The words of ASCII text, eight bytes at a time; nil when a byte is beyond ASCII. In
    /// each word of eight bytes the top bit of a byte is set when the byte is part of a word
    /// (a letter, a digit or '), found by adding to every byte at once: adding 0x80 - lo sets
    /// the top bit of a byte of at least `lo`. A word starts at a word byte whose byte before
    /// (the last of the eight before, for the first) is not one.
    static func asciiWordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
        let high: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        func repeated(_ byte: UInt64) -> UInt64 { byte &* 0x0101_0101_0101_0101 }
        /// The top bit of each byte from `lo` to `hi`.
        func within(_ word: UInt64, _ lo: UInt64, _ hi: UInt64) -> UInt64 {
            (word &+ repeated(0x80 - lo)) & ~(word &+ repeated(0x7F - hi)) & high
        }
        var words = 0, previousInWord: UInt64 = 0, at = 0
        while at + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            if word & high != 0 { return nil }
            let apostrophe = word ^ repeated(0x27)
            let inWord = within(word, 0x30, 0x39) | within(word, 0x41, 0x5A) | within(word, 0x61, 0x7A)
                | (~((apostrophe & low7) &+ low7 | apostrophe) & high)
            // Little-endian: the byte before each byte is one place lower.
            let before = (inWord << 8) | previousInWord
            words += (inWord & ~before).nonzeroBitCount
            previousInWord = inWord >> 56
            at += 8
        }
        var previous = previousInWord != 0
        while at < bytes.count {
            let byte = bytes[at]
            if byte >= 0x80 { return nil }
            let part = byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "'")
            if part, !previous { words += 1 }
            previous = part
            at += 1
        }
        return words
    }

    /// `wordCount` over Unicode scalars, for text of any script.
    static func scalarWordCount(_ text: String) -> Int {
        var words = 0, inWord = false
        for scalar in text.unicodeScalars {
            let part: Bool
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x27, 0x2019: part = true
            case 0..<0x80: part = false
            default:
                let properties = scalar.properties
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .format: part = inWord // marks belong to the letter before them
                default: part = properties.isAlphabetic || properties.numericType != nil
                }
            }
            if part, !inWord { words += 1 }
            inWord = part
        }
        return words
    }
}

extension Site {
    public func publishedBriefings(_ settings: BriefingSettings = BriefingSettings()) -> [PublishedBriefing] {
        var out: [PublishedBriefing] = []
        for b in briefings {
            out.append(make(id: b.id, title: b.title, date: b.date, group: b.group, content: b.content, from: nil, settings: settings,
                            source: b.source))
        }
        for a in audits {
            guard let content = a.briefing else { continue }
            out.append(make(id: a.id, title: a.title, date: a.reported ?? a.date, group: .localAudit, content: content,
                            from: ("audits/\(a.id)/", a.summary, a.findings, a.recommendations), settings: settings, source: a.source))
        }
        for r in reviews {
            guard let content = r.briefing else { continue }
            let group: BriefingGroup = r.kind == .nationalReview ? .nationalReview : .localReview
            out.append(make(id: r.id, title: r.title, date: r.published ?? r.date, group: group, content: content,
                            from: ("reviews/\(r.id)/", r.summary, r.findings, r.recommendations), settings: settings, source: r.source))
        }
        return out.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// How long each briefing `publishedBriefings` gives is, section by section, in the same
    /// order, without making its texts: a section's words are the sum of its parts' words,
    /// since the parts are joined by line breaks and list marks, which hold no words. For
    /// the reading-budget check, which needs the counts of every briefing and none of its text.
    public func briefingLengths(_ settings: BriefingSettings = BriefingSettings()) -> [BriefingLength] {
        var out: [(date: Day, id: String, length: BriefingLength)] = []
        for i in briefings.indices {
            let b = briefings[i]
            out.append((b.date, b.id, length(title: b.title, content: b.content, from: nil, settings: settings)))
        }
        for i in audits.indices {
            guard let content = audits[i].briefing else { continue }
            let a = audits[i]
            out.append((a.reported ?? a.date, a.id, length(title: a.title, content: content, from: (a.summary, a.findings, a.recommendations), settings: settings)))
        }
        for i in reviews.indices {
            guard let content = reviews[i].briefing else { continue }
            let r = reviews[i]
            out.append((r.published ?? r.date, r.id, length(title: r.title, content: content, from: (r.summary, r.findings, r.recommendations), settings: settings)))
        }
        return out.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map(\.length)
    }

    private func length(title: String, content: BriefingContent, from: (summary: String, findings: [Finding], recommendations: [Recommendation])?,
                        settings: BriefingSettings) -> BriefingLength {
        let count = PublishedBriefing.wordCount
        func found(_ kind: FindingKind) -> Int {
            guard let findings = from?.findings else { return 0 }
            var words = 0
            for i in findings.indices where findings[i].kind == kind { words += count(findings[i].text) }
            return words
        }
        func sum(_ texts: [String]) -> Int { texts.reduce(0) { $0 + count($1) } }
        var meaning = count(content.whatItMeansForYou ?? "")
        if let recommendations = from?.recommendations, !recommendations.isEmpty {
            meaning += count(PublishedBriefing.partnershipWillDo)
            for i in recommendations.indices { meaning += count(recommendations[i].text) }
        }
        let words = [count(content.background ?? ""), count(content.whyItMatters ?? ""), count(content.whatWeDid ?? from?.summary ?? ""),
                     content.strengths.map(count) ?? found(.strength), content.areasForDevelopment.map(count) ?? found(.areaForDevelopment),
                     meaning, sum(content.questions)]
        let labels = from == nil ? settings.topicLabels : settings.labels
        return BriefingLength(title: title, location: content.location, sections: words.indices.map { (labels[$0], words[$0]) })
    }

    /// `text` with its lines joined by single spaces, blank lines dropped, as a list item
    /// on one line. By bytes: a line feed is always a character of its own, unless it follows
    /// a carriage return, and then the text is split by characters as before.
    static func oneLine(_ text: String) -> String {
        let (newline, carriageReturn) = text.utf8.withContiguousStorageIfAvailable { bytes in
            (bytes.contains(0x0A), bytes.contains(0x0D))
        } ?? (text.utf8.contains(0x0A), text.utf8.contains(0x0D))
        guard newline else { return text }
        if carriageReturn { return text.split(separator: "\n").joined(separator: " ") }
        // Runs of line feeds become one space; those at the start and end go.
        var copy = text
        return copy.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0, pendingSpace = false
                for byte in bytes {
                    if byte == 0x0A {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    out[count] = byte
                    count += 1
                }
                return count
            }
        }
    }

    private func make(id: String, title: String, date: Day, group: BriefingGroup, content: BriefingContent,
                      from: (path: String, summary: String, findings: [Finding], recommendations: [Recommendation])?,
                      settings: BriefingSettings, source: SourceFile) -> PublishedBriefing {
        func list(_ items: [String]) -> String {
            items.map { "- " + Self.oneLine($0) }.joined(separator: "\n")
        }
        func found(_ kind: FindingKind) -> String { list((from?.findings ?? []).filter { $0.kind == kind }.map(\.text)) }
        var meaning = content.whatItMeansForYou ?? ""
        let recommendations = (from?.recommendations ?? []).sorted { $0.number < $1.number }
        if !recommendations.isEmpty {
            meaning += (meaning.isEmpty ? "" : "\n\n") + PublishedBriefing.partnershipWillDo + "\n\n" + list(recommendations.map(\.text))
        }
        let texts = [content.background ?? "", content.whyItMatters ?? "", content.whatWeDid ?? from?.summary ?? "",
                     content.strengths ?? found(.strength), content.areasForDevelopment ?? found(.areaForDevelopment),
                     meaning, list(content.questions)]
        let isTopic = from == nil
        let labels = isTopic ? settings.topicLabels : settings.labels
        let sections = texts.enumerated().map {
            PublishedBriefing.Section(number: $0.offset + 1, label: labels[$0.offset], text: $0.element,
                                      words: PublishedBriefing.wordCount($0.element))
        }
        return PublishedBriefing(id: id, title: title, date: date, group: group, isTopic: isTopic, sections: sections,
                                 furtherInformation: content.furtherInformation, contacts: content.contacts ?? "",
                                 fromPath: from?.path, source: source, location: content.location)
    }
}

/// A published briefing's length: the words of each of its seven sections, with their labels.
public struct BriefingLength: Sendable {
    public var title: String
    public var location: SourceLocation
    public var sections: [(label: String, words: Int)]

    public var words: Int { sections.reduce(0) { $0 + $1.words } }
}
