import CCmarkArena
import CCmarkGFM
import QADiagnostics

/// Why a Markdown text is refused before it reaches cmark-gfm, and where in the text.
public struct MarkdownProblem: Sendable, Hashable, CustomStringConvertible {
    /// Line and column in the text, from 1; the column counts characters (Unicode scalars).
    public var line: Int
    public var column: Int
    /// What is wrong and how to fix it: "…; …".
    public var message: String
    public var code: String

    public init(line: Int, column: Int, message: String, code: String) {
        self.line = line
        self.column = column
        self.message = message
        self.code = code
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// Limits that bound the time cmark-gfm 0.29.0.gfm.6 can take over one text.
///
/// That version predates the fixes for CVE-2023-22483 to -22486, CVE-2023-24824, -26485
/// and CVE-2023-37463 (0.29.0.gfm.7 to .13). Measured here, some inputs take time that grows
/// with the square of their size (image brackets followed by links, table rows with thousands
/// of cells, runs of smart quotes, autolinks ending in many parentheses), and e-mail
/// autolinks cost microseconds each. `problem(in:)` estimates that time from counts, in one
/// linear pass, and refuses a text whose estimate is over the budget, with a diagnostic,
/// instead of running cmark-gfm for minutes. The weights were measured on cmark-gfm itself;
/// the numbers and the commands behind them are in docs/LIMITS.md. Content never comes near
/// these limits.
public enum MarkdownLimits {
    /// Bytes of Markdown in one text (and, in the loader, in one document).
    public static let maxBytes = 256 * 1024
    /// The estimated time cmark-gfm may spend on what grows faster than the text, in ns.
    public static let budget = 300_000_000.0
    /// Lists and block quotes inside each other.
    public static let maxBlockNesting = 16
    /// Emphasis, strong, strikethrough, links and images inside each other.
    public static let maxInlineNesting = 16

    /// Measured nanoseconds per unit (docs/LIMITS.md): a table row of n cells costs n²
    /// units; n quotation marks in one paragraph, n²; an image bracket '![' and a later ']'
    /// in the same paragraph, one unit a pair; n parentheses in a run without spaces, n²;
    /// each '@' (an e-mail autolink candidate), one unit.
    static let nsPerCellSquared = 4.0
    static let nsPerQuoteSquared = 2.0
    static let nsPerImageBracketPair = 12.0
    static let nsPerParenthesisSquared = 0.4
    static let nsPerAtSign = 16_000.0
}

extension MarkdownRenderer {
    /// Why `markdown` is refused, or nil when it may be rendered. Checks size and the counts
    /// of constructs that are slow in this cmark-gfm first (in one linear pass), and only then
    /// parses to measure nesting, so the time taken is bounded for any input.
    public static func problem(in markdown: String) -> MarkdownProblem? {
        var budget = MarkdownLimits.budget
        return problem(in: markdown, budget: &budget)
    }

    /// The same, for one of several texts of a document that share one time budget:
    /// `budget` (ns, starting at `MarkdownLimits.budget`) is reduced by this text's estimate
    /// when the text is accepted; a refused text uses none of it.
    public static func problem(in markdown: String, budget: inout Double) -> MarkdownProblem? {
        var text = markdown
        return text.withUTF8 { problem(inUTF8: $0, budget: &budget) }
    }

    /// The same, for a text given as its UTF-8 bytes (valid UTF-8), read in place: the
    /// loader checks the Markdown in front matter this way, before it is a string.
    public static func problem(inUTF8 bytes: UnsafeBufferPointer<UInt8>, budget: inout Double) -> MarkdownProblem? {
        let before = budget
        if let found = costProblem(inUTF8: bytes, budget: &budget) { return found }
        guard couldNestTooDeep(inUTF8: bytes), let found = nestingProblem(in: String(decoding: bytes, as: UTF8.self)) else { return nil }
        budget = before
        return found
    }

    /// The linear pre-check that `html(_:)` also applies: size, and the estimated time of
    /// the constructs that are slow in this cmark-gfm, from counts. No parsing.
    static func costProblem(in markdown: String) -> MarkdownProblem? {
        var budget = MarkdownLimits.budget
        return costProblem(in: markdown, budget: &budget)
    }

    static func costProblem(in markdown: String, budget: inout Double) -> MarkdownProblem? {
        var text = markdown
        return text.withUTF8 { costProblem(inUTF8: $0, budget: &budget) }
    }

    static func costProblem(inUTF8 buffer: UnsafeBufferPointer<UInt8>, budget: inout Double) -> MarkdownProblem? {
        let bytes = buffer
        if bytes.count > MarkdownLimits.maxBytes {
            return MarkdownProblem(line: 1, column: 1, message: "this Markdown text is \(kilobytes(bytes.count)) KB, over the \(MarkdownLimits.maxBytes / 1024) KB limit for one document's text; split it into several documents or pages", code: "markdown-too-large")
        }
        // Columns are worked out only for a problem's place: the scan keeps where the current
        // line starts (a byte offset), and a tally keeps the offsets of its worst run.
        var line = 1, lineOffset = 0
        var lineStart = true, lineBlank = true
        // Counts in the current line (pipes), paragraph (quotes, image brackets) and run of
        // characters without a space (parentheses); a paragraph is a run of non-blank lines,
        // which no inline content crosses. For each, the largest count seen and where.
        var pipes = Tally(), quotes = Tally(), images = Tally(), parens = Tally()
        var atSigns = 0
        var blockLine = 1
        var cost = MarkdownLimits.budget - budget // what the document's other texts used
        let shared = cost > 0 ? ", with the other Markdown in this document," : ""
        var previous: UInt8 = 0
        var lastParen = 0
        // The set is read from a local: a static read in the loop would check
        // that the static was made once for every byte.
        let costSet = Self.costSet
        do {
            func tooSlow(_ what: String, _ fix: String, at tally: Tally) -> MarkdownProblem {
                MarkdownProblem(line: tally.worstLine, column: tally.worstColumn(in: buffer), message: "this text\(shared) would take too long to render (see docs/LIMITS.md): \(what); \(fix)", code: "markdown-too-complex")
            }
            let count = buffer.count
            var index = 0
            while index < count {
                // Bytes that are counted for nothing (letters, digits, spaces, most
                // punctuation, the rest of other scripts), the most common, are skipped in a
                // tight loop. Only what they change is worked out after it: whether the line
                // is still blank, and the byte before the next counted one.
                if !lineStart {
                    let from = index
                    index = costSet.first(in: buffer, from: index)
                    if index > from {
                        if lineBlank {
                            var look = from
                            while look < index, buffer[look] == 0x20 || buffer[look] == 0x09 { look += 1 }
                            if look < index { lineBlank = false }
                        }
                        previous = buffer[index - 1]
                    }
                    if index == count { break }
                }
                let byte = buffer[index]
                index += 1
                if lineStart {
                    lineStart = false
                    if lineBlank { blockLine = line }
                    lineBlank = true
                }
                switch byte {
                case 0x0A, 0x0D: // cmark-gfm ends a line at CR as well as LF
                    if lineBlank { quotes.count = 0; images.count = 0 }
                    pipes.count = 0; parens.count = 0
                    if byte == 0x0A { line += 1 }
                    lineOffset = index
                    lineStart = true
                    previous = byte
                    continue
                case 0x20, 0x09:
                    parens.count = 0
                default:
                    lineBlank = false
                    switch byte {
                    case UInt8(ascii: "|"):
                        cost += MarkdownLimits.nsPerCellSquared * pipes.add(line: line, lineOffset: lineOffset, offset: index - 1)
                        if cost > MarkdownLimits.budget {
                            return tooSlow("it has table rows with too many cells (at least \(pipes.worst) '|' on this line), and a row takes time that grows with the square of its cells",
                                           "split wide tables into narrower ones, or write '\\|' for a bar that is not a column", at: pipes)
                        }
                    case UInt8(ascii: "'"), UInt8(ascii: "\""):
                        cost += MarkdownLimits.nsPerQuoteSquared * quotes.add(line: blockLine)
                        if cost > MarkdownLimits.budget {
                            return tooSlow("its paragraphs hold too many quotation marks (at least \(quotes.worst) in the paragraph that starts here), and smart quotes are matched in time that grows with the square of their number in a paragraph",
                                           "split long paragraphs with blank lines", at: quotes)
                        }
                    case UInt8(ascii: "["):
                        if previous == UInt8(ascii: "!") { _ = images.add(line: blockLine) }
                    case UInt8(ascii: "]"):
                        cost += MarkdownLimits.nsPerImageBracketPair * Double(images.count)
                        if cost > MarkdownLimits.budget {
                            return tooSlow("its paragraphs hold too many '![' (image) brackets followed by links (at least \(images.worst) in the paragraph that starts here), and every later link walks back over each one",
                                           "split long paragraphs with blank lines, or write '!\\[' where no image is meant", at: images)
                        }
                    case UInt8(ascii: "("), UInt8(ascii: ")"):
                        // A space or tab since the last bracket ends the run. Runs are short
                        // and the stretches looked at never overlap, so this stays linear.
                        if parens.count > 0 {
                            var look = lastParen + 1
                            while look < index - 1, buffer[look] != 0x20, buffer[look] != 0x09 { look += 1 }
                            if look < index - 1 { parens.count = 0 }
                        }
                        lastParen = index - 1
                        cost += MarkdownLimits.nsPerParenthesisSquared * parens.add(line: line, lineOffset: lineOffset, offset: index - 1)
                        if cost > MarkdownLimits.budget {
                            return tooSlow("it has too many brackets '(' and ')' without a space between them (at least \(parens.worst) here), and a web address ending in brackets is checked in time that grows with the square of their number",
                                           "add spaces between them", at: parens)
                        }
                    case UInt8(ascii: "@"):
                        atSigns += 1
                        cost += MarkdownLimits.nsPerAtSign
                        if cost > MarkdownLimits.budget {
                            var here = Tally()
                            _ = here.add(line: line, lineOffset: lineOffset, offset: index - 1)
                            return tooSlow("it has \(atSigns) '@' up to here, and each one starts a search for an e-mail address", "split it into several documents or pages", at: here)
                        }
                    default:
                        break
                    }
                }
                previous = byte
            }
            budget = MarkdownLimits.budget - cost // only a text that is let through uses the budget
            return nil
        }
    }

    /// The bytes that `costProblem` counts or that end a line or a paragraph. Spaces and
    /// tabs, which end a run of brackets, are not among them: the run is checked for them
    /// when its next bracket comes.
    static let costBytes: [Bool] = (0..<256).map { byte in
        [0x0A, 0x0D].contains(byte) || "|'\"[]()@".utf8.contains(UInt8(byte))
    }

    /// `costBytes`, skipped many bytes at a time.
    static let costSet = ByteSet { costBytes[Int($0)] }

    /// For `couldNestTooDeep` once past a line's start: 2 for the bytes it looks at there
    /// (line ends and `*_~[`), 1 for spaces and tabs, 0 for the rest.
    static let nestingBytes: [UInt8] = (0..<256).map { byte in
        byte == 0x20 || byte == 0x09 ? 1 : [0x0A, 0x0D].contains(byte) || "*_~[".utf8.contains(UInt8(byte)) ? 2 : 0
    }

    /// The bytes of `nestingBytes` that are 2, skipped many bytes at a time.
    static let nestingSet = ByteSet { nestingBytes[Int($0)] == 2 }

    /// A count within the current line, paragraph or run, with the largest such count seen
    /// and where its run started: a line, and byte offsets of that line's start and of the
    /// run's start (equal when the run is a paragraph's, which is reported at column 1).
    struct Tally {
        var count = 0
        var worst = 0, worstLine = 1
        private var worstLineOffset = 0, worstOffset = 0
        private var startLine = 1, startLineOffset = 0, startOffset = 0

        /// Counts one more and returns how much the square of the count grew.
        mutating func add(line: Int, lineOffset: Int = 0, offset: Int = 0) -> Double {
            if count == 0 { startLine = line; startLineOffset = lineOffset; startOffset = offset }
            count += 1
            if count > worst { worst = count; worstLine = startLine; worstLineOffset = startLineOffset; worstOffset = startOffset }
            return Double(2 * count - 1)
        }

        /// The worst run's column, in characters, from 1.
        func worstColumn(in text: UnsafeBufferPointer<UInt8>) -> Int {
            var column = 1
            for index in worstLineOffset..<max(worstLineOffset, worstOffset) where text[index] & 0xC0 != 0x80 { column += 1 }
            return column
        }
    }

    /// Whether `markdown` could nest past a limit, from bounds that need no parsing; only a
    /// text that could is parsed to find out. The bounds:
    /// - every list or block quote that contains a line uses at least one column of that
    ///   line's leading run of spaces, tabs and container marks (`>`, `-`, `*`, `+`, digits,
    ///   `.`, `)`), so no line nests deeper than that run is wide (a tab counts as four);
    /// - inline spans stay inside one paragraph, which ends at a blank line and before a
    ///   bullet (`-`, `*` or `+`, a space, then text) indented at most three spaces; each
    ///   emphasis or strikethrough needs two of `*`, `_`, `~` and each link or image one `[`;
    ///   an autolink adds a level but holds only text. So no span nests deeper than half the
    ///   `*_~` since the paragraph could have started, plus its `[`, plus one (and one to spare).
    /// `NestingBoundTests` checks the bounds against the parse on thousands of texts.
    static func couldNestTooDeep(_ markdown: String) -> Bool {
        var text = markdown
        return text.withUTF8 { couldNestTooDeep(inUTF8: $0) }
    }

    static func couldNestTooDeep(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let nestingSet = Self.nestingSet
        do {
            var prefix = 0, inPrefix = true, lineBlank = true
            var delimiters = 0, brackets = 0
            // Looking for a bullet at the line's start: 0 in the indentation (`indent` spaces),
            // 1 after the mark, 2 in the spaces after it, 3 done with this line.
            var bullet = 0, indent = 0
            let count = bytes.count
            var index = 0
            while index < count {
                // Past the line's start (where the line is already not blank), only line
                // ends and `*_~[` count: the rest is skipped in a tight loop.
                if bullet == 3, !inPrefix {
                    index = nestingSet.first(in: bytes, from: index)
                    if index == count { break }
                }
                let byte = bytes[index]
                index += 1
                if byte == 0x0A || byte == 0x0D {
                    if lineBlank { delimiters = 0; brackets = 0 }
                    prefix = 0; inPrefix = true; lineBlank = true
                    bullet = 0; indent = 0
                    continue
                }
                switch bullet {
                case 0:
                    if byte == 0x20 { indent += 1 } else if indent <= 3, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") { bullet = 1 } else { bullet = 3 }
                case 1:
                    bullet = byte == 0x20 || byte == 0x09 ? 2 : 3
                case 2:
                    if byte != 0x20, byte != 0x09 {
                        // A list item with text starts here and ends any paragraph before it.
                        delimiters = 0; brackets = 0
                        bullet = 3
                    }
                default:
                    break
                }
                switch byte {
                case 0x20:
                    if inPrefix { prefix += 1 }
                    continue
                case 0x09:
                    if inPrefix { prefix += 4 }
                    continue
                case UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if inPrefix { prefix += 1 }
                case UInt8(ascii: "*"):
                    if inPrefix { prefix += 1 }
                    if bullet != 1 { delimiters += 1 }
                case UInt8(ascii: "_"), UInt8(ascii: "~"):
                    inPrefix = false
                    delimiters += 1
                case UInt8(ascii: "["):
                    inPrefix = false
                    brackets += 1
                default:
                    inPrefix = false
                }
                lineBlank = false
                if prefix > MarkdownLimits.maxBlockNesting || delimiters / 2 + brackets + 2 > MarkdownLimits.maxInlineNesting { return true }
            }
            return false
        }
    }

    /// Parses `markdown` and reports the first place where lists and block quotes, or inline
    /// spans, nest deeper than the limits.
    static func nestingProblem(in markdown: String) -> MarkdownProblem? {
        let renderer = MarkdownRenderer()
        let document = renderer.parse(markdown)
        // The tree is in this thread's arena (`MarkdownRenderer.parse`), emptied at the end.
        defer { qapress_cmark_arena_reset() }
        guard let iterator = cmark_iter_new(document.root) else { return nil }
        defer { cmark_iter_free(iterator) }
        // The path from the root to the current node, with how many of its nodes are lists or
        // block quotes, and how many are inline spans. Leaves have no exit event, so the path
        // is trimmed back to each entered node's parent.
        var path: [(node: OpaquePointer, block: Bool, inline: Bool)] = []
        var blocks = 0, inlines = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let parent = cmark_node_parent(node)
            while let last = path.last, last.node != parent {
                path.removeLast()
                if last.block { blocks -= 1 }
                if last.inline { inlines -= 1 }
            }
            let type = cmark_node_get_type(node)
            let isBlock = type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST
            let isInline = Int32(type.rawValue) & CMARK_NODE_TYPE_MASK == CMARK_NODE_TYPE_INLINE && cmark_node_first_child(node) != nil
            path.append((node, isBlock, isInline))
            if isBlock { blocks += 1 }
            if isInline { inlines += 1 }
            if blocks > MarkdownLimits.maxBlockNesting || inlines > MarkdownLimits.maxInlineNesting {
                let (line, column) = position(of: path.map(\.node), in: markdown)
                if blocks > MarkdownLimits.maxBlockNesting {
                    return MarkdownProblem(line: line, column: column, message: "lists and block quotes nest more than \(MarkdownLimits.maxBlockNesting) levels deep here; flatten the structure", code: "markdown-too-deep")
                }
                return MarkdownProblem(line: line, column: column, message: "emphasis, links and other inline markup nest more than \(MarkdownLimits.maxInlineNesting) levels deep here; remove some of the '*', '_', '~' or brackets", code: "markdown-too-deep")
            }
        }
        return nil
    }

    /// The line and column of the deepest node on `path` that has a position (inline nodes
    /// may have none), with cmark's byte column turned into characters.
    static func position(of path: [OpaquePointer], in markdown: String) -> (Int, Int) {
        for node in path.reversed() {
            let line = Int(cmark_node_get_start_line(node))
            let byteColumn = Int(cmark_node_get_start_column(node))
            guard line > 0 else { continue }
            var current = 1, column = 1, offset = 1
            for byte in markdown.utf8 {
                if current == line {
                    if byte == 0x0A || offset >= byteColumn { break }
                    if byte & 0xC0 != 0x80 { column += 1 }
                    offset += 1
                } else if byte == 0x0A {
                    current += 1
                    if current > line { break }
                }
            }
            return (line, max(column, 1))
        }
        return (1, 1)
    }

    static func kilobytes(_ count: Int) -> String { String((count + 1023) / 1024) }
}
