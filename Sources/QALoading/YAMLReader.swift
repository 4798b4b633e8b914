import QADiagnostics
import CYaml
import Yams

/// Parses YAML text with Yams and reports syntax errors at their place in the file.
enum YAMLReader {
    /// Deeper nesting than this is refused before parsing: Yams composes recursively, and no
    /// content kind nests more than five levels.
    static let nestingLimit = 64

    /// The tree of YAML cut out of a file's text, nil for an empty document, or the first
    /// problem. The fast reader reads it in place; only libyaml's path copies it.
    static func compose(_ yaml: Substring, path: String, lineOffset: Int) -> Result<YAMLTree?, Diagnostic> {
        var text = yaml
        return text.withUTF8 { compose(utf8: $0, path: path, lineOffset: lineOffset) }
    }

    /// The same, for YAML given as its UTF-8 bytes (valid UTF-8), read in place: the loader
    /// reads front matter this way, straight from the file's bytes. Only a document the fast
    /// reader leaves to libyaml is copied into a string.
    static func compose(utf8 yaml: UnsafeBufferPointer<UInt8>, path: String, lineOffset: Int) -> Result<YAMLTree?, Diagnostic> {
        if let tree = YAMLSubsetReader.read(yaml) { return .success(tree.root == nil ? nil : tree) }
        let copy = String(decoding: yaml, as: UTF8.self)
        return composed(readWithLibyaml(copy, lineOffset: lineOffset), yaml: copy, path: path, lineOffset: lineOffset)
    }

    /// The YAML's tree, nil for an empty document, or the first problem.
    static func compose(_ yaml: String, path: String, lineOffset: Int) -> Result<YAMLTree?, Diagnostic> {
        composed(read(yaml, lineOffset: lineOffset), yaml: yaml, path: path, lineOffset: lineOffset)
    }

    /// What a reading of `yaml` gives: its tree, or its problem worded.
    private static func composed(_ reading: Reading, yaml: String, path: String, lineOffset: Int) -> Result<YAMLTree?, Diagnostic> {
        switch reading {
        case let .tree(tree):
            return .success(tree.root == nil ? nil : tree)
        case let .refused(line, column, problem, code):
            return .failure(.error(SourceLocation(path: path, line: line + lineOffset, column: column), problem, code: code))
        case .askYams:
            // Syntax errors and several documents: Yams words the problem.
            do {
                _ = try Yams.compose(yaml: yaml)
                return .failure(.error(SourceLocation(path: path, line: lineOffset + 1, column: 1), "the YAML could not be read; \(fixHint)", code: "yaml-syntax"))
            } catch let error as YamlError {
                return .failure(diagnostic(for: error, path: path, lineOffset: lineOffset, yaml: yaml))
            } catch {
                return .failure(.error(SourceLocation(path: path, line: lineOffset + 1, column: 1), "the YAML could not be read: \(error)", code: "yaml-syntax"))
            }
        }
    }

    static let fixHint = "check the indentation, that every 'key: value' has a space after the colon, and quote text that contains ': ' or starts with a special character"

