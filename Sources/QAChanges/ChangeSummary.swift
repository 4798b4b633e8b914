import QADiagnostics

/// The changes as a pull-request comment (Markdown) or as JSON.
public enum ChangeSummary {
    public static func markdown(_ changes: [ContentChange], base: String, head: String) -> String {
        var out = "## QA changes from `\(base)` to `\(head)`\n\n"
        if changes.isEmpty { return out + "No change to the QA content.\n" }
        let public_ = changes.filter { $0.kind == .becamePublic }
        if !public_.isEmpty {
            out += "> [!WARNING]\n> **\(public_.count) item\(public_.count == 1 ? "" : "s") will now appear on the public site.** Check that nothing in \(public_.count == 1 ? "it" : "them") identifies a child or family before merging.\n\n"
        }
        let introduced = changes.filter { $0.kind == .problemIntroduced }.count
        if introduced > 0 {
            out += "> [!CAUTION]\n> This change introduces \(introduced) problem\(introduced == 1 ? "" : "s") that `qapress check` reports.\n\n"
        }
        for kind in ContentChange.Kind.allCases {
            let these = changes.filter { $0.kind == kind }
            guard !these.isEmpty else { continue }
            out += "### \(kind.heading) (\(these.count))\n\n"
            out += these.map { "- \($0.text) — `\($0.path)`\n" }.joined() + "\n"
        }
        return out
    }

    public static func json(_ changes: [ContentChange], base: String, head: String) -> String {
        let items = changes.map {
            "    {\"kind\": \(DiagnosticPrinter.jsonString($0.kind.rawValue)), \"item\": \(DiagnosticPrinter.jsonString($0.item)), "
                + "\"path\": \(DiagnosticPrinter.jsonString($0.path)), \"text\": \(DiagnosticPrinter.jsonString($0.text))}"
        }
        return "{\n  \"base\": \(DiagnosticPrinter.jsonString(base)),\n  \"head\": \(DiagnosticPrinter.jsonString(head)),\n  \"changes\": [\n"
            + items.joined(separator: ",\n") + (items.isEmpty ? "" : "\n") + "  ]\n}\n"
    }
}
