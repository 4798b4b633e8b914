import QADiagnostics

/// Reads the plain YAML that front matter and data files are written in, straight into a
/// `YAMLTree`, without libyaml.
///
/// Content YAML is nearly always the same few shapes: `key: value` mappings indented with
/// spaces, `- item` lists (with `- key: value` items), one-line plain and quoted text,
/// `[a, b]` lists and `|` or `>` blocks of text. This reader handles exactly those, a line
/// at a time, and gives up (returns nil) at the first thing outside them: tabs, anchors,
/// tags, flow mappings, text that runs on over several lines, escapes other than `\"` and
/// `\\`, an empty value, a repeated key, any syntax error. `YAMLReader` then reads the text
/// with libyaml, which also words every syntax error, so this reader never has to.
///
/// What it does read, it must read exactly as libyaml does: the same texts, styles, lines
/// and columns (in characters), in the same order. `YAMLSubsetReaderTests` holds it to
/// libyaml on the example partnership, the fixtures and thousands of generated texts, and
/// checks that it reads the example's files itself rather than giving up on them.
struct YAMLSubsetReader {
    /// Thrown at the first thing this reader leaves to libyaml.
    struct Unsupported: Error {}

    struct Line {
        var start: Int
        var end: Int
        /// Leading spaces.
        var indent: Int
        /// Not blank and not only a comment.
        var content: Bool
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let lines: [Line]
    private var tree = YAMLTree()
    /// The children of the mappings and lists being read, innermost last: each container
    /// adds its own after its parent's and takes them off when it is done, so reading a file
    /// needs one such list, not one for each container.
    private var pending: [Int32] = []
    /// The fingerprints of the keys of the mappings being read, innermost last, kept as
    /// `pending` is.
    private var keyPrints: [UInt64] = []
    /// The next line to read.
    private var line = 0
    private var depth = 0
    private var nodes = 0
    /// The last mark's line, byte offset and column.
    private var lastMark = (line: -1, offset: 0, column: 1)
    /// Whether the text's last line ends with a line break.
    private let endsWithBreak: Bool

    /// The tree of `bytes` (UTF-8), or nil when libyaml must read it.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLTree? {
        guard let lines = Self.lines(of: bytes) else { return nil }
        var reader = YAMLSubsetReader(bytes: bytes, lines: lines)
        do {
            return try reader.document()
        } catch {
            return nil
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, lines: [Line]) {
        self.bytes = bytes
        self.lines = lines
        endsWithBreak = bytes.last == 0x0A
        // Front matter has about one key or item and one value a line, and its scalars hold
        // fewer bytes than the text.
        tree.reserveCapacity(2 * lines.count, bytes: bytes.count)
        pending.reserveCapacity(64)
        keyPrints.reserveCapacity(32)
    }

    /// Ends a container whose children were added to `pending` from `start` on.
    private mutating func finish(_ kind: YAMLTree.Kind, from start: Int, at mark: YAMLTree.Mark) throws -> YAMLTree.Node {
        defer { pending.removeSubrange(start...) }
        return try counted(tree.addContainer(kind, pending[start...], at: mark))
    }

    /// The lines of the text, or nil when it holds a byte or a line this reader leaves to
    /// libyaml: control characters and tabs, other line breaks (CR, NEL, LS, PS), byte order
    /// marks and non-characters, document markers and directives.
    /// Every byte but printable ASCII: line ends, other controls and the bytes of other scripts.
    static let notPrintable = ByteSet { $0 < 0x20 || $0 >= 0x7F }

