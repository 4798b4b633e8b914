/// How diagnostics are written for people, programs and CI.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github
}

public enum DiagnosticPrinter {
    /// The diagnostics, sorted, in the chosen format. Text and GitHub output end with a newline per line.
    public static func render(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        // `check` hands them over sorted already: then they are only looked through.
        let sorted = diagnostics.isSortedAscending ? diagnostics : diagnostics.sortedByPlace()
        switch format {
        case .text:
            // A large site can have thousands of warnings: their lines are made on every core.
            return (sorted.count > 512 ? sorted.parallelMap { "\($0)\n" } : sorted.map { "\($0)\n" }).joined()
        case .github:
            return sorted.map(githubLine).joined()
        case .json:
            let items = sorted.map { d in
                "  {\"severity\": \(jsonString(d.severity.rawValue)), \"path\": \(jsonString(d.location.path)), "
                    + "\"line\": \(d.location.line), \"column\": \(d.location.column), "
                    + "\"code\": \(jsonString(d.code)), \"message\": \(jsonString(d.message))}"
            }
            return items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
        }
    }

    /// One-line count, e.g. "2 errors, 1 warning".
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let e = diagnostics.errorCount, w = diagnostics.warningCount
        return "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
    }

    static func githubLine(_ d: Diagnostic) -> String {
        let level = d.severity == .error ? "error" : "warning"
        let props = "file=\(escapeProperty(d.location.path)),line=\(d.location.line),col=\(d.location.column),title=\(escapeProperty("qapress " + d.code))"
        return "::\(level) \(props)::\(escapeData(d.message))\n"
    }

    static func escapeData(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }

    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
