/// A YAML node as qapress reads it: text, a mapping or a list, each with where it starts.
/// Built straight from libyaml's events by `YAMLReader`, without Yams's composer, which
/// resolves a tag for every scalar by regular expression and hashes whole subtrees to find
/// duplicate keys; the schema types scalars itself and finds duplicate keys by their text.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    struct Mark: Sendable, Hashable {
        /// Line and column, from 1; columns count Unicode scalars, as libyaml does.
        var line: Int
        var column: Int
    }

    struct Scalar: Sendable {
        enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }
        var string: String
        var style: Style
        var mark: Mark
    }

    struct Mapping: Sendable, Sequence {
        var pairs: [(YAMLNode, YAMLNode)]
        var mark: Mark
        func makeIterator() -> IndexingIterator<[(YAMLNode, YAMLNode)]> { pairs.makeIterator() }
    }

    struct List: Sendable, Sequence {
        var nodes: [YAMLNode]
        var mark: Mark
        func makeIterator() -> IndexingIterator<[YAMLNode]> { nodes.makeIterator() }
    }

    var mark: Mark? {
        switch self {
        case let .scalar(s): return s.mark
        case let .mapping(m): return m.mark
        case let .sequence(l): return l.mark
        }
    }

    var scalar: Scalar? {
        if case let .scalar(s) = self { return s }
        return nil
    }
}
