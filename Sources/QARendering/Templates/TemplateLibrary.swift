import Foundation

/// What the website renders its pages with: a context and a template's name in, the page
/// out, or nil when there is no template of that name.
protocol PageTemplates: Sendable {
    func render(_ context: TemplateContext, withTemplate name: String) -> String?
    func renderUTF8(_ context: TemplateContext, withTemplate name: String, capacity: Int) -> [UInt8]?
    /// Renders in pieces of about `piece` bytes, handed to `emit` as they are made, so a
    /// large page is never whole in memory; false when there is no such template.
    func renderUTF8(_ context: TemplateContext, withTemplate name: String, piece: Int, emit: ([UInt8]) -> Void) -> Bool
}

extension PageTemplates {
    func renderUTF8(_ context: TemplateContext, withTemplate name: String) -> [UInt8]? {
        renderUTF8(context, withTemplate: name, capacity: 16_384)
    }

    func renderUTF8(_ context: TemplateContext, withTemplate name: String, piece: Int, emit: ([UInt8]) -> Void) -> Bool {
        guard let bytes = renderUTF8(context, withTemplate: name) else { return false }
        emit(bytes)
        return true
    }
}

/// A theme's templates by name, parsed once and rendered any number of times, from any
/// number of threads at once: the library is immutable and each render has its own state.
///
/// Contexts are trees of `TemplateContext` levels holding `String`, `Int`, `Double`, `Bool`,
/// `RenderedHTML`, lists of levels or of text, and `LazyDictionaries` for long lists made as
/// they render (`TemplateContext(converting:)` makes one from a `[String: Any]` of anything).
/// An entry whose value is empty text counts as missing, in a section and when a name is
/// looked up, so `{{#summary}}` is skipped for an empty summary and a name inside a list
/// item that is empty there is looked for further out.
///
/// Rendering gives what qapress gave before with swift-mustache 2.1.1, to which it passed
/// contexts with the empty texts removed; the differential tests in QARenderingTests
/// compare the two. One difference is deliberate: every `<`, `>`, `&`, `"` and `'` is
/// escaped, even when a combining mark follows it (swift-mustache compared whole
/// characters, so it let `"` plus a combining accent through, ending an attribute).
struct TemplateLibrary: PageTemplates {
    let templates: [String: ThemeTemplate]

    /// How deeply partials may include partials; deeper inclusions render nothing, so a
    /// partial that includes itself cannot exhaust the stack.
    static let maximumPartialDepth = 64

    init(templates: [String: ThemeTemplate] = [:]) {
        self.templates = templates
    }

    /// Parses every source; throws the first syntax error.
    init(sources: [String: String]) throws {
        var templates: [String: ThemeTemplate] = [:]
        for (name, source) in sources { templates[name] = try ThemeTemplate(parsing: source) }
        self.init(templates: templates)
    }

    /// The template `name` rendered with `context`, or nil when there is no such template.
    func render(_ context: TemplateContext, withTemplate name: String) -> String? {
        renderUTF8(context, withTemplate: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// As `render`, as UTF-8 bytes, for a file; `capacity` is a guess at its size.
    func renderUTF8(_ context: TemplateContext, withTemplate name: String, capacity: Int = 16_384) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var rendering = TemplateRendering(library: self, context: context, capacity: capacity)
        rendering.render(template, 0..<template.program.count)
        return rendering.output
    }

    func renderUTF8(_ context: TemplateContext, withTemplate name: String, piece: Int, emit: ([UInt8]) -> Void) -> Bool {
        guard let template = templates[name] else { return false }
        return withoutActuallyEscaping(emit) { emit in
            var rendering = TemplateRendering(library: self, context: context, capacity: 16_384)
            rendering.piece = piece
            rendering.emit = emit
            rendering.render(template, 0..<template.program.count)
            if !rendering.output.isEmpty { emit(rendering.output) }
            return true
        }
    }
}

/// HTML that a template has already rendered, put into another template's context as it
/// is (a page's body into the layout) without becoming a `String` in between. It behaves as
/// text does: `{{{body}}}` copies it, `{{body}}` escapes it, and when empty it is missing.
struct RenderedHTML {
    var bytes: [UInt8]

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A list of context levels whose items are made one at a time, as a section renders them,
/// and dropped once rendered: a page of thousands of rows (the scorecard, the action
/// tracker, a long-running partnership's annual report) never holds all of them. Each pass
/// over the list makes its items again. In every other way it is a list of levels.
final class LazyDictionaries {
    let count: Int
    let item: (Int) -> TemplateContext