    static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [Line]? {
        let notPrintable = Self.notPrintable
        var lines: [Line] = []
        let count = bytes.count
        var start = 0
        while start < count {
            var index = start
            var indent = 0
            while index < count, bytes[index] == 0x20 { index += 1; indent += 1 }
            let first = index
            while index < count {
                // Printable ASCII, the bulk of every line, is skipped many bytes at a time.
                index = notPrintable.first(in: bytes, from: index)
                guard index < count else { break }
                let byte = bytes[index]
                if byte == 0x0A { break }
                if byte < 0x20 || byte == 0x7F { return nil }
                // Non-ASCII: refuse C1 controls (NEL among them), LS and PS, BOM and U+FFFE/F.
                if byte == 0xC2, index + 1 < count, bytes[index + 1] < 0xA0 { return nil }
                if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return nil }
                if byte == 0xEF, index + 2 < count, (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE) { return nil }
                index += 1
            }
            let end = index
            let content = first < end && bytes[first] != UInt8(ascii: "#")
            if indent == 0, content {
                let byte = bytes[first]
                if byte == UInt8(ascii: "%") { return nil }
                if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")), end - first >= 3, bytes[first + 1] == byte, bytes[first + 2] == byte,
                   end - first == 3 || bytes[first + 3] == 0x20 { return nil }
            }
            lines.append(Line(start: start, end: end, indent: indent, content: content))
            start = end + 1
        }
        return lines
    }

    // MARK: Structure

    private mutating func document() throws -> YAMLTree {
        skipToContent()
        guard line < lines.count else { return tree }
        tree.root = try block(deeperThan: -1)
        skipToContent()
        guard line == lines.count else { throw Unsupported() }
        return tree
    }

    private mutating func skipToContent() {
        while line < lines.count, !lines[line].content { line += 1 }
    }

    /// A mapping or list that starts on the current line (a content line).
    private mutating func block(deeperThan parent: Int) throws -> YAMLTree.Node {
        let current = lines[line]
        guard current.indent > parent else { throw Unsupported() }
        let at = current.start + current.indent
        if isDash(at, current) { return try sequence(indent: current.indent) }
        if let colon = keyEnd(at, current) { return try mapping(firstKey: at, colon: colon, indent: current.indent) }
        throw Unsupported()
    }

    private mutating func enter() throws {
        depth += 1
        if depth > YAMLReader.nestingLimit - 4 { throw Unsupported() }
    }

    private mutating func counted(_ node: YAMLTree.Node) throws -> YAMLTree.Node {
        nodes += 1
        if nodes > (YAMLReader.eventLimit - 8) / 2 { throw Unsupported() }  // events: a scalar is one, a container two
        return node
    }

    /// A block mapping whose first key is at `firstKey` on the current line, ending at
    /// `colon`; its keys are `indent` spaces in.
    private mutating func mapping(firstKey: Int, colon firstColon: Int, indent: Int) throws -> YAMLTree.Node {
        try enter()
        defer { depth -= 1 }
        let mark = self.mark(firstKey)
        let start = pending.count
        let printsStart = keyPrints.count
        defer { keyPrints.removeSubrange(printsStart...) }
        var key = firstKey, colon = firstColon
        while true {
            // A key written twice is left to libyaml, which words the error. Keys are told
            // apart by their fingerprints; two different keys that shared one would only be
            // read more slowly, by libyaml.
            let print = NameFingerprint.of(UnsafeBufferPointer(rebasing: bytes[key..<colon]))
            if keyPrints[printsStart...].contains(print) { throw Unsupported() }
            keyPrints.append(print)
            let keyNode = Int32(try counted(tree.addScalar(slice(key..<colon), style: .plain, at: self.mark(key))))
            pending.append(keyNode)
            let valueNode = Int32(try value(from: colon + 1, parent: indent, inListItem: false))
            pending.append(valueNode)
            guard let next = try nextEntry(indent: indent), let nextColon = keyEnd(next.start + indent, next) else { break }
            key = next.start + indent
            colon = nextColon
        }
        return try finish(.mapping, from: start, at: mark)
    }

    /// After an entry of a block `indent` spaces in: the next content line when it is at the
    /// block's indentation, nil when the block has ended. A deeper line carries on a value
    /// over several lines, or is an error: left to libyaml.
    private mutating func nextEntry(indent: Int) throws -> Line? {
        skipToContent()
        guard line < lines.count else { return nil }
        let next = lines[line]
        if next.indent < indent { return nil }
        guard next.indent == indent else { throw Unsupported() }
        return next
    }

