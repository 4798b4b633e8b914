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
            return .failure(diagnostic(for: error, path: path, lineOffset: lineOffset, yaml: yaml))
        } catch {
            return .failure(.error(SourceLocation(path: path, line: lineOffset + 1, column: 1), "the YAML could not be read: \(error)", code: "yaml-syntax"))
        }
    }

    static func diagnostic(for error: YamlError, path: String, lineOffset: Int, yaml: String = "") -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let fix = "check the indentation, that every 'key: value' has a space after the colon, and quote text that contains ': ' or starts with a special character"
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
