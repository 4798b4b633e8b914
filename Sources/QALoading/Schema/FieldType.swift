import QADiagnostics
import QAModel

/// The type of one front-matter value. Scalars are read from the text as written, so YAML 1.1's
/// guesses (`no` as false, `010` as 8, `12:30` as 750) never happen behind the author's back.
public indirect enum FieldType: Sendable {
    /// One line of plain text.
    case text
    /// Markdown text, usually a `|` block.
    case markdown
    /// An id: letters, digits and hyphens.
    case identifier
    /// A day written `YYYY-MM-DD`.
    case date
    case integer(min: Int, max: Int)
    case number
    /// `true` or `false`, nothing else.
    case boolean
    case choice([String])
    /// The id of another item.
    case reference(ItemKind)
    /// An indicator period: `2025-26 Q1`, `2025-04` or `2025-26`.
    case period
    /// A financial year, `2025-26`.
    case financialYear
    case url
    /// A path inside the content folder.
    case path
    case list(FieldType)
    case object(ObjectSchema)

    /// How the type reads in a diagnostic: "a date (YYYY-MM-DD)".
    public var phrase: String {
        switch self {
        case .text: return "text"
        case .markdown: return "Markdown text"
        case .identifier: return "an id (letters, digits and hyphens)"
        case .date: return "a date (YYYY-MM-DD)"
        case let .integer(min, max): return "a whole number from \(min) to \(max)"
        case .number: return "a number"
        case .boolean: return "true or false"
        case let .choice(options): return "one of " + options.joined(separator: ", ")
        case let .reference(kind): return "the id of \("aeiou".contains(kind.rawValue.first!) ? "an" : "a") \(kind.rawValue)"
        case .period: return "a period such as '2025-26 Q1', '2025-04' or '2025-26'"
        case .financialYear: return "a financial year such as '2025-26'"
        case .url: return "a web address or a site path"
        case .path: return "a path inside the content folder"
        case .list: return "a list"
        case let .object(schema): return "a mapping of \(schema.name) keys"
        }
    }
}

/// One key a mapping may hold.
public struct FieldSchema: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var summary: String

    public init(_ name: String, _ type: FieldType, required: Bool = false, _ summary: String) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
    }
}

/// The closed set of keys of a document kind or of a nested mapping.
///
/// A class, made once for each mapping of the schema and shared: decoding a value of one of
/// its types then takes one reference to it, where a structure would take one for each of
/// its lists and names, on every object of every document.
public final class ObjectSchema: Sendable {
    public let name: String
    public let summary: String
    public let fields: [FieldSchema]
    /// The `NameFingerprint` of each field's name, in the order of `fields`.
    let fieldPrints: [UInt64]
    /// The places in `fields` of the required fields.
    let requiredFields: [Int]

    public init(_ name: String, _ summary: String, _ fields: [FieldSchema]) {
        self.name = name
        self.summary = summary
        self.fields = fields
        fieldPrints = fields.map { NameFingerprint.of($0.name) }
        // A decoded value is found by its key's fingerprint alone (`DecodedTree.value(of:in:)`),
        // so no two of a schema's names may share one.
        precondition(Set(fieldPrints).count == fields.count, "two keys of the \(name) schema have the same fingerprint; rename one")
        requiredFields = fields.indices.filter { fields[$0].required }
    }

    /// Where the field named `key` is in `fields`, or nil when the schema has no such key.
    public func fieldIndex(_ key: String) -> Int? { fieldIndex(key, print: NameFingerprint.of(key)) }

    /// The same, given the key's `NameFingerprint`: fingerprints are compared, then the name
    /// whose fingerprint matches.
    func fieldIndex(_ key: String, print: UInt64) -> Int? {
        var index = fieldPrints.startIndex
        while let found = fieldPrints[index...].firstIndex(of: print) {
            if fields[found].name == key { return found }
            index = found + 1
        }
        return nil
    }

    /// The same, for a key given as its UTF-8 bytes.
    /// No two names share a fingerprint, so at most one name is compared; the fingerprints
    /// are read in place, without a slice of them that would count a reference.
    func fieldIndex(_ key: UnsafeBufferPointer<UInt8>, print: UInt64) -> Int? {
        for index in fieldPrints.indices where fieldPrints[index] == print {
            var name = fields[index].name
            return name.withUTF8 { sameBytes($0, key) } ? index : nil
        }
        return nil
    }
}

/// Shorthands that keep the schema tables readable.
func req(_ name: String, _ type: FieldType, _ summary: String) -> FieldSchema {
    FieldSchema(name, type, required: true, summary)
}

func opt(_ name: String, _ type: FieldType, _ summary: String) -> FieldSchema {
    FieldSchema(name, type, required: false, summary)
}

func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> FieldType where T.RawValue == String {
    .choice(T.allCases.map(\.rawValue))
}