    init(count: Int, item: @escaping (Int) -> TemplateContext) {
        self.count = count
        self.item = item
    }

    /// Rows made from `elements`, one by one.
    convenience init<Element>(_ elements: [Element], row: @escaping (Element) -> TemplateContext) {
        self.init(count: elements.count) { row(elements[$0]) }
    }

    var isEmpty: Bool { count == 0 }

    /// Every item, made now: for the few readers that need the whole list.
    var items: [TemplateContext] { (0..<count).map(item) }
}

/// A value of a context, sorted by kind once, when it is put into a `TemplateContext`
/// (or, for values inside other values, when it is looked up or pushed).
enum ContextValue {
    case text(String)
    case html(RenderedHTML)
    case integer(Int)
    case flag(Bool)
    /// A level of the context tree: reached from the top through levels and lists of
    /// levels. In it, empty text counts as missing.
    case context(TemplateContext)
    case contexts([TemplateContext])
    case lazyContexts(LazyDictionaries)
    case texts([String])
    /// A dictionary inside another value (found by reflection, or in a list of anything),
    /// where empty text is text like any other.
    case dictionary([String: Any])
    case dictionaries([[String: Any]])
    /// Anything else, boxed, so that copying a `ContextValue` is one reference count.
    case other(OtherValue)

    /// `value` sorted as a value of the context tree, the way the dictionaries passed to
    /// templates before were read: dictionaries of strings to anything and lists of nothing
    /// but dictionaries become levels of the tree.
    init(converting value: Any) {
        let type = type(of: value)
        if type == [String: Any].self {
            self = .context(TemplateContext(converting: value as! [String: Any]))
        } else if type == [[String: Any]].self {
            self = .contexts((value as! [[String: Any]]).map(TemplateContext.init(converting:)))
        } else if type == String.self || type == Int.self || type == Bool.self || type == [String].self || type == LazyDictionaries.self
                    || type == RenderedHTML.self || type == TemplateContext.self || type == [TemplateContext].self {
            self = ContextValue(item: value)
        } else if let text = value as? String {
            // Text of another type (as swift-mustache saw it): missing when empty, and
            // otherwise shown as its own type shows itself.
            self = text.isEmpty ? .text("") : .other(OtherValue(value))
        } else if let dictionary = value as? [String: Any] {
            self = .context(TemplateContext(converting: dictionary))
        } else if let list = value as? [[String: Any]] {
            self = .contexts(list.map(TemplateContext.init(converting:)))
        } else {
            self = .other(OtherValue(value))
        }
    }

    /// An item of a list, or a value found by reflection: outside the context tree.
    init(item: Any) {
        let type = type(of: item)
        if type == String.self {
            self = .text(item as! String)
        } else if type == [String: Any].self {
            self = .dictionary(item as! [String: Any])
        } else if type == [[String: Any]].self {
            self = .dictionaries(item as! [[String: Any]])
        } else if type == Int.self {
            self = .integer(item as! Int)
        } else if type == Bool.self {
            self = .flag(item as! Bool)
        } else if type == [String].self {
            self = .texts(item as! [String])
        } else if type == LazyDictionaries.self {
            self = .lazyContexts(item as! LazyDictionaries)
        } else if type == RenderedHTML.self {
            self = .html(item as! RenderedHTML)
        } else if type == TemplateContext.self {
            self = .context(item as! TemplateContext)
        } else if type == [TemplateContext].self {
            self = .contexts(item as! [TemplateContext])
        } else {
            self = .other(OtherValue(item))
        }
    }

    /// Whether this is empty text or empty HTML, which counts as missing in the context tree.
    @inline(__always)
    var isEmptyText: Bool {
        switch self {
        case .text(let text): return text.isEmpty
        case .html(let html): return html.bytes.isEmpty
        default: return false
        }
    }

