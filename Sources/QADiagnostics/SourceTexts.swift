/// The text of a content file by path, for checks that point at an exact line and column.
/// Read when asked for rather than kept: a diagnostic that needs it is rare, and keeping every
/// file's text would double what a large partnership holds in memory.
public struct SourceTexts: Sendable {
    let read: @Sendable (String) -> String?

    public init(_ read: @escaping @Sendable (String) -> String?) {
        self.read = read
    }

    public init(_ texts: [String: String] = [:]) {
        self.read = { texts[$0] }
    }

    public subscript(path: String) -> String? { read(path) }
}
