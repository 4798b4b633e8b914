import QADiagnostics

/// One level of a template's context: names and their values, written as a dictionary
/// literal (`["title": page.title, "rows": rows]`).
///
/// It is not a `Dictionary`. A page builds tens of thousands of small contexts (a row of the
/// action tracker has fourteen entries) and a template looks names up in them hundreds of
/// thousands of times, and a dictionary hashes every name with SipHash both times, once per
/// level of the stack that a lookup walks. Here a level is a short list in the order the
/// names were written: each name carries a cheap fingerprint of its bytes, worked out once,
/// and a lookup compares fingerprints until one matches, then the names. A value is sorted
/// by kind (`ContextValue`) as it is put in, through `TemplateValue`, so a lookup casts
/// nothing.
///
/// Empty text counts as missing when a template looks a name up, as it did in the
/// dictionaries before; it is kept, so a page's search text reads the context as before.
struct TemplateContext: ExpressibleByDictionaryLiteral {
    struct Entry {
        let name: String
        let fingerprint: UInt64
        var value: ContextValue
    }

    private(set) var entries: [Entry]

    init() {
        entries = []
    }

    init(dictionaryLiteral elements: (String, any TemplateValue)...) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (name, value) in elements {
            entries.append(Entry(name: name, fingerprint: Self.fingerprint(name), value: value.contextValue))
        }
    }

    /// A context made from a dictionary of any values, sorted by kind as the dictionaries
    /// passed to templates before were: nested dictionaries of strings to anything and lists
    /// of nothing but such dictionaries become levels of the context; anything else is a
    /// value as it is. For tests and for values from outside qapress's own code.
    init(converting dictionary: [String: Any]) {
        entries = []
        entries.reserveCapacity(dictionary.count)
        for (name, value) in dictionary {
            entries.append(Entry(name: name, fingerprint: Self.fingerprint(name), value: ContextValue(converting: value)))
        }
    }

    var names: [String] { entries.map(\.name) }

    /// The value of `name` as it was put in, empty text included; nil when there is none.
    func value(named name: String) -> ContextValue? {
        value(named: name, fingerprint: Self.fingerprint(name))
    }

    /// As `value(named:)`, with the name's fingerprint already worked out.
    @inline(__always)
    func value(named name: String, fingerprint: UInt64) -> ContextValue? {
        entries.withUnsafeBufferPointer { entries in
            for entry in entries where entry.fingerprint == fingerprint && entry.name == name { return entry.value }
            return nil
        }
    }

    /// The text of `name`, when its value is text.
    func text(_ name: String) -> String? {
        if case .text(let text) = value(named: name) { return text }
        return nil
    }

    /// The number of `name`, when its value is a number.
    func integer(_ name: String) -> Int? {
        if case .integer(let integer) = value(named: name) { return integer }
        return nil
    }

    /// Sets `name` to `value`, in its place when it is already there, otherwise at the end.
    mutating func set(_ name: String, _ value: any TemplateValue) {
        let fingerprint = Self.fingerprint(name)
        let contextValue = value.contextValue
        if let index = entries.firstIndex(where: { $0.fingerprint == fingerprint && $0.name == name }) {
            entries[index].value = contextValue
        } else {
            entries.append(Entry(name: name, fingerprint: fingerprint, value: contextValue))
        }
    }

    /// The value of `name` (as a `ContextValue`); setting nil removes it.
    subscript(name: String) -> (any TemplateValue)? {
        get { value(named: name) }
        set {
            if let newValue {
                set(name, newValue)
            } else {
                let fingerprint = Self.fingerprint(name)
                entries.removeAll { $0.fingerprint == fingerprint && $0.name == name }
            }
        }
    }

    /// The name's `NameFingerprint`.
    @inline(__always)
    static func fingerprint(_ name: String) -> UInt64 { NameFingerprint.of(name) }

    /// The context as a dictionary of plain values, with its empty texts left out, the way
    /// `{{name}}` of a whole level shows it and swift-mustache received it.
    var plainDictionary: [String: Any] {
        var out: [String: Any] = [:]
        for entry in entries {
            if let value = entry.value.plainValue(emptyIsMissing: true) { out[entry.name] = value }
        }
        return out
    }
}

/// What a `TemplateContext` literal takes as a value: text, numbers, flags, HTML already
/// rendered, levels of context and lists of them, and lists of text.
protocol TemplateValue {
    var contextValue: ContextValue { get }
}

extension String: TemplateValue {
    var contextValue: ContextValue { .text(self) }
}

extension Int: TemplateValue {
    var contextValue: ContextValue { .integer(self) }
}

extension Bool: TemplateValue {
    var contextValue: ContextValue { .flag(self) }
}

/// Shown as Swift writes it (`2.5`, `3.0`), as a `Double` in a dictionary was.
extension Double: TemplateValue {
    var contextValue: ContextValue { .other(OtherValue(self)) }
}

extension RenderedHTML: TemplateValue {
    var contextValue: ContextValue { .html(self) }
}

extension TemplateContext: TemplateValue {
    var contextValue: ContextValue { .context(self) }
}

extension LazyDictionaries: TemplateValue {
    var contextValue: ContextValue { .lazyContexts(self) }
}

extension ContextValue: TemplateValue {
    var contextValue: ContextValue { self }
}

/// What a list in a context can hold; each kind says how a list of it is rendered.
protocol TemplateListItem {
    static func listValue(_ items: [Self]) -> ContextValue
}

extension TemplateContext: TemplateListItem {
    static func listValue(_ items: [TemplateContext]) -> ContextValue { .contexts(items) }
}

extension String: TemplateListItem {
    static func listValue(_ items: [String]) -> ContextValue { .texts(items) }
}

/// A list of numbers is a value like any other, which a section repeats over.
extension Int: TemplateListItem {
    static func listValue(_ items: [Int]) -> ContextValue { .other(OtherValue(items)) }
}

extension Array: TemplateValue where Element: TemplateListItem {
    var contextValue: ContextValue { Element.listValue(self) }
}
