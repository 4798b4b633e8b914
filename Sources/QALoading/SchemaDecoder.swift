import QADiagnostics
import QAMarkdown
import QAModel
import Foundation

/// Checks a composed YAML tree against an `ObjectSchema`, reporting every unknown key, missing
/// key and wrongly typed value with its line and column, and keeps what is valid.
struct SchemaDecoder {
    /// The file's number in `SourcePaths`, for the location of every value.
    let file: SourcePaths.Number
    /// Lines before the YAML text in its file (1 for front matter after the opening `---`).
    let lineOffset: Int
    /// The YAML being decoded, set by `decodeDocument`.
    private(set) var tree = YAMLTree()
    /// The verdict on each node of `tree`, filled in as it is decoded.
    private var verdicts: [Verdict] = []
    private var keyPrints: [UInt64] = []
    private var unread: [(node: Int32, keys: Set<String>)] = []
    var diagnostics: [Diagnostic] = []
    private var nodesVisited = 0
    /// Bytes of Markdown decoded so far; with the body they must stay within
    /// `MarkdownLimits.maxBytes`, so rendering one document takes bounded time.
    private(set) var markdownBytes = 0
    /// What is left of the document's time budget for rendering Markdown (ns).
    var markdownBudget = MarkdownLimits.budget
    static let nodeLimit = 100_000

    init(path: String, lineOffset: Int) {
        file = SourcePaths.shared.number(path)
        self.lineOffset = lineOffset
    }