    var value: Any { plainValue(emptyIsMissing: false)! }

    /// The value as plain Swift values (levels of context as dictionaries, HTML as text);
    /// nil for empty text where that counts as missing.
    func plainValue(emptyIsMissing: Bool) -> Any? {
        switch self {
        case .text(let text): return emptyIsMissing && text.isEmpty ? nil : text
        case .html(let html): return emptyIsMissing && html.bytes.isEmpty ? nil : html.text
        case .integer(let integer): return integer
        case .flag(let flag): return flag
        case .context(let context): return context.plainDictionary
        case .contexts(let list): return list.map(\.plainDictionary)
        case .lazyContexts(let list): return list.items.map(\.plainDictionary)
        case .texts(let list): return list
        case .dictionary(let dictionary): return dictionary
        case .dictionaries(let list): return list
        case .other(let box): return box.value
        }
    }
}

/// The type of the value in `value`, without taking it.
@inline(__always)
func dynamicType(of value: borrowing Any) -> Any.Type {
    type(of: value)
}

/// A value of a kind that rendering has no fast path for.
final class OtherValue {
    let value: Any

    init(_ value: Any) {
        self.value = value
    }
}

/// The state of one render: the output so far, the context stack and the indentation of
/// the partials being rendered.
struct TemplateRendering {
    let library: TemplateLibrary
    var output: [UInt8] = []
    var stack: [ContextValue] = []
    /// Spaces and tabs put before every line that a standalone partial renders (nested
    /// partials add theirs), empty outside such partials.
    var indentation: [UInt8] = []
    var partialDepth = 0
    /// When set, output of `piece` bytes or more is handed on and the buffer starts again,
    /// between instructions where nothing looks back at what was rendered (outside indented
    /// partials, which indent what starts a line).
    var emit: (([UInt8]) -> Void)?
    var piece = Int.max
    var lookingBack = 0

    init(library: TemplateLibrary, context: TemplateContext, capacity: Int) {
        self.library = library
        output.reserveCapacity(capacity)
        stack.reserveCapacity(16)
        stack.append(.context(context))
    }

    // MARK: Instructions

