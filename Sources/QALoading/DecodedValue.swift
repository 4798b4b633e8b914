import QADiagnostics
import QAModel

/// A front-matter value after it has been checked against its schema.
///
/// Only the large cases are boxed, so that text, numbers and dates (most values) cost no
/// allocation of their own.
public enum DecodedValue: Sendable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case date(Day)
    indirect case period(Period)
    case financialYear(FinancialYear)
    case list([Located])
    indirect case object(DecodedObject)
}

public struct Located: Sendable {
    public var value: DecodedValue
    public var location: SourceLocation
}

/// A mapping whose keys all belong to its schema and whose values all have the right type.
/// Keys that were missing or wrong are absent; their diagnostics were already raised.
public struct DecodedObject: Sendable {
    public var fields: DecodedFields
    public var location: SourceLocation
    /// Keys of the schema that were written but not read: misspelt (with this key suggested)
    /// or holding an invalid value.
    public var unreadKeys: Set<String> = []

    public init(fields: DecodedFields = DecodedFields(), location: SourceLocation) {
        self.fields = fields
        self.location = location
    }

    public func location(of key: String) -> SourceLocation { fields[key]?.location ?? location }

    public func string(_ key: String) -> String? {
        if case let .string(s)? = fields[key]?.value { return s }
        return nil
    }

    public func text(_ key: String, default value: String = "") -> String { string(key) ?? value }

    public func integer(_ key: String) -> Int? {
        if case let .integer(n)? = fields[key]?.value { return n }
        return nil
    }

    public func number(_ key: String) -> Double? {
        switch fields[key]?.value {
        case let .number(n)?: return n
        case let .integer(n)?: return Double(n)
        default: return nil
        }
    }

    public func day(_ key: String) -> Day? {
        if case let .date(d)? = fields[key]?.value { return d }
        return nil
    }

    public func period(_ key: String) -> Period? {
        if case let .period(p)? = fields[key]?.value { return p }
        return nil
    }

    public func financialYear(_ key: String) -> FinancialYear? {
        if case let .financialYear(y)? = fields[key]?.value { return y }
        return nil
    }

    public func object(_ key: String) -> DecodedObject? {
        if case let .object(o)? = fields[key]?.value { return o }
        return nil
    }

    public func list(_ key: String) -> [Located] {
        if case let .list(items)? = fields[key]?.value { return items }
        return []
    }

    public func objects(_ key: String) -> [DecodedObject] {
        list(key).compactMap { if case let .object(o) = $0.value { return o } else { return nil } }
    }

    public func strings(_ key: String) -> [String] {
        list(key).compactMap { if case let .string(s) = $0.value { return s } else { return nil } }
    }

    public func days(_ key: String) -> [Day] {
        list(key).compactMap { if case let .date(d) = $0.value { return d } else { return nil } }
    }

    public func reference(_ key: String, _ kind: ItemKind) -> Reference? {
        string(key).map { Reference($0, kind, at: location(of: key)) }
    }

    public func references(_ key: String, _ kind: ItemKind) -> [Reference] {
        list(key).compactMap { item in
            if case let .string(s) = item.value { return Reference(s, kind, at: item.location) }
            return nil
        }
    }

    public func choice<T: RawRepresentable>(_ key: String, default value: T) -> T where T.RawValue == String {
        string(key).flatMap(T.init(rawValue:)) ?? value
    }

    public func audience(default value: Audience) -> Audience { choice("audience", default: value) }
}

/// An object's fields, in the order they were written. An object has a handful, so a key is
/// found by comparing it with each (the schema's own names, short enough to be compared in
/// place) rather than by hashing it into a table of its own: two short arrays instead of a
/// dictionary.
public struct DecodedFields: Sendable {
    private var names: [String] = []
    private var values: [Located] = []

    public init() {}

    public subscript(name: String) -> Located? {
        names.firstIndex(of: name).map { values[$0] }
    }

    /// Adds a field whose name is not there yet (the decoder refuses a key written twice).
    mutating func add(_ name: String, _ value: Located) {
        names.append(name)
        values.append(value)
    }

    public mutating func reserveCapacity(_ count: Int) {
        names.reserveCapacity(count)
        values.reserveCapacity(count)
    }
}