    func location(_ node: YAMLTree.Node) -> SourceLocation {
        let mark = tree.mark(node)
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    mutating func error(_ node: YAMLTree.Node, _ message: String, code: String) {
        diagnostics.append(.error(location(node), message, code: code))
    }

    /// Decodes the root of `tree`, which must be a mapping.
    mutating func decodeDocument(_ tree: YAMLTree, schema: ObjectSchema) -> DecodedObject {
        self.tree = tree
        guard let node = tree.root else { return DecodedObject(location: SourceLocation(file: file, line: lineOffset + 1, column: 1)) }
        guard tree.kind(node) == .mapping else {
            error(node, "front matter must be a mapping of keys to values, not \(describe(node)); write lines such as 'title: …'", code: "not-a-mapping")
            return DecodedObject(location: location(node))
        }
        verdicts = [Verdict](repeating: .refused, count: tree.entries.count)
        keyPrints = [UInt64](repeating: 0, count: tree.entries.count)
        decodeObject(node, schema: schema)
        let decoded = DecodedTree(tree: tree, file: file, lineOffset: lineOffset, verdicts: verdicts, keyPrints: keyPrints, unread: unread)
        verdicts = []
        keyPrints = []
        unread = []
        return DecodedObject(decoded, node: node)
    }

    /// Checks the mapping `node` against `schema`, accepting each key that is right; false
    /// when `node` is not a mapping at all.
    @discardableResult
    mutating func decodeObject(_ node: YAMLTree.Node, schema: ObjectSchema) -> Bool {
        guard tree.kind(node) == .mapping else {
            error(node, "expected \(FieldType.object(schema).phrase), found \(describe(node)); write it as indented 'key: value' lines", code: "wrong-type")
            return false
        }
        verdicts[node] = .accepted
        let pairCount = tree.pairCount(node)
        // Which of the schema's fields were written, by their place in the schema.
        var seen = FieldSet(count: schema.fields.count)
        var misspelled: Set<String> = []
        var unreadKeys: Set<String> = []
        defer {
            unreadKeys.formUnion(misspelled)
            if !unreadKeys.isEmpty { unread.append((Int32(node), unreadKeys)) }
        }
        for pairIndex in 0..<pairCount {
            let (keyNode, valueNode) = tree.pair(node, pairIndex)
            guard countVisit(keyNode) else { return true }
            // The key is compared as bytes; it is made a string only to word a diagnostic.
            guard let print = tree.withScalar(keyNode, { NameFingerprint.of($0) }) else {
                error(keyNode, "a key must be a plain word, not \(describe(keyNode)); use one of: \(schema.fields.map(\.name).joined(separator: ", "))", code: "unknown-key")
                continue
            }
            guard let fieldIndex = tree.withScalar(keyNode, { schema.fieldIndex($0, print: print) }) ?? nil else {
                let key = tree.scalar(keyNode) ?? ""
                if let near = NearMiss.suggestion(for: key, in: schema.fields.map(\.name)) { misspelled.insert(near) }
                let hint = NearMiss.hint(for: key, in: schema.fields.map(\.name))
                    ?? "the keys allowed in \(article(schema.name)) \(schema.name) are: \(schema.fields.map(\.name).joined(separator: ", "))"
                error(keyNode, "unknown key '\(key)' in \(schema.name); \(hint)", code: "unknown-key")
                continue
            }
            // The field's name has the key's bytes.
            let key = schema.fields[fieldIndex].name
            guard seen.insert(fieldIndex) else {
                error(keyNode, "duplicate key '\(key)'; keep one of them", code: "duplicate-key")
                continue
            }
            if isNull(valueNode) {
                if schema.fields[fieldIndex].required {
                    error(valueNode, "'\(key)' is empty; give it \(schema.fields[fieldIndex].type.phrase)", code: "missing-key")
                }
                continue
            }
            if decodeValue(valueNode, as: schema.fields[fieldIndex].type, key: key) {
                keyPrints[valueNode] = print
            } else {
                unreadKeys.insert(key)
            }
        }
        for index in schema.requiredFields where !seen.contains(index) && !misspelled.contains(schema.fields[index].name) {
            let field = schema.fields[index]
            diagnostics.append(.error(location(node), "\(schema.name) is missing the required key '\(field.name)'; add '\(field.name):' with \(field.type.phrase)", code: "missing-key"))
        }
        return true
    }

    /// Checks one value against `type`, and records the verdict; false when it was refused.
    @discardableResult
    mutating func decodeValue(_ node: YAMLTree.Node, as type: FieldType, key: String) -> Bool {
        guard countVisit(node) else { return false }
        switch type {
        case let .object(schema):
            return decodeObject(node, schema: schema)
        case let .list(element):
            guard tree.kind(node) == .sequence else {
                error(node, "'\(key)' must be a list, found \(describe(node)); write each item on its own line starting with '- '", code: "wrong-type")
                return false
            }
            verdicts[node] = .accepted
            for index in 0..<tree.itemCount(node) {
                let item = tree.item(node, index)
                if isNull(item) {
                    error(item, "an item of '\(key)' is empty; remove the '-' or give it a value", code: "wrong-type")
                    continue
                }
                decodeValue(item, as: element, key: key)
            }
            return true
        default:
            guard tree.kind(node) == .scalar else {
                error(node, "'\(key)' must be \(type.phrase), found \(describe(node)); \(fixFor(type, key: key))", code: "wrong-type")
                return false
            }
            guard let verdict = decodeScalar(node, as: type, key: key) else { return false }
            verdicts[node] = verdict
            return true
        }
    }

    /// The verdict on the scalar `node` as `type`. Text is accepted, and Markdown and ids are
    /// checked, from the bytes in the tree: the model makes the strings it keeps. Other types
    /// are short, and read from a string.
    mutating func decodeScalar(_ node: YAMLTree.Node, as type: FieldType, key: String) -> Verdict? {
        switch type {
        case .text, .url, .path:
            return .accepted
        case .markdown:
            return checkMarkdown(node, key: key) ? .accepted : nil
        case .identifier, .reference:
            guard tree.withScalar(node, { Identifier.isValid($0) }) == true else {
                let text = tree.scalar(node) ?? ""
                error(node, "'\(text)' is not a valid id; use letters, digits and hyphens, for example '\(Identifier.suggest(text))'", code: "bad-id")
                return nil
            }
            return .accepted
        // The commonest typed values that are right are read from their bytes; anything else
        // becomes a string, read and worded below.
        case .date:
            if let day = tree.withScalar(node, Day.init(isoUTF8:)) ?? nil { return .date(day) }
        case let .choice(options):
            if tree.first(of: options, named: { $0 }, matching: node) != nil { return .accepted }
        default:
            break
        }
        return decodeScalar(tree.scalar(node) ?? "", node: node, plain: tree.style(node) == .plain, as: type, key: key)
    }

    mutating func decodeScalar(_ text: String, node: YAMLTree.Node, plain: Bool, as type: FieldType, key: String) -> Verdict? {
        switch type {
        case .text, .url, .path, .markdown, .identifier, .reference:
            return decodeScalar(node, as: type, key: key)
        case .date:
            if let day = Day(iso: text) { return .date(day) }
            if let impossible = DateText.impossibleDay(text) {
                error(node, "'\(key)' is '\(text)', which is not a real date: \(impossible); correct the day", code: "bad-date")
            } else {
                error(node, "'\(key)' must be a date written YYYY-MM-DD, found '\(text)'; for example 2025-03-31", code: "bad-date")
            }
        case let .integer(min, max):
            if let problem = NumberText.problem(text, plain: plain) {
                error(node, "'\(key)' must be a whole number, found '\(text)'; \(problem)", code: "bad-number")
            } else if let n = Int(text), n >= min, n <= max {
                return .integer(n)
            } else if Int(text) != nil {
                error(node, "'\(key)' must be a whole number from \(min) to \(max), found '\(text)'; use a number in that range", code: "bad-number")
            } else {
                error(node, "'\(key)' must be a whole number from \(min) to \(max), found '\(text)'; write digits only", code: "bad-number")
            }
        case .number:
            if let problem = NumberText.problem(text, plain: plain) {
                error(node, "'\(key)' must be a number, found '\(text)'; \(problem)", code: "bad-number")
            } else if let n = Double(text), n.isFinite, NumberText.isDecimal(text) {
                return .number(n)
            } else {
                error(node, "'\(key)' must be a number, found '\(text)'; write digits with an optional decimal point, such as 12.5", code: "bad-number")
            }
        case .boolean:
            if text == "true" { return .boolean(true) }
            if text == "false" { return .boolean(false) }
            error(node, "'\(key)' must be true or false, found '\(text)'; qapress does not read yes/no/on/off as booleans", code: "bad-boolean")
        case let .choice(options):
            if options.contains(text) { return .accepted }
            let hint = NearMiss.hint(for: text, in: options) ?? "use one of: \(options.joined(separator: ", "))"
            error(node, "'\(text)' is not a valid \(key); \(hint)", code: "bad-choice")
        case .period:
            if let period = Period(text) { return .period(period) }
            error(node, "'\(text)' is not a period; write a quarter as '2025-26 Q1', a month as '2025-04' or a year as '2025-26'", code: "bad-period")
        case .financialYear:
            if let year = FinancialYear(text) { return .financialYear(year) }
            let start = Int(text.prefix(4)).map { FinancialYear(startYear: $0).description } ?? "2025-26"
            error(node, "'\(text)' is not a financial year; write it as '\(start)', the year it starts and the last two digits of the next", code: "bad-year")
        case .list, .object:
            break
        }
        return nil
    }

    /// Whether the Markdown scalar `node` may be rendered; false (with a diagnostic) when it
    /// is over the document's Markdown budget or `MarkdownRenderer.problem(in:)` refuses it.
    mutating func checkMarkdown(_ node: YAMLTree.Node, key: String) -> Bool {
        let before = markdownBytes
        markdownBytes += tree.scalarLength(node)
        if markdownBytes > MarkdownLimits.maxBytes {
            if before <= MarkdownLimits.maxBytes {
                error(node, "the Markdown in this document's keys reaches \(MarkdownLimits.maxBytes / 1024) KB at '\(key)', the limit for one document; move long text into the body of separate documents or pages", code: "markdown-too-large")
            }
            return false
        }
        var budget = markdownBudget
        let found = tree.withScalar(node) { MarkdownRenderer.problem(inUTF8: $0, budget: &budget) } ?? nil
        markdownBudget = budget
        if let problem = found {
            let place = problem.line > 1 ? "'\(key)', line \(problem.line) of its text" : "'\(key)'"
            error(node, "\(place): \(problem.message)", code: problem.code)
            return false
        }
        return true
    }

    /// A second bound on work, beside the prescan in `YAMLReader`.
    mutating func countVisit(_ node: YAMLTree.Node) -> Bool {
        nodesVisited += 1
        if nodesVisited == Self.nodeLimit {
            error(node, "this YAML has more than \(Self.nodeLimit) values; split it into several files", code: "too-large")
        }
        return nodesVisited < Self.nodeLimit
    }

    func fixFor(_ type: FieldType, key: String) -> String {
        switch type {
        case .text, .identifier, .reference, .url, .path:
            return "write it on one line after '\(key):'"
        case .markdown:
            return "for several lines write '\(key): |' and indent the text below it"
        default:
            return "write a single value after '\(key):'"
        }
    }

    func isNull(_ node: YAMLTree.Node) -> Bool {
        // Most values are longer than any null, and are told apart by their length alone.
        guard tree.kind(node) == .scalar, tree.style(node) == .plain, tree.scalarLength(node) <= 4 else { return false }
        switch tree.scalar(node) {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    func describe(_ node: YAMLTree.Node) -> String {
        switch tree.kind(node) {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar: return "'\(tree.scalar(node) ?? "")'"
        }
    }

    func article(_ word: String) -> String { "aeiou".contains(word.first ?? "x") ? "an" : "a" }
}

enum NumberText {
    /// Why a plain scalar is not a number qapress accepts, or nil when it is fine.
    static func problem(_ text: String, plain: Bool) -> String? {
        // ASCII text, as numbers are, is cleared by bytes; only a text with a problem (or
        // another script) goes on to the checks below, which word the diagnostic.
        let bytes = text.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
            let leadingZero = digits.count > 1 && digits.first == UInt8(ascii: "0") && digits.dropFirst().first != UInt8(ascii: ".")
            if !leadingZero, !bytes.contains(UInt8(ascii: ":")), !bytes.contains(UInt8(ascii: ",")) { return nil }
        }
        let digits = text.hasPrefix("-") ? String(text.dropFirst()) : text
        if digits.count > 1, digits.hasPrefix("0"), !digits.hasPrefix("0.") {
            return "leading zeros are not allowed (YAML 1.1 reads 010 as the octal number 8); write \(Int(digits) ?? 0)"
        }
        if text.contains(":") {
            return "YAML 1.1 reads values like 12:30 as base-60 numbers; write a plain number"
        }
        if text.contains(",") { return "do not use a thousands separator; write \(text.replacingOccurrences(of: ",", with: ""))" }
        return nil
    }

    /// Digits, optionally after a minus and with one decimal point between digits: by bytes,
    /// since an ASCII digit or point is always a character of its own.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var digitsInPart = 0, points = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digitsInPart > 0, points == 0 else { return false }
                points += 1
                digitsInPart = 0
            } else if byte &- UInt8(ascii: "0") < 10 {
                digitsInPart += 1
            } else {
                return false
            }
        }
        return digitsInPart > 0
    }
}

