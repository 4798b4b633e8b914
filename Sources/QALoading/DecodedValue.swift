import QADiagnostics
import QAModel

/// What the schema made of one YAML value: refused (with a diagnostic already raised, or
/// left out as empty), or accepted, with the typed value for the kinds that are not text.
/// Text, Markdown, ids, choices, lists and mappings are read back from the tree itself.
enum Verdict: Sendable {
    case refused
    case accepted
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case date(Day)
    case period(Period)
    case financialYear(FinancialYear)

    var isAccepted: Bool {
        if case .refused = self { return false }
        return true
    }
}

/// A YAML tree with the schema's verdict on each of its values: the whole of a decoded
/// document, in four flat arrays. Decoding makes no value of its own for each key, so it
/// allocates nothing per value and freeing a document frees a few arrays.
public final class DecodedTree: @unchecked Sendable {
    let tree: YAMLTree
    let file: SourcePaths.Number
    let lineOffset: Int
    /// One verdict for each node of `tree`, by its place.
    let verdicts: [Verdict]
    /// For each value of a mapping that was accepted, the `NameFingerprint` of its key; 0
    /// for every other node, so a lookup never finds a refused value.
    let keyPrints: [UInt64]
    /// Keys of a mapping that were written but not read, by the mapping's node; only for the
    /// few mappings that have them.
    let unread: [(node: Int32, keys: Set<String>)]

    init(tree: YAMLTree, file: SourcePaths.Number, lineOffset: Int, verdicts: [Verdict], keyPrints: [UInt64], unread: [(node: Int32, keys: Set<String>)]) {
        self.tree = tree
        self.file = file
        self.lineOffset = lineOffset
        self.verdicts = verdicts
        self.keyPrints = keyPrints
        self.unread = unread
    }

    func location(_ node: Int) -> SourceLocation {
        let entry = tree.entries[node]
        return SourceLocation(file: file, line: Int(entry.line) + lineOffset, column: Int(entry.column))
    }

    /// The node of the value written for `key` in the mapping `node`, when the schema
    /// accepted it. A mapping has a handful of keys: their fingerprints are compared in
    /// place. `key` must be one of the names of the mapping's schema.
    func value(of key: String, in node: Int) -> Int? {
        let entry = tree.entries[node]
        guard entry.kind == .mapping else { return nil }
        var utf8 = key
        return utf8.withUTF8 { name in
            let print = NameFingerprint.of(name)
            return tree.children.withUnsafeBufferPointer { children in
                keyPrints.withUnsafeBufferPointer { prints in
                    var at = Int(entry.start)
                    let end = at + Int(entry.count)
                    while at + 1 < end {
                        let value = Int(children[at + 1])
                        // Only accepted values have their key's fingerprint, and the key of an
                        // accepted value is one of the schema's names, whose fingerprints differ
                        // (`ObjectSchema.init`): the same fingerprint is the same name.
                        if prints[value] == print {
                            assert(tree.withScalar(Int(children[at]), { sameBytes($0, name) }) == true, "'\(key)' is not a key of this mapping's schema")
                            return value
                        }
                        at += 2
                    }
                    return nil
                }
            }
        }
    }

    /// The accepted items of the list `node`.
    func items(_ node: Int) -> [Int] {
        let count = tree.itemCount(node)
        var items: [Int] = []
        items.reserveCapacity(count)
        for index in 0..<count {
            let item = tree.item(node, index)
            if verdicts[item].isAccepted { items.append(item) }
        }
        return items
    }
}

/// A mapping whose keys all belong to its schema and whose values all have the right type:
/// a view of one mapping in a `DecodedTree`. Keys that were missing or wrong are absent;
/// their diagnostics were already raised.
public struct DecodedObject: Sendable {
    let decoded: DecodedTree?
    let node: Int
    public let location: SourceLocation

    /// An object with no keys, at `location`.
    public init(location: SourceLocation) {
        decoded = nil
        node = -1
        self.location = location
    }

    init(_ decoded: DecodedTree, node: Int) {
        self.decoded = decoded
        self.node = node
        location = decoded.location(node)
    }

    /// Keys of the schema that were written but not read: misspelt (with this key suggested)
    /// or holding an invalid value.
    public var unreadKeys: Set<String> {
        decoded?.unread.first { $0.node == node }?.keys ?? []
    }

    /// The tree and the node of the value written for `key`, when the schema accepted it.
    private func found(_ key: String) -> (decoded: DecodedTree, node: Int)? {
        guard let decoded, let value = decoded.value(of: key, in: node) else { return nil }
        return (decoded, value)
    }