    static func diagnostic(for error: YamlError, path: String, lineOffset: Int, yaml: String = "") -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let fix = fixHint
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            if let context, context.text.contains("quoted scalar") {
                return .error(at(context.mark), "the quoted text that starts here is never closed; add the closing quote mark", code: "yaml-syntax")
            }
            if let context, context.text.contains("simple key"), problem.contains("':'") {
                return .error(at(context.mark), "this line has no ':' after its key; write 'key: value', with a space after the colon", code: "yaml-syntax")
            }
            if mark.line >= 1, mark.line <= lines.count, lines[mark.line - 1].prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                return .error(SourceLocation(path: path, line: mark.line + lineOffset, column: 1), "this line is indented with a tab; YAML indentation must use spaces", code: "yaml-syntax")
            }
            let while_ = context.map { " (\($0.text) at line \($0.mark.line + lineOffset))" } ?? ""
            return .error(at(mark), "invalid YAML: \(problem)\(while_); \(fix)", code: "yaml-syntax")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            // Yams points at the mapping; find the repeated key's own line to point at it.
            let matches = lines.indices.filter { i in
                let trimmed = lines[i].drop { $0 == " " || $0 == "-" }
                return trimmed.hasPrefix(key + ":") && i + 1 >= context.mark.line
            }
            if matches.count >= 2 {
                let line = matches[1]
                let column = lines[line].distance(from: lines[line].startIndex, to: lines[line].range(of: key)!.lowerBound) + 1
                return .error(SourceLocation(path: path, line: line + 1 + lineOffset, column: column), "duplicate key '\(key)': it is already set on line \(matches[0] + 1 + lineOffset); keep only one of them", code: "duplicate-key")
            }
            return .error(at(context.mark), "duplicate key '\(key)' in one mapping; keep only one of them", code: "duplicate-key")
        default:
            return .error(SourceLocation(path: path, line: lineOffset + 1, column: 1), "invalid YAML: \(error); \(fix)", code: "yaml-syntax")
        }
    }

    enum Reading {
        case tree(YAMLTree)
        /// Refused before composing: an alias (which also defuses "billion laughs"), nesting
        /// past the limit or too many values.
        case refused(line: Int, column: Int, problem: String, code: String)
        /// Something Yams explains best: a syntax error or a second document.
        case askYams
    }

    /// The tree of `yaml`: read by `YAMLSubsetReader` when the text keeps to the shapes
    /// content is written in, else by libyaml.
    static func read(_ yaml: String, lineOffset: Int = 0) -> Reading {
        var text = yaml
        if let tree = text.withUTF8({ YAMLSubsetReader.read($0) }) { return .tree(tree) }
        return readWithLibyaml(yaml, lineOffset: lineOffset)
    }

    /// One pass over libyaml's events that checks the limits and builds the tree, with a
    /// stack rather than recursion, so deep input cannot exhaust the thread's stack.
    static func readWithLibyaml(_ yaml: String, lineOffset: Int = 0) -> Reading {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .askYams }
        defer { yaml_parser_delete(&parser) }
        var text = yaml
        return text.withUTF8 { buffer -> Reading in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var tree = YAMLTree()
            /// Open mappings and lists: their mark, and where their nodes start in `pending`.
            var open: [(mapping: Bool, mark: YAMLTree.Mark, start: Int)] = []
            /// The nodes of the open mappings and lists, the innermost last.
            var pending: [Int32] = []
            var documents = 0
            var events = 0
            func add(_ node: YAMLTree.Node) {
                if open.isEmpty { tree.root = node } else { pending.append(Int32(node)) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return .askYams }
                defer { yaml_event_delete(&event) }
                let mark = YAMLTree.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                events += 1
                if events > eventLimit {
                    return .refused(line: mark.line, column: mark.column, problem: "the YAML holds more than \(eventLimit) values; split it into several files", code: "too-large")
                }
                switch event.type {
                case YAML_ALIAS_EVENT:
                    return .refused(line: mark.line, column: mark.column, problem: "YAML aliases (*name) are not supported; write the value out in full instead of repeating it by alias", code: "yaml-alias")
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 { return .askYams }
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let bytes = UnsafeBufferPointer(start: scalar.value.map { UnsafePointer($0) }, count: scalar.value == nil ? 0 : scalar.length)
                    add(tree.addScalar(bytes, style: style(scalar.style), at: mark))
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if open.count >= nestingLimit {
                        return .refused(line: mark.line, column: mark.column, problem: "the YAML nests more than \(nestingLimit) levels deep; no content kind needs more than a few levels", code: "yaml-too-deep")
                    }
                    open.append((event.type == YAML_MAPPING_START_EVENT, mark, pending.count))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let container = open.removeLast()
                    let nodes = pending[container.start...]
                    if container.mapping, let repeated = repeatedKey(in: nodes, of: tree) {
                        return .refused(line: repeated.at.line, column: repeated.at.column, problem: "duplicate key '\(repeated.key)': it is already set on line \(repeated.first.line + lineOffset); keep only one of them", code: "duplicate-key")
                    }
                    let node = tree.addContainer(container.mapping ? .mapping : .sequence, nodes, at: container.mark)
                    pending.removeSubrange(container.start...)
                    add(node)
                case YAML_STREAM_END_EVENT:
                    return .tree(tree)
                default:
                    break
                }
            }
        }
    }

    /// The first key of a mapping (its keys and values, one after the other) that repeats an
    /// earlier one, with the earlier one's place: compared one by one while there are few
    /// keys, as in almost every mapping (no allocation), hashed past that.
    static func repeatedKey(in nodes: ArraySlice<Int32>, of tree: YAMLTree) -> (key: String, at: YAMLTree.Mark, first: YAMLTree.Mark)? {
        let keys = stride(from: nodes.startIndex, to: nodes.endIndex - 1, by: 2)
        if nodes.count <= 32 {
            for index in keys {
                guard let key = tree.scalar(Int(nodes[index])) else { continue }
                for earlier in stride(from: nodes.startIndex, to: index, by: 2) where tree.scalar(Int(nodes[earlier])) == key {
                    return (key, tree.mark(Int(nodes[index])), tree.mark(Int(nodes[earlier])))
                }
            }
            return nil
        }
        var seen: [String: Int] = [:]
        for index in keys {
            let node = Int(nodes[index])
            guard let key = tree.scalar(node) else { continue }
            if let first = seen[key] { return (key, tree.mark(node), tree.mark(first)) }
            seen[key] = node
        }
        return nil
    }

    static func style(_ style: yaml_scalar_style_t) -> YAMLTree.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    static let eventLimit = 200_000
}
