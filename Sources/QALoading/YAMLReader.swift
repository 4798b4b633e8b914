import QADiagnostics
import CYaml
import Yams

/// Parses YAML text with Yams and reports syntax errors at their place in the file.
enum YAMLReader {
    /// Deeper nesting than this is refused before parsing: Yams composes recursively, and no
    /// content kind nests more than five levels.
    static let nestingLimit = 64

    static func compose(_ yaml: String, path: String, lineOffset: Int) -> Result<Node?, Diagnostic> {
        if let found = prescan(yaml) {
            return .failure(.error(SourceLocation(path: path, line: found.line + lineOffset, column: found.column), found.problem, code: found.code))
        }
        do {
            return .success(try Yams.compose(yaml: yaml))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(.error(SourceLocation(path: path, line: lineOffset + 1, column: 1), "the YAML could not be read: \(error)", code: "yaml-syntax"))
        }
    }

    static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        let fix = "check the indentation, that every 'key: value' has a space after the colon, and quote text that contains ': ' or starts with a special character"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line + lineOffset))" } ?? ""
            return .error(at(mark), "invalid YAML: \(problem)\(while_); \(fix)", code: "yaml-syntax")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(at(context.mark), "duplicate key \(keys) in one mapping; keep only one of them", code: "duplicate-key")
        default:
            return .error(SourceLocation(path: path, line: lineOffset + 1, column: 1), "invalid YAML: \(error); \(fix)", code: "yaml-syntax")
        }
    }

    /// What a pass over libyaml's event stream found before composing: the first alias
    /// (aliases are refused, which also defuses "billion laughs"), nesting past the limit, or
    /// too many values. Composing happens only when this finds nothing, so Yams's recursive
    /// composer never sees a deep or exploding document.
    static func prescan(_ yaml: String) -> (line: Int, column: Int, problem: String, code: String)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> (Int, Int, String, String)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            var events = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil } // Yams reports syntax errors
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                events += 1
                switch event.type {
                case YAML_ALIAS_EVENT:
                    return (line, column, "YAML aliases (*name) are not supported; write the value out in full instead of repeating it by alias", "yaml-alias")
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > nestingLimit {
                        return (line, column, "the YAML nests more than \(nestingLimit) levels deep; no content kind needs more than a few levels", "yaml-too-deep")
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    break
                }
                if events > eventLimit {
                    return (line, column, "the YAML holds more than \(eventLimit) values; split it into several files", "too-large")
                }
            }
        }
    }

    static let eventLimit = 200_000
}