    private func verdict(_ key: String) -> Verdict {
        found(key).map { $0.decoded.verdicts[$0.node] } ?? .refused
    }

    /// The text written for `key`, when it was accepted as text (not typed by the schema).
    private func written(_ key: String) -> (text: String, location: SourceLocation)? {
        guard let (decoded, value) = found(key), case .accepted = decoded.verdicts[value], let text = decoded.tree.scalar(value) else { return nil }
        return (text, decoded.location(value))
    }

    /// Whether `key` was written with a value the schema accepted.
    public func has(_ key: String) -> Bool { found(key) != nil }

    public func location(of key: String) -> SourceLocation {
        found(key).map { $0.decoded.location($0.node) } ?? location
    }

    public func string(_ key: String) -> String? {
        guard let (decoded, value) = found(key), case .accepted = decoded.verdicts[value] else { return nil }
        return decoded.tree.scalar(value)
    }

    public func text(_ key: String, default value: String = "") -> String { string(key) ?? value }

    public func integer(_ key: String) -> Int? {
        if case let .integer(n) = verdict(key) { return n }
        return nil
    }

    public func number(_ key: String) -> Double? {
        switch verdict(key) {
        case let .number(n): return n
        case let .integer(n): return Double(n)
        default: return nil
        }
    }

    public func day(_ key: String) -> Day? {
        if case let .date(d) = verdict(key) { return d }
        return nil
    }

    public func period(_ key: String) -> Period? {
        if case let .period(p) = verdict(key) { return p }
        return nil
    }

    public func financialYear(_ key: String) -> FinancialYear? {
        if case let .financialYear(y) = verdict(key) { return y }
        return nil
    }

    public func object(_ key: String) -> DecodedObject? {
        guard let (decoded, value) = found(key), decoded.tree.kind(value) == .mapping else { return nil }
        return DecodedObject(decoded, node: value)
    }

    /// The accepted items of the list written for `key`.
    private func items(_ key: String) -> (DecodedTree, [Int])? {
        guard let (decoded, value) = found(key), decoded.tree.kind(value) == .sequence else { return nil }
        return (decoded, decoded.items(value))
    }

    /// The accepted mappings of the list written for `key`, in one pass over the list.
    public func objects(_ key: String) -> [DecodedObject] {
        guard let (decoded, list) = found(key), decoded.tree.kind(list) == .sequence else { return [] }
        let count = decoded.tree.itemCount(list)
        var objects: [DecodedObject] = []
        objects.reserveCapacity(count)
        for index in 0..<count {
            let item = decoded.tree.item(list, index)
            if decoded.verdicts[item].isAccepted, decoded.tree.kind(item) == .mapping { objects.append(DecodedObject(decoded, node: item)) }
        }
        return objects
    }

    public func strings(_ key: String) -> [String] {
        guard let (decoded, items) = items(key) else { return [] }
        return items.compactMap { item in
            if case .accepted = decoded.verdicts[item] { return decoded.tree.scalar(item) }
            return nil
        }
    }

    public func days(_ key: String) -> [Day] {
        guard let (decoded, items) = items(key) else { return [] }
        return items.compactMap { if case let .date(d) = decoded.verdicts[$0] { return d } else { return nil } }
    }

    public func reference(_ key: String, _ kind: ItemKind) -> Reference? {
        written(key).map { Reference($0.text, kind, at: $0.location) }
    }

    public func references(_ key: String, _ kind: ItemKind) -> [Reference] {
        guard let (decoded, items) = items(key) else { return [] }
        return items.compactMap { item in
            guard case .accepted = decoded.verdicts[item], let text = decoded.tree.scalar(item) else { return nil }
            return Reference(text, kind, at: decoded.location(item))
        }
    }

    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, default value: T) -> T where T.RawValue == String {
        choice(key) ?? value
    }

    /// The case of `T` written for `key`, when one was: found by comparing the value's bytes
    /// with each case's name, without making a string of the value (and through a string,
    /// as `init(rawValue:)` compares, only when no name has its bytes).
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String) -> T? where T.RawValue == String {
        guard let (decoded, value) = found(key), case .accepted = decoded.verdicts[value] else { return nil }
        return decoded.tree.first(of: T.allCases, named: \.rawValue, matching: value) ?? string(key).flatMap(T.init(rawValue:))
    }

    public func audience(default value: Audience) -> Audience { choice("audience", default: value) }
}
