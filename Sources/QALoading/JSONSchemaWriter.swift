import QADiagnostics
import QAModel

/// Writes each document kind's schema as JSON Schema (draft 2020-12), so editors can check
/// front matter as people type (for example with the YAML language server).
public enum JSONSchemaWriter {
    public static func document(for kind: DocumentKind) -> String {
        var lines: [String] = []
        let header = [
            ("$schema", "\"https://json-schema.org/draft/2020-12/schema\""),
            ("$id", "\"https://qapress.invalid/schema/\(kind.rawValue).schema.json\""),
            ("title", quote("qapress \(kind.rawValue)")),
        ]
        lines.append("{")
        for (key, value) in header { lines.append("  \(quote(key)): \(value),") }
        lines.append(contentsOf: objectBody(kind.schema, indent: "  "))
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    public static var config: String {
        (["{", "  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",", "  \"title\": \"qapress config\","]
            + objectBody(ProjectConfig.schema, indent: "  ") + ["}"]).joined(separator: "\n") + "\n"
    }

    static func objectBody(_ schema: ObjectSchema, indent: String) -> [String] {
        var lines = ["\(indent)\"description\": \(quote(schema.summary)),", "\(indent)\"type\": \"object\","]
        let required = schema.fields.filter(\.required).map { quote($0.name) }
        if !required.isEmpty { lines.append("\(indent)\"required\": [\(required.joined(separator: ", "))],") }
        lines.append("\(indent)\"additionalProperties\": false,")
        lines.append("\(indent)\"properties\": {")
        for (i, field) in schema.fields.enumerated() {
            lines.append("\(indent)  \(quote(field.name)): {")
            lines.append("\(indent)    \"description\": \(quote(field.summary)),")
            lines.append(contentsOf: typeBody(field.type, indent: indent + "    "))
            lines.append("\(indent)  }" + (i == schema.fields.count - 1 ? "" : ","))
        }
        lines.append("\(indent)}")
        return lines
    }

    static func typeBody(_ type: FieldType, indent: String) -> [String] {
        func string(pattern: String? = nil) -> [String] {
            guard let pattern else { return ["\(indent)\"type\": \"string\""] }
            return ["\(indent)\"type\": \"string\",", "\(indent)\"pattern\": \(quote(pattern))"]
        }
        switch type {
        case .text, .markdown, .url, .path: return string()
        case .identifier, .reference: return string(pattern: "^[A-Za-z0-9][A-Za-z0-9-]*$")
        case .date: return string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        case .period: return string(pattern: "^[0-9]{4}(-[0-9]{2}( Q[1-4])?)$")
        case .financialYear: return string(pattern: "^[0-9]{4}-[0-9]{2}$")
        case let .integer(min, max):
            return ["\(indent)\"type\": \"integer\",", "\(indent)\"minimum\": \(min),", "\(indent)\"maximum\": \(max)"]
        case .number: return ["\(indent)\"type\": \"number\""]
        case .boolean: return ["\(indent)\"type\": \"boolean\""]
        case let .choice(options):
            return ["\(indent)\"enum\": [\(options.map(quote).joined(separator: ", "))]"]
        case let .list(element):
            return ["\(indent)\"type\": \"array\",", "\(indent)\"items\": {"] + typeBody(element, indent: indent + "  ") + ["\(indent)}"]
        case let .object(schema):
            var body = objectBody(schema, indent: indent)
            body[body.count - 1] = body[body.count - 1]
            return body
        }
    }

    static func quote(_ s: String) -> String { DiagnosticPrinter.jsonString(s) }
}
