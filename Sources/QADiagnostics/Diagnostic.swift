public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
}

/// One problem with the content. The message says what is wrong and, after a
/// semicolon, how to fix it. `code` is a stable name for the rule that raised it.
public struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var code: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, code: String) {
        self.severity = severity
        self.location = location
        self.message = message
        self.code = code
    }

    public static func error(_ location: SourceLocation, _ message: String, code: String) -> Diagnostic {
        Diagnostic(.error, location, message, code: code)
    }

    public static func warning(_ location: SourceLocation, _ message: String, code: String) -> Diagnostic {
        Diagnostic(.warning, location, message, code: code)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity == .error }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// This sorted list and another sorted list as one sorted list: the same as sorting both
    /// together, where an element of this list goes before an equal one of `other`.
    public func merging(_ other: [Diagnostic]) -> [Diagnostic] {
        guard !other.isEmpty else { return self }
        var merged: [Diagnostic] = []
        merged.reserveCapacity(count + other.count)
        var i = 0, j = 0
        while i < count, j < other.count {
            if other[j] < self[i] { merged.append(other[j]); j += 1 } else { merged.append(self[i]); i += 1 }
        }
        merged += self[i...]
        merged += other[j...]
        return merged
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}
