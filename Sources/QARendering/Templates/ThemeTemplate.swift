/// One theme template, parsed once into a flat list of instructions over its UTF-8 bytes.
///
/// The parser follows the one in swift-mustache 2.1.1 (which qapress used before) step by
/// step, so a theme renders to the same bytes as it did then, quirks included; see
/// docs/THEMES.md for the syntax and for where that differs from the Mustache spec.
/// Structure is found by scanning bytes: tags, whitespace and line ends are ASCII (or the
/// Unicode spaces and line separators Swift's `Character` counts as such), and everything
/// else is copied. swift-mustache read characters, so the two differ only where a
/// combining mark directly follows a delimiter, a space or a tab.
final class ThemeTemplate: @unchecked Sendable {
    /// What rendering does, in order. A section's body is the instructions after it, up to
    /// `end`, so a section is rendered without allocating or following pointers; an
    /// instruction holds only numbers, so reading one costs no reference counting.
    enum Instruction: Sendable {
        /// Copy bytes of `text`.
        case text(Range<Int>)
        /// `{{name}}` (escaped) or `{{{name}}}` and `{{& name}}` (as is).
        case value(name: Int, escaped: Bool)
        /// `{{#name}}` or `{{^name}}` (inverted); the body runs up to, not including, `end`.
        case section(name: Int, inverted: Bool, end: Int)
        /// `{{> name}}` (a number in `partialNames`); a partial alone on its line indents
        /// every line it renders.
        case partial(name: Int, indentation: Range<Int>)
        /// `{{>*name}}`: the partial whose name is the value of `name`.
        case dynamicPartial(name: Int, indentation: Range<Int>)
    }

    let instructions: [Instruction]
    /// The literal text of every `.text` instruction, and partial indentations.
    let text: [UInt8]
    let names: [TemplateName]
    let partialNames: [String]

    /// The same instructions, text and names in memory this template owns and never
    /// changes (hence `@unchecked Sendable`), so rendering reads them without reference
    /// counting or bounds checks.
    let program: UnsafeMutableBufferPointer<Instruction>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let nameTable: UnsafeMutableBufferPointer<TemplateName>

    init(parsing source: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(source: Array(source.utf8))
        try parser.parseBlock(TemplateParser.State())
        instructions = parser.instructions
        text = parser.text
        names = parser.names
        partialNames = parser.partialNames
        program = .allocate(capacity: instructions.count)
        _ = program.initialize(from: instructions)
        bytes = .allocate(capacity: text.count)
        _ = bytes.initialize(from: text)
        nameTable = .allocate(capacity: names.count)
        _ = nameTable.initialize(from: names)
    }

    deinit {
        program.deallocate()
        bytes.deallocate()
        _ = nameTable.deinitialize()
        nameTable.deallocate()
    }
}

/// A name written in a tag, split at its dots once, when the template is parsed.
struct TemplateName: Sendable {
    enum Scope: Sendable {
        /// `.`: the current item.
        case current
        /// `.a.b`: looked up in the current item only.
        case currentOnly
        /// `a.b`: `a` is looked up from the innermost context outwards, then `b` inside it.
        case stack
    }

    let scope: Scope
    /// The parts between dots; empty dots are dropped, so `a..b` is `a.b`. No parts means the
    /// current item (as `{{ }}` does).
    let parts: [String]
    /// The first part ("" when there are none), kept apart: most names have only one.
    let first: String
    /// Each part's `TemplateContext.fingerprint`, worked out once.
    let fingerprints: [UInt64]

    init(_ written: String) {
        parts = written.split(separator: ".").map(String.init)
        first = parts.first ?? ""
        fingerprints = parts.map(TemplateContext.fingerprint)
        scope = written == "." ? .current : written.first == "." ? .currentOnly : .stack
    }
}

/// A template that cannot be parsed: where (1-based line and column, in characters) and
/// what to do about it, as one sentence for a diagnostic.
struct TemplateSyntaxError: Error, Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var message: String

    var description: String { "\(line):\(column): \(message)" }
}

