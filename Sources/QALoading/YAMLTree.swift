import QADiagnostics
import QAModel

/// YAML as qapress reads it: text, mappings and lists, each with where it starts, kept in
/// one flat table rather than a tree of values. Built straight from libyaml's events by
/// `YAMLReader`, without Yams's composer, which resolves a tag for every scalar by regular
/// expression and hashes whole subtrees to find duplicate keys; the schema types scalars
/// itself. A file's tree is three arrays, so building and freeing it costs a few allocations
/// instead of one or more for every value. A scalar is kept as its UTF-8 bytes in one shared
/// buffer: keys, dates, numbers and choices are read from the bytes and never become strings,
/// and a text becomes one only when the model takes it.
struct YAMLTree: Sendable, Equatable {
    /// A node: its place in `nodes`.
    typealias Node = Int

    enum Kind: UInt8, Sendable { case scalar, mapping, sequence }

    struct Mark: Sendable, Hashable {
        /// Line and column, from 1; columns count Unicode scalars, as libyaml does.
        var line: Int
        var column: Int
    }

    enum Style: UInt8, Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    struct Entry: Sendable, Equatable {
        var kind: Kind
        var style: Style
        var line: Int32
        var column: Int32
        /// A scalar's first byte and length in `text`; a mapping's or list's first child and
        /// count in `children` (a mapping's children are its keys and values, one after the
        /// other).
        var start: Int32
        var count: Int32
    }

    private(set) var entries: [Entry] = []
    /// The bytes of every scalar, one after another, in the order the scalars were added.
    private(set) var text: [UInt8] = []
    private(set) var children: [Int32] = []
    /// The document's node, or nil for an empty document.
    var root: Node?

    /// Room for about `count` nodes and `bytes` bytes of scalars, so that the tables do not
    /// grow one doubling at a time.
    mutating func reserveCapacity(_ count: Int, bytes: Int = 0) {
        entries.reserveCapacity(count)
        text.reserveCapacity(bytes)
        children.reserveCapacity(count)
    }

    mutating func addScalar(_ bytes: UnsafeBufferPointer<UInt8>, style: Style, at mark: Mark) -> Node {
        let start = text.count
        text.append(contentsOf: bytes)
        return endScalar(from: start, style: style, at: mark)
    }

    mutating func addScalar(_ string: String, style: Style, at mark: Mark) -> Node {
        var string = string
        return string.withUTF8 { addScalar($0, style: style, at: mark) }
    }

    /// A scalar written in pieces: `startScalar` gives where its bytes begin, `appendToScalar`
    /// adds them, and `endScalar` makes the node of the bytes added since.
    var startScalar: Int { text.count }

    mutating func appendToScalar(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: bytes) }

    mutating func appendToScalar(_ byte: UInt8, count: Int = 1) { text.append(contentsOf: repeatElement(byte, count: count)) }

    mutating func endScalar(from start: Int, style: Style, at mark: Mark) -> Node {
        entries.append(Entry(kind: .scalar, style: style, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column),
                             start: Int32(start), count: Int32(text.count - start)))
        return entries.count - 1
    }

    /// A mapping or list of the nodes `nodes`, in order.
    mutating func addContainer(_ kind: Kind, _ nodes: ArraySlice<Int32>, at mark: Mark) -> Node {
        entries.append(Entry(kind: kind, style: .plain, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column),
                             start: Int32(children.count), count: Int32(nodes.count)))
        children.append(contentsOf: nodes)
        return entries.count - 1
    }

    func kind(_ node: Node) -> Kind { entries[node].kind }
    func style(_ node: Node) -> Style { entries[node].style }
    func mark(_ node: Node) -> Mark { Mark(line: Int(entries[node].line), column: Int(entries[node].column)) }

    /// A scalar's text, or nil for a mapping or list. Made from its bytes at each call.
    func scalar(_ node: Node) -> String? {
        withScalar(node) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` given a scalar's bytes, read in place; nil for a mapping or list.
    func withScalar<R>(_ node: Node, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let entry = entries[node]
        guard entry.kind == .scalar else { return nil }
        return text.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(entry.start)..<Int(entry.start + entry.count)]))
        }
    }

    /// How many bytes a scalar has (0 for a mapping or list).
    func scalarLength(_ node: Node) -> Int {
        let entry = entries[node]
        return entry.kind == .scalar ? Int(entry.count) : 0
    }

    /// Whether `node` is a scalar whose bytes are those of `name`.
    func scalar(_ node: Node, is name: String) -> Bool {
        var name = name
        return name.withUTF8 { wanted in withScalar(node) { sameBytes($0, wanted) } ?? false }
    }

    /// The first of `candidates` whose name has the bytes of the scalar `node`: a choice
    /// read without making a string of it, the scalar's bytes found once for all names.
    func first<C: Collection>(of candidates: C, named name: (C.Element) -> String, matching node: Node) -> C.Element? {
        withScalar(node) { bytes in
            candidates.first { candidate in
                var text = name(candidate)
                return text.withUTF8 { sameBytes($0, bytes) }
            }
        } ?? nil
    }

    /// A list's items, or a mapping's keys and values one after the other.
    func items(_ node: Node) -> [Node] {
        let entry = entries[node]
        guard entry.kind != .scalar else { return [] }
        return children[Int(entry.start)..<Int(entry.start + entry.count)].map { Int($0) }
    }

    /// How many items a list has, and its `index`th item, read in place.
    func itemCount(_ node: Node) -> Int {
        let entry = entries[node]
        return entry.kind == .sequence ? Int(entry.count) : 0
    }

    func item(_ node: Node, _ index: Int) -> Node {
        Int(children[Int(entries[node].start) + index])
    }

    /// How many keys a mapping has, and its `index`th key and value, read in place.
    func pairCount(_ node: Node) -> Int {
        let entry = entries[node]
        return entry.kind == .mapping ? Int(entry.count) / 2 : 0
    }

    func pair(_ node: Node, _ index: Int) -> (key: Node, value: Node) {
        let at = Int(entries[node].start) + 2 * index
        return (Int(children[at]), Int(children[at + 1]))
    }

    /// A mapping's keys with their values.
    func pairs(_ node: Node) -> [(key: Node, value: Node)] {
        let all = items(node)
        return stride(from: 0, to: all.count - 1, by: 2).map { (all[$0], all[$0 + 1]) }
    }
}