public enum Identifier {
    /// ASCII letters, digits and hyphens, not starting with a hyphen, at most 100 long.
    public static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isValid($0) }
    }

    /// The same, for an id given as its UTF-8 bytes.
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, first != UInt8(ascii: "-"), bytes.count <= 100 else { return false }
        for byte in bytes where !((byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "-")) {
            return false
        }
        return true
    }

    public static func suggest(_ text: String) -> String {
        let lowered = text.lowercased().unicodeScalars.map { c -> Character in
            c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c)) ? Character(c) : "-"
        }
        let collapsed = String(lowered).split(separator: "-").joined(separator: "-")
        return collapsed.isEmpty ? "my-item" : collapsed
    }
}

enum DateText {
    /// Why text shaped like YYYY-MM-DD is not a real day ("February 2025 has 28 days"), or nil.
    static func impossibleDay(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        guard (1...12).contains(m) else { return "there is no month \(m)" }
        let days = Day.daysIn(month: m, year: y)
        return d > days || d < 1 ? "\(Day.monthNames[m - 1]) \(y) has \(days) days" : nil
    }
}

/// Which of a schema's fields an object has written, by their place in the schema; without
/// an allocation for schemas of up to 64 fields.
struct FieldSet {
    private var bits: UInt64 = 0
    private var more: [Bool]

    init(count: Int) { more = count > 64 ? [Bool](repeating: false, count: count) : [] }

    func contains(_ index: Int) -> Bool { more.isEmpty ? bits & (1 << UInt64(index)) != 0 : more[index] }

    /// Adds `index`; false when it was there already.
    mutating func insert(_ index: Int) -> Bool {
        guard !contains(index) else { return false }
        if more.isEmpty { bits |= 1 << UInt64(index) } else { more[index] = true }
        return true
    }
}
