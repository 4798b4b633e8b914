import QADiagnostics
import Yams

/// Parses YAML text with Yams and reports syntax errors at their place in the file.
enum YAMLReader {
    /// Deeper nesting than this is refused before parsing: Yams composes recursively, and no
    /// content kind nests more than five levels.
    static let nestingLimit = 64

    static func compose(_ yaml: String, path: String, lineOffset: Int) -> Result<Node?, Diagnostic> {
        if let line = tooDeep(yaml) {
            return .failure(.error(SourceLocation(path: path, line: line + lineOffset, column: 1),
                                   "the YAML nests more than \(nestingLimit) levels deep; no content kind needs more than a few levels", code: "yaml-too-deep"))
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

    /// The line on which nesting first passes the limit, counting flow brackets and block
    /// indentation, or nil. An estimate that errs on the side of letting YAML through.
    static func tooDeep(_ yaml: String) -> Int? {
        var depth = 0
        var line = 1
        var inQuote: Character? = nil
        var atLineStart = true
        var indentDepth = 0
        for ch in yaml {
            if ch == "\n" { line += 1; atLineStart = true; indentDepth = 0; inQuote = nil; continue }
            if atLineStart {
                if ch == " " || ch == "-" { indentDepth += 1; if indentDepth / 2 > nestingLimit { return line }; continue }
                atLineStart = false
            }
            if let q = inQuote { if ch == q { inQuote = nil }; continue }
            switch ch {
            case "\"", "'": inQuote = ch
            case "[", "{": depth += 1; if depth > nestingLimit { return line }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}
