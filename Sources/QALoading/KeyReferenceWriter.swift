/// The reference tables of docs/CONTENT.md: every kind's keys, generated from the schemas so
/// the documentation cannot drift from what the loader accepts.
public enum KeyReferenceWriter {
    public static var markdown: String {
        var out = ""
        for kind in DocumentKind.allCases {
            out += "### \(kind.rawValue) (`\(kind.place)`)\n\n\(kind.schema.summary)\n\n"
            out += table(kind.schema, prefix: "")
        }
        return out
    }

    static func table(_ schema: ObjectSchema, prefix: String) -> String {
        var rows = prefix.isEmpty ? "| key | required | type | meaning |\n| --- | --- | --- | --- |\n" : ""
        for field in schema.fields {
            let name = prefix + field.name
            rows += "| `\(name)` | \(field.required ? "yes" : "no") | \(typeName(field.type)) | \(field.summary) |\n"
            switch field.type {
            case let .object(inner): rows += table(inner, prefix: name + ".")
            case let .list(.object(inner)): rows += table(inner, prefix: name + "[].")
            default: break
            }
        }
        return prefix.isEmpty ? rows + "\n" : rows
    }

    static func typeName(_ type: FieldType) -> String {
        switch type {
        case .text: return "text"
        case .markdown: return "Markdown"
        case .identifier: return "id"
        case .date: return "date"
        case let .integer(min, max): return "whole number \(min)–\(max)"
        case .number: return "number"
        case .boolean: return "true/false"
        case let .choice(options): return options.map { "`\($0)`" }.joined(separator: ", ")
        case let .reference(kind): return "\(kind.rawValue) id"
        case .period: return "period"
        case .financialYear: return "financial year"
        case .url: return "address"
        case .path: return "path"
        case let .list(element): return "list of \(typeName(element))"
        case .object: return "mapping"
        }
    }
}
