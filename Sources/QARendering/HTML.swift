import QAMarkdown

/// Small helpers for text that goes into HTML outside templates (SVG, feeds).
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, as the templates escape them.
    static func escape(_ text: String) -> String {
        // By bytes: every byte escaped is ASCII, so the runs between them are copied whole,
        // and `"` is escaped even when a combining mark follows it (as one character, it
        // would not be, and would end an attribute).
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            appendEscaped(bytes, to: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Appends `bytes` to `out` with `&`, `<`, `>`, `"` and `'` (as `&#39;`) escaped, copying
    /// the runs between them whole.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var run = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            if index > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            run = index + 1
        }
        if bytes.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count])) }
    }

    /// Markdown as HTML, through the one cmark-gfm wrapper.
    static let markdown = MarkdownRenderer()

    static func md(_ text: String) -> String { text.isEmpty ? "" : markdown.html(text) }

    /// Text with tags removed, the five entities cmark-gfm writes decoded and whitespace
    /// collapsed, for search and descriptions; at most `limit` characters when given (a
    /// word may be cut). One pass over the UTF-8 bytes.
    static func plain(_ html: String, limit: Int? = nil) -> String {
        var writer = PlainText(limit: limit)
        writer.add(html)
        return writer.text
    }

    /// Several HTML texts as one plain text, as if they were joined with spaces; it stops
    /// reading once it has `limit` characters.
    static func plain(_ texts: [String], limit: Int? = nil) -> String {
        var writer = PlainText(limit: limit)
        for (index, text) in texts.enumerated() {
            if index > 0 { writer.addSpace() }
            if !writer.add(text) { break }
        }
        return writer.text
    }

    /// Entities after the '&', as bytes, and what each stands for.
    static let entities: [([UInt8], UInt8)] = [("amp;", "&"), ("quot;", "\""), ("lt;", "<"), ("gt;", ">"), ("#39;", "'")]
        .map { (Array($0.0.utf8), $0.1.utf8.first!) }
}

/// Plain text made from HTML piece by piece: tags dropped, cmark-gfm's five entities decoded,
/// runs of whitespace as one space, none at the start or the end.
struct PlainText {
    private(set) var bytes: [UInt8] = []
    private var inTag = false, pendingSpace = false
    /// Scalars written, and how many may be: enough for `limit` characters, which `text` cuts exactly.
    private var produced = 0
    private let budget: Int?
    private let limit: Int?

    init(limit: Int? = nil) {
        self.limit = limit
        self.budget = limit.map { $0 * 2 + 16 }
    }

    var text: String {
        let text = String(decoding: bytes, as: UTF8.self)
        return limit.map { String(text.prefix($0)) } ?? text
    }

    /// What a space between two texts does: separates words, unless inside a tag.
    mutating func addSpace() {
        if !inTag { pendingSpace = true }
    }

    /// Starts the next text outside any tag, after a space.
    mutating func startText() {
        inTag = false
        pendingSpace = true
    }

    /// Adds `html`; false once the budget is used up.
    @discardableResult
    mutating func add(_ html: String) -> Bool {
        if let budget, produced >= budget { return false }
        var html = html
        return html.withUTF8 { add($0) }
    }

    private mutating func add(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = source.count
        while index < count {
            let byte = source[index]
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "<") { inTag = true; pendingSpace = true; index += 1; continue }
            var length = 1
            if byte < 0x80 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) { pendingSpace = true; index += 1; continue }
            } else {
                length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if index + length > count { length = count - index }
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for next in source[(index + 1)..<(index + length)] { value = value << 6 | UInt32(next & 0x3F) }
                if let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace {
                    pendingSpace = true
                    index += length
                    continue
                }
            }
            var decoded: UInt8? = nil
            if byte == UInt8(ascii: "&") {
                for (entity, value) in HTML.entities where index + 1 + entity.count <= count {
                    if UnsafeBufferPointer(rebasing: source[(index + 1)..<(index + 1 + entity.count)]).elementsEqual(entity) {
                        decoded = value
                        index += entity.count
                        break
                    }
                }
            }
            if pendingSpace, !bytes.isEmpty { bytes.append(0x20); produced += 1 }
            pendingSpace = false
            if let decoded {
                bytes.append(decoded)
            } else if length == 1 {
                bytes.append(byte)
            } else {
                for offset in index..<(index + length) { bytes.append(source[offset]) }
            }
            index += length
            produced += 1
            if let budget, produced >= budget { return false }
        }
        return true
    }
}