    /// Renders `range` of `template`'s instructions. Inside an indented partial, output that
    /// starts a line (in what this call has rendered so far) is indented first.
    mutating func render(_ template: ThemeTemplate, _ range: Range<Int>) {
        var index = range.lowerBound
        if indentation.isEmpty {
            while index < range.upperBound {
                index = render(template, at: index)
                if output.count >= piece, lookingBack == 0, let emit {
                    emit(output)
                    output.removeAll(keepingCapacity: true)
                }
            }
            return
        }
        lookingBack += 1
        defer { lookingBack -= 1 }
        let start = output.count
        while index < range.upperBound {
            let before = output.count
            index = render(template, at: index)
            if output.count > before, before > start, output[before - 1] == .lineFeed,
               before - 2 < start || output[before - 2] != .carriageReturn {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    /// Renders one instruction and returns the index of the next.
    mutating func render(_ template: ThemeTemplate, at index: Int) -> Int {
        switch template.program[index] {
        case .text(let range):
            output.append(contentsOf: UnsafeBufferPointer(rebasing: template.bytes[range]))
        case .value(let name, let escaped):
            if let value = lookUp(template, name) { append(value, escaped: escaped) }
        case .section(let name, let inverted, let end):
            let value = lookUp(template, name)
            if inverted {
                renderInverted(value, template, (index + 1)..<end)
            } else {
                renderSection(value, template, (index + 1)..<end)
            }
            return end
        case .partial(let name, let indentation):
            if let partial = library.templates[template.partialNames[name]] { include(partial, indentation: indentation, of: template) }
        case .dynamicPartial(let name, let indentation):
            if let value = lookUp(template, name), let partialName = value.value as? String, let partial = library.templates[partialName] {
                include(partial, indentation: indentation, of: template)
            }
        }
        return index + 1
    }

    mutating func include(_ partial: ThemeTemplate, indentation extra: Range<Int>, of template: ThemeTemplate) {
        guard partialDepth < TemplateLibrary.maximumPartialDepth else { return }
        let saved = indentation.count
        indentation.append(contentsOf: UnsafeBufferPointer(rebasing: template.bytes[extra]))
        partialDepth += 1
        render(partial, 0..<partial.program.count)
        partialDepth -= 1
        indentation.removeLast(indentation.count - saved)
    }

    mutating func pushing(_ value: ContextValue, _ template: ThemeTemplate, _ body: Range<Int>) {
        stack.append(value)
        render(template, body)
        stack.removeLast()
    }

    // MARK: Sections

    /// `{{#name}}`: false, missing and empty lists render nothing; a list renders once per
    /// item with the item pushed; `true` renders once as it is; anything else, even 0,
    /// renders once with the value pushed.
    mutating func renderSection(_ value: ContextValue?, _ template: ThemeTemplate, _ body: Range<Int>) {
        switch value {
        case nil: return
        case .contexts(let list):
            for item in list { pushing(.context(item), template, body) }
        case .lazyContexts(let list):
            for index in 0..<list.count { pushing(.context(list.item(index)), template, body) }
        case .dictionaries(let list):
            for item in list { pushing(.dictionary(item), template, body) }
        case .texts(let list):
            for item in list { pushing(.text(item), template, body) }
        case .flag(let flag):
            if flag { render(template, body) }
        case .other(let box):
            let other = box.value
            if let list = other as? [String] {
                for item in list { pushing(.text(item), template, body) }
            } else if let list = other as? any TemplateList {
                list.forEachItem { pushing(ContextValue(item: $0), template, body) }
            } else if let flag = other as? Bool {
                if flag { render(template, body) }
            } else {
                pushing(value!, template, body)
            }
        case .some(let value):
            pushing(value, template, body)
        }
    }

    /// `{{^name}}`: renders when the value is missing, false or an empty list (which is
    /// pushed, as swift-mustache did).
    mutating func renderInverted(_ value: ContextValue?, _ template: ThemeTemplate, _ body: Range<Int>) {
        switch value {
        case nil:
            render(template, body)
        case .flag(let flag):
            if !flag { render(template, body) }
        case .contexts(let list):
            if list.isEmpty { pushing(value!, template, body) }
        case .lazyContexts(let list):
            if list.isEmpty { pushing(value!, template, body) }
        case .dictionaries(let list):
            if list.isEmpty { pushing(value!, template, body) }
        case .texts(let list):
            if list.isEmpty { pushing(value!, template, body) }
        case .other(let box):
            let other = box.value
            if let list = other as? any TemplateList {
                if list.hasNoItems { pushing(value!, template, body) }
            } else if let flag = other as? Bool {
                if !flag { render(template, body) }
            }
        case .text, .html, .integer, .context, .dictionary:
            return
        }
    }

    // MARK: Names

    /// The value that name number `index` of `template` stands for, or nil when it is not found.
    func lookUp(_ template: ThemeTemplate, _ index: Int) -> ContextValue? {
        let name = template.nameTable.baseAddress! + index
        switch name.pointee.scope {
        case .current:
            return Self.present(stack[stack.count - 1])
        case .currentOnly:
            return resolve(name.pointee, from: 0, in: stack[stack.count - 1])
        case .stack:
            let count = name.pointee.parts.count
            if count == 0 { return Self.present(stack[stack.count - 1]) }
            let first = name.pointee.first
            let fingerprint = name.pointee.fingerprints[0]
            return stack.withUnsafeBufferPointer { frames in
                var level = frames.count - 1
                while level >= 0 {
                    if let found = Self.child(first, fingerprint, of: frames[level]) {
                        return count == 1 ? Self.present(found) : resolve(name.pointee, from: 1, in: found)
                    }
                    level -= 1
                }
                return nil
            }
        }
    }

    /// The parts of `name` from `first` on, looked up one inside the other, starting in `value`.
    func resolve(_ name: TemplateName, from first: Int, in value: ContextValue) -> ContextValue? {
        var current = value
        for part in first..<name.parts.count {
            guard let next = Self.child(name.parts[part], name.fingerprints[part], of: current) else { return nil }
            current = next
        }
        return Self.present(current)
    }

    /// The value, or nil for `NSNull`, which stands for a missing value.
    @inline(__always)
    static func present(_ value: ContextValue) -> ContextValue? {
        if case .other(let box) = value, box.value is NSNull { return nil }
        return value
    }

    /// What `name` is in `value`: an entry of a level of the context (nil when it is empty
    /// text), a dictionary's entry, or the stored property of that name of any other value
    /// (as swift-mustache found it, by reflection).
    static func child(_ name: String, _ fingerprint: UInt64, of value: ContextValue) -> ContextValue? {
        switch value {
        case .context(let context):
            guard let found = context.value(named: name, fingerprint: fingerprint), !found.isEmptyText else { return nil }
            return found
        case .text, .html, .integer, .flag, .contexts, .lazyContexts, .texts, .dictionaries:
            return nil
        case .dictionary(let dictionary):
            return dictionary[name].map(ContextValue.init(item:))
        case .other(let box):
            let other = box.value
            if other is NSNull { return nil }
            if let dictionary = other as? any StringKeyedValues { return dictionary.value(forKey: name).map(ContextValue.init(item:)) }
            guard let found = Mirror(reflecting: other).children.first(where: { $0.label == name }) else { return nil }
            let mirror = Mirror(reflecting: found.value)
            guard mirror.displayStyle == .optional else { return ContextValue(item: found.value) }
            return mirror.children.first.map { ContextValue(item: $0.value) }
        }
    }

    // MARK: Values

    /// Appends a value as text: strings as they are, numbers and everything else as Swift's
    /// `String(describing:)` writes them (`3`, `2.5`, `true`).
    mutating func append(_ value: ContextValue, escaped: Bool) {
        switch value {
        case .text(let text):
            append(text, escaped: escaped)
        case .html(let html):
            html.bytes.withUnsafeBufferPointer { bytes in
                if escaped { appendEscaped(bytes) } else { output.append(contentsOf: bytes) }
            }
        case .integer(let integer):
            append(String(integer), escaped: false)
        case .flag(let flag):
            append(flag ? "true" : "false", escaped: false)
        case .other(let box):
            let other = box.value
            var shown = other
            if let optional = other as? any OptionalValue, let wrapped = optional.wrappedValue { shown = wrapped }
            append(String(describing: shown), escaped: escaped)
        case .context, .contexts, .lazyContexts, .dictionary, .dictionaries, .texts:
            // Swift's description, in no fixed order; written for completeness, not for use.
            append(String(describing: value.plainValue(emptyIsMissing: true)!), escaped: escaped)
        }
    }

    mutating func append(_ string: String, escaped: Bool) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
            if escaped { appendEscaped(bytes) } else { output.append(contentsOf: bytes) }
        }
        if done == nil {
            var string = string
            string.withUTF8 { bytes in
                if escaped { appendEscaped(bytes) } else { output.append(contentsOf: bytes) }
            }
        }
    }

    /// HTML-escapes `&`, `<`, `>`, `"` and `'` (as `&#39;`), copying the runs between them.
    mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        HTML.appendEscaped(bytes, to: &output)
    }
}

// MARK: Kinds of value

/// Lists that a section repeats over: arrays, sets and reversed collections of anything
/// (what swift-mustache treated as sequences). Other sequences are single values.
protocol TemplateList {
    func forEachItem(_ body: (Any) -> Void)
    var hasNoItems: Bool { get }
}

extension Array: TemplateList {
    func forEachItem(_ body: (Any) -> Void) { for item in self { body(item) } }
    var hasNoItems: Bool { isEmpty }
}

extension Set: TemplateList {
    func forEachItem(_ body: (Any) -> Void) { for item in self { body(item) } }
    var hasNoItems: Bool { isEmpty }
}

extension ReversedCollection: TemplateList {
    func forEachItem(_ body: (Any) -> Void) { for item in self { body(item) } }
    var hasNoItems: Bool { isEmpty }
}

/// Dictionaries with string keys, whatever their values, in which names are looked up.
protocol StringKeyedValues {
    func value(forKey key: String) -> Any?
}

extension Dictionary: StringKeyedValues where Key == String {
    func value(forKey key: String) -> Any? { self[key] }
}

/// An optional inside `Any`, shown as its value (or `nil`) rather than `Optional(...)`.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self }
}