    /// A block list whose dashes are `indent` spaces in, starting on the current line.
    private mutating func sequence(indent: Int) throws -> YAMLTree.Node {
        try enter()
        defer { depth -= 1 }
        let mark = self.mark(lines[line].start + indent)
        let start = pending.count
        while true {
            let dash = lines[line].start + indent
            let item = Int32(try value(from: dash + 1, parent: indent, inListItem: true))
            pending.append(item)
            guard let next = try nextEntry(indent: indent), isDash(next.start + indent, next) else { break }
        }
        return try finish(.sequence, from: start, at: mark)
    }

    /// The value that follows a key's colon or a list item's dash at `from` on the current
    /// line, whose mapping or list is `parent` spaces in. Leaves `line` after the value.
    private mutating func value(from: Int, parent: Int, inListItem: Bool) throws -> YAMLTree.Node {
        let current = lines[line]
        var at = from
        while at < current.end, bytes[at] == 0x20 { at += 1 }
        guard at < current.end, bytes[at] != UInt8(ascii: "#") else {
            // Nothing on this line: the value is the block on the lines below.
            line += 1
            skipToContent()
            guard line < lines.count else { throw Unsupported() }
            let next = lines[line]
            if next.indent > parent { return try block(deeperThan: parent) }
            // A mapping's list may start at the mapping's own indentation.
            if !inListItem, next.indent == parent, isDash(next.start + parent, next) { return try sequence(indent: parent) }
            throw Unsupported()
        }
        let node: YAMLTree.Node
        switch bytes[at] {
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return try blockScalar(at, parent: parent)
        case UInt8(ascii: "["):
            node = try flowSequence(at, current)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let start = tree.startScalar
            let end = try quoted(at, current)
            try restIsComment(end, current)
            node = try counted(tree.endScalar(from: start, style: bytes[at] == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted, at: mark(at)))
        default:
            if inListItem, let colon = keyEnd(at, current) {
                return try mapping(firstKey: at, colon: colon, indent: at - current.start)
            }
            try plainStart(at, current)
            let end = try plainEnd(at, current)
            node = try counted(tree.addScalar(slice(at..<end), style: .plain, at: mark(at)))
        }
        // A one-line value: the next line must not carry on from it.
        line += 1
        skipToContent()
        if line < lines.count, lines[line].indent > parent { throw Unsupported() }
        return node
    }

    // MARK: Scalars

    /// The first byte of a plain scalar may not be an indicator.
    private func plainStart(_ at: Int, _ current: Line) throws {
        switch bytes[at] {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            if at + 1 == current.end || bytes[at + 1] == 0x20 { throw Unsupported() }
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
             UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
             UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            throw Unsupported()
        default:
            break
        }
    }

    /// Where a plain scalar in a block ends: before a comment or the line's end, without
    /// trailing spaces. A ':' before a space or the line's end is not plain text.
    private func plainEnd(_ at: Int, _ current: Line) throws -> Int {
        let stops = Self.plainStops
        var index = at
        var end = at
        while true {
            // The bytes between stops are text: skipped many at a time.
            let stop = min(stops.first(in: bytes, from: index), current.end)
            if stop > index { end = stop }
            guard stop < current.end else { break }
            if bytes[stop] == 0x20 {
                if stop + 1 < current.end, bytes[stop + 1] == UInt8(ascii: "#") { break }
            } else {
                // A ':' before a space or the line's end is not plain text.
                if stop + 1 == current.end || bytes[stop + 1] == 0x20 { throw Unsupported() }
                end = stop + 1
            }
            index = stop + 1
        }
        return end
    }

    /// What can end a plain scalar or must be looked at in it: a space, a colon, a line break.
    static let plainStops = ByteSet { $0 == 0x20 || $0 == UInt8(ascii: ":") || $0 == 0x0A }