/// Parses a template's bytes into `ThemeTemplate` instructions. Kept in step with
/// swift-mustache's parser (`MustacheTemplate.parse`): the same text tokens, the same
/// standalone-line decisions and the same handling of whitespace before tags.
struct TemplateParser {
    struct State {
        /// The name written in the tag of the section being parsed, and where that tag starts.
        var section: (name: String, inverted: Bool, tag: Int)? = nil
        /// Whether the parser is at the start of a line (as far as standalone tags go).
        var newLine = true
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
    }

    let source: [UInt8]
    var position = 0
    var instructions: [ThemeTemplate.Instruction] = []
    var text: [UInt8] = []
    var names: [TemplateName] = []
    var nameIndex: [String: Int] = [:]
    var partialNames: [String] = []

    init(source: [UInt8]) {
        self.source = source
    }

    // MARK: Blocks

    /// Parses until the end of the template or, inside a section, until its closing tag.
    mutating func parseBlock(_ initial: State) throws(TemplateSyntaxError) {
        var state = initial
        // Spaces and tabs at the start of the line, held back until it is known whether the
        // tag after them stands alone on its line.
        var indent = position..<position
        while position < source.count {
            if state.newLine {
                let start = position
                while position < source.count, source[position] == .space || source[position] == .tab { position += 1 }
                indent = start..<position
            }
            let (body, tag) = readText(state)
            let newline = lineEnd(at: position)
            if newline > 0 {
                // A tag opener directly followed by a line end counts as text, as before.
                appendText(indent, body, position..<(position + newline))
                position += newline
                state.newLine = true
                continue
            }
            if !body.isEmpty {
                appendText(indent, body)
                indent = position..<position
                state.newLine = false
            }
            guard position < source.count, let tag else { break }
            var standalone = false
            switch source[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = source[position] == UInt8(ascii: "^")
                position += 1
                let name = try readName(state, tag: tag)
                if isStandalone(state) {
                    standalone = true
                } else if !indent.isEmpty {
                    appendText(indent)
                    indent = position..<position
                }
                let index = instructions.count
                instructions.append(.text(0..<0)) // replaced when the section closes
                var inner = state
                inner.section = (name, inverted, tag)
                inner.newLine = standalone
                try parseBlock(inner)
                instructions[index] = .section(name: nameNumber(name), inverted: inverted, end: instructions.count)

            case UInt8(ascii: "/"):
                position += 1
                let name = try readName(state, tag: tag)
                guard let section = state.section, section.name == name else {
                    throw mismatchedClose(name, state: state, tag: tag)
                }
                if !isStandalone(state), !indent.isEmpty { appendText(indent) }
                return

            case UInt8(ascii: "!"):
                position += 1
                try skipComment(state, tag: tag)
                standalone = isStandalone(state)

            case UInt8(ascii: "{"):
                if !indent.isEmpty {
                    appendText(indent)
                    indent = position..<position
                }
                position += 1
                let name = try readName(state, tag: tag)
                guard position < source.count, source[position] == UInt8(ascii: "}") else {
                    throw error(at: tag, "'\(show(state.open)){\(name)\(show(state.close))' needs a third '}'; write '\(show(state.open)){\(name)}\(show(state.close))'")
                }
                position += 1
                instructions.append(.value(name: nameNumber(name), escaped: false))

            case UInt8(ascii: "&"):
                if !indent.isEmpty {
                    appendText(indent)
                    indent = position..<position
                }
                position += 1
                let name = try readName(state, tag: tag)
                instructions.append(.value(name: nameNumber(name), escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                var dynamic = false
                if position < source.count, source[position] == UInt8(ascii: "*") {
                    position += 1
                    dynamic = true
                }
                let name = try readName(state, tag: tag, partial: true)
                if !indent.isEmpty { appendText(indent) }
                var indentation = 0..<0
                if isStandalone(state) {
                    standalone = true
                    indentation = textRange(indent)
                }
                if dynamic {
                    instructions.append(.dynamicPartial(name: nameNumber(name), indentation: indentation))
                } else {
                    partialNames.append(name)
                    instructions.append(.partial(name: partialNames.count - 1, indentation: indentation))
                }
                indent = position..<position

            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(&state, tag: tag)
                standalone = isStandalone(state)

            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw error(at: tag, "template inheritance ('\(show(state.open))<parent\(show(state.close))' and '\(show(state.open))$block\(show(state.close))') is not supported; put the shared part in a partial and include it with '\(show(state.open))> name\(show(state.close))'")

            case UInt8(ascii: "%"):
                throw error(at: tag, "pragmas ('\(show(state.open))%...\(show(state.close))') are not supported; remove the tag")

            default:
                if !indent.isEmpty {
                    appendText(indent)
                    indent = position..<position
                }
                let name = try readName(state, tag: tag)
                instructions.append(.value(name: nameNumber(name), escaped: true))
            }
            state.newLine = standalone
        }
        if let section = state.section {
            let name = section.name
            throw error(at: section.tag, "the section '\(show(state.open))\(section.inverted ? "^" : "#")\(name)\(show(state.close))' is never closed; add '\(show(state.open))/\(name)\(show(state.close))' where it ends")
        }
    }

    // MARK: Text

    /// Reads text up to a line feed (which stays unread) or the opening delimiter (which is
    /// read). Returns the text and, when it stopped at a tag, where the tag starts.
    mutating func readText(_ state: State) -> (Range<Int>, tag: Int?) {
        let start = position
        let first = state.open[0]
        while position < source.count {
            let byte = source[position]
            if byte == .lineFeed { return (start..<position, nil) }
            if byte == first, matches(state.open, at: position) {
                let tag = position
                position += state.open.count
                return (start..<tag, tag)
            }
            position += 1
        }
        return (start..<position, nil)
    }

    /// The length of the line end at `offset`, or 0: a line feed, CR LF, a lone CR, vertical
    /// tab, form feed, NEL, or the Unicode line and paragraph separators (what Swift's
    /// `Character.isNewline` accepts, which swift-mustache's parser used).
    func lineEnd(at offset: Int) -> Int {
        guard offset < source.count else { return 0 }
        switch source[offset] {
        case .lineFeed, 0x0B, 0x0C: return 1
        case .carriageReturn: return offset + 1 < source.count && source[offset + 1] == .lineFeed ? 2 : 1
        case 0xC2: return offset + 1 < source.count && source[offset + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return offset + 2 < source.count && source[offset + 1] == 0x80 && (source[offset + 2] == 0xA8 || source[offset + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// Whether the tag just read stands alone on its line: it started one and only spaces or
    /// tabs follow it before the line end, which is then skipped, or the template ends
    /// right after it.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position == source.count { return true }
        var end = position
        while end < source.count, source[end] == .space || source[end] == .tab { end += 1 }
        let newline = lineEnd(at: end)
        guard newline > 0 else { return false }
        position = end + newline
        return true
    }

    /// The length of the Unicode white space at `offset`, or 0 (`Character.isWhitespace`).
    func whitespace(at offset: Int) -> Int {
        let byte = source[offset]
        if byte == .space || (0x09...0x0D).contains(byte) { return 1 }
        func at(_ i: Int) -> UInt8 { offset + i < source.count ? source[offset + i] : 0 }
        switch byte {
        case 0xC2: return at(1) == 0x85 || at(1) == 0xA0 ? 2 : 0
        case 0xE1: return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0
        case 0xE2:
            if at(1) == 0x80, (0x80...0x8A).contains(at(2)) || at(2) == 0xA8 || at(2) == 0xA9 || at(2) == 0xAF { return 3 }
            return at(1) == 0x81 && at(2) == 0x9F ? 3 : 0
        case 0xE3: return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0
        default: return 0
        }
    }

    mutating func skipWhitespace() {
        while position < source.count {
            let length = whitespace(at: position)
            if length == 0 { return }
            position += length
        }
    }

    func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        guard offset + delimiter.count <= source.count else { return false }
        for i in 0..<delimiter.count where source[offset + i] != delimiter[i] { return false }
        return true
    }

    // MARK: Tags

    static let nameBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// Reads `name}}` (with any white space around the name), leaving the position after the
    /// closing delimiter. Partial names may also hold `/`.
    mutating func readName(_ state: State, tag: Int, partial: Bool = false) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let start = position
        while position < source.count, Self.nameBytes[Int(source[position])] || (partial && source[position] == UInt8(ascii: "/")) {
            position += 1
        }
        let name = String(decoding: source[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(state.close, at: position) else {
            if position < source.count, !matches(state.open, at: position) {
                let character = String(decoding: source[position..<min(source.count, position + utf8Length(source[position]))], as: UTF8.self)
                throw error(at: tag, "a tag's name cannot hold '\(character)'; names are made of letters, digits and . - _ ? *, and the tag ends with '\(show(state.close))'")
            }
            throw error(at: tag, "the tag is never closed; end it with '\(show(state.close))'")
        }
        position += state.close.count
        if !partial, name.contains("(") || name.contains(")") {
            throw error(at: tag, "'\(name)': functions in names (swift-mustache's transforms) are not supported; remove the brackets and use the plain name")
        }
        return name
    }

    func utf8Length(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Skips a comment's text and its closing delimiter. The delimiter is searched for as
    /// swift-mustache does, without backing up after a partial match.
    mutating func skipComment(_ state: State, tag: Int) throws(TemplateSyntaxError) {
        var matched = 0
        while position < source.count {
            if source[position] == state.close[matched] {
                matched += 1
                if matched == state.close.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        throw error(at: tag, "the comment is never closed; end it with '\(show(state.close))'")
    }

    /// `{{=<% %>=}}`: new opening and closing delimiters for the rest of the template.
    mutating func setDelimiters(_ state: inout State, tag: Int) throws(TemplateSyntaxError) {
        let problem = error(at: tag, "a delimiter change is written '\(show(state.open))=<% %>=\(show(state.close))': the new opening and closing delimiters, without spaces in them, separated by a space, between '=' signs")
        skipWhitespace()
        let openStart = position
        while position < source.count, whitespace(at: position) == 0 { position += 1 }
        guard position < source.count else { throw problem }
        let open = Array(source[openStart..<position])
        skipWhitespace()
        let closeStart = position
        while position < source.count, whitespace(at: position) == 0, source[position] != UInt8(ascii: "=") { position += 1 }
        guard position < source.count else { throw problem }
        let close = Array(source[closeStart..<position])
        skipWhitespace()
        guard position < source.count, source[position] == UInt8(ascii: "=") else { throw problem }
        position += 1
        guard matches(state.close, at: position) else { throw problem }
        position += state.close.count
        guard !open.isEmpty, !close.isEmpty else { throw problem }
        state.open = open
        state.close = close
    }

    mutating func mismatchedClose(_ name: String, state: State, tag: Int) -> TemplateSyntaxError {
        let (o, c) = (show(state.open), show(state.close))
        guard let section = state.section else {
            return error(at: tag, "'\(o)/\(name)\(c)' closes a section that is not open; remove it, or open the section with '\(o)#\(name)\(c)' before it")
        }
        let opened = lineAndColumn(section.tag)
        return error(at: tag, "'\(o)/\(name)\(c)' does not close the open section '\(o)\(section.inverted ? "^" : "#")\(section.name)\(c)' (line \(opened.line)); close that first with '\(o)/\(section.name)\(c)', or correct the name")
    }

    // MARK: Output

    mutating func textRange(_ parts: Range<Int>...) -> Range<Int> {
        let start = text.count
        for part in parts { text.append(contentsOf: source[part]) }
        return start..<text.count
    }

    mutating func appendText(_ parts: Range<Int>...) {
        let start = text.count
        for part in parts { text.append(contentsOf: source[part]) }
        if text.count > start { instructions.append(.text(start..<text.count)) }
    }

    mutating func nameNumber(_ written: String) -> Int {
        if let number = nameIndex[written] { return number }
        names.append(TemplateName(written))
        nameIndex[written] = names.count - 1
        return names.count - 1
    }

    func show(_ delimiter: [UInt8]) -> String { String(decoding: delimiter, as: UTF8.self) }

    func lineAndColumn(_ offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, source.count) where source[i] == .lineFeed {
            line += 1
            lineStart = i + 1
        }
        return (line, String(decoding: source[lineStart..<min(offset, source.count)], as: UTF8.self).count + 1)
    }

    func error(at offset: Int, _ message: String) -> TemplateSyntaxError {
        let (line, column) = lineAndColumn(offset)
        return TemplateSyntaxError(line: line, column: column, message: message)
    }
}

extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
}