    /// Only spaces, or spaces and a comment, from `at` to the line's end.
    private func restIsComment(_ at: Int, _ current: Line) throws {
        var index = at
        while index < current.end, bytes[index] == 0x20 { index += 1 }
        if index == current.end { return }
        guard index > at, bytes[index] == UInt8(ascii: "#") else { throw Unsupported() }
    }

    /// A quoted scalar that closes on its own line: its text added to the tree's scalar bytes
    /// (to be ended by the caller), and the index after the quote.
    private mutating func quoted(_ at: Int, _ current: Line) throws -> Int {
        let quote = bytes[at]
        var index = at + 1
        var plainFrom = index
        while index < current.end {
            let byte = bytes[index]
            if quote == UInt8(ascii: "'") {
                if byte == quote {
                    if index + 1 < current.end, bytes[index + 1] == quote {
                        tree.appendToScalar(slice(plainFrom..<(index + 1)))
                        index += 2
                        plainFrom = index
                        continue
                    }
                    tree.appendToScalar(slice(plainFrom..<index))
                    return index + 1
                }
            } else if byte == UInt8(ascii: "\\") {
                guard index + 1 < current.end else { throw Unsupported() }
                let escaped = bytes[index + 1]
                guard escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "\\") else { throw Unsupported() }
                tree.appendToScalar(slice(plainFrom..<index))
                tree.appendToScalar(escaped)
                index += 2
                plainFrom = index
                continue
            } else if byte == quote {
                tree.appendToScalar(slice(plainFrom..<index))
                return index + 1
            }
            index += 1
        }
        throw Unsupported()
    }

    /// `[a, b, "c"]` on one line, of plain or quoted scalars.
    private mutating func flowSequence(_ at: Int, _ current: Line) throws -> YAMLTree.Node {
        try enter()
        defer { depth -= 1 }
        var items: [Int32] = []
        var index = at + 1
        func skipSpaces() { while index < current.end, bytes[index] == 0x20 { index += 1 } }
        skipSpaces()
        if index < current.end, bytes[index] == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipSpaces()
                guard index < current.end else { throw Unsupported() }
                let start = index
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    let from = tree.startScalar
                    let end = try quoted(index, current)
                    items.append(Int32(try counted(tree.endScalar(from: from, style: byte == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted, at: mark(start)))))
                    index = end
                } else {
                    try plainStart(index, current)
                    var end = index
                    while index < current.end {
                        let byte = bytes[index]
                        if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") { break }
                        switch byte {
                        case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: ":"), UInt8(ascii: "?"):
                            throw Unsupported()
                        case 0x20:
                            break
                        default:
                            end = index + 1
                        }
                        index += 1
                    }
                    items.append(Int32(try counted(tree.addScalar(slice(start..<end), style: .plain, at: mark(start)))))
                }
                skipSpaces()
                guard index < current.end else { throw Unsupported() }
                if bytes[index] == UInt8(ascii: "]") { index += 1; break }
                guard bytes[index] == UInt8(ascii: ",") else { throw Unsupported() }
                index += 1
                skipSpaces()
                if index < current.end, bytes[index] == UInt8(ascii: "]") { throw Unsupported() }
            }
        }
        try restIsComment(index, current)
        return try counted(tree.addContainer(.sequence, items[...], at: mark(at)))
    }

    /// A `|` or `>` block (with `-` to strip the final line break) whose lines are indented
    /// more than `parent`.
    private mutating func blockScalar(_ at: Int, parent: Int) throws -> YAMLTree.Node {
        let header = lines[line]
        let folded = bytes[at] == UInt8(ascii: ">")
        var index = at + 1
        var strip = false
        if index < header.end, bytes[index] == UInt8(ascii: "-") { strip = true; index += 1 }
        try restIsComment(index, header)
        let mark = self.mark(at)
        line += 1
        guard line < lines.count else { throw Unsupported() }
        let first = lines[line]
        // Leading blank lines and an empty block are left to libyaml.
        guard first.start + first.indent < first.end, first.indent > parent else { throw Unsupported() }
        let indent = first.indent
        let start = tree.startScalar
        var blanks = 0
        var lastContent = line
        var started = false
        while line < lines.count {
            let current = lines[line]
            if current.start + current.indent == current.end {
                // A blank line: only as many spaces as the block's indentation at most.
                guard current.indent <= indent else { throw Unsupported() }
                blanks += 1
                line += 1
                continue
            }
            if current.indent < indent { break }
            if folded, current.indent > indent { throw Unsupported() }
            if started {
                if folded, blanks == 0 {
                    tree.appendToScalar(0x20)
                } else {
                    tree.appendToScalar(0x0A, count: folded ? blanks : blanks + 1)
                }
            }
            tree.appendToScalar(slice((current.start + indent)..<current.end))
            started = true
            blanks = 0
            lastContent = line
            line += 1
        }
        // The final line break is kept unless stripped (a text's last line may have none).
        if !strip, lastContent < lines.count - 1 || endsWithBreak { tree.appendToScalar(0x0A) }
        let node = try counted(tree.endScalar(from: start, style: folded ? .folded : .literal, at: mark))
        skipToContent()
        if line < lines.count, lines[line].indent > parent { throw Unsupported() }
        return node
    }

    // MARK: Places

    /// Whether a list item's dash is at `at`.
    private func isDash(_ at: Int, _ current: Line) -> Bool {
        at < current.end && bytes[at] == UInt8(ascii: "-") && (at + 1 == current.end || bytes[at + 1] == 0x20)
    }

    /// Where the colon is when `at` starts a plain key (letters, digits, '_' and '-', not
    /// starting with '-') followed by ':' and a space or the line's end.
    private func keyEnd(_ at: Int, _ current: Line) -> Int? {
        var index = at
        while index < current.end {
            let byte = bytes[index]
            let isName = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || (byte == UInt8(ascii: "-") && index > at)
            if isName { index += 1; continue }
            guard byte == UInt8(ascii: ":"), index > at, index + 1 == current.end || bytes[index + 1] == 0x20 else { return nil }
            return index
        }
        return nil
    }

    /// Line and column (in characters, as libyaml counts them) of byte `offset` on the
    /// current line. Counted on from the last mark when it is earlier on the same line, so
    /// a long line of list items is counted once, not once an item.
    private mutating func mark(_ offset: Int) -> YAMLTree.Mark {
        var from = lines[line].start, column = 1
        if lastMark.line == line, lastMark.offset <= offset { from = lastMark.offset; column = lastMark.column }
        column += YAMLSubsetReader.characters(in: UnsafeBufferPointer(rebasing: bytes[from..<offset]))
        lastMark = (line, offset, column)
        return YAMLTree.Mark(line: line + 1, column: column)
    }

    /// How many characters (Unicode scalars) valid UTF-8 bytes hold: the bytes that do not
    /// continue a character (10xxxxxx), counted eight at a time.
    static func characters(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var continuing = 0, at = 0
        let high: UInt64 = 0x8080_8080_8080_8080
        while at + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            // A continuation byte has its top bit set and the next one clear.
            continuing += (word & ~(word << 1) & high).nonzeroBitCount
            at += 8
        }
        while at < bytes.count {
            if bytes[at] & 0xC0 == 0x80 { continuing += 1 }
            at += 1
        }
        return bytes.count - continuing
    }

    private func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }
}

/// For the fuzz target: whether the two YAML readers agree on a file's YAML (its front
/// matter when it has some, else the whole text): the subset reader gives up, or it reads
/// the tree libyaml reads.
public func yamlReadersAgree(onFile text: String) -> Bool {
    var yaml = text
    if text.hasPrefix("---"), case let .success(front) = FrontMatter.split(text, path: "fuzz") { yaml = String(front.yaml) }
    var bytes = yaml
    guard let fast = bytes.withUTF8({ YAMLSubsetReader.read($0) }) else { return true }
    guard case let .tree(slow) = YAMLReader.readWithLibyaml(yaml) else { return false }
    return fast == slow
}
