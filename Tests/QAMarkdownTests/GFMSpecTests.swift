import Foundation
import QAMarkdown
import Testing

/// Runs the examples of the GFM spec that Debian's cmark-gfm package ships
/// (/usr/share/doc/cmark-gfm/spec.txt.gz) through qapress's Markdown wrapper.
@Suite struct GFMSpecTests {
    struct Example {
        var number: Int
        var section: String
        var markdown: String
        var html: String
        var extensions: [String]
    }

    static let specPath = "/usr/share/doc/cmark-gfm/spec.txt.gz"

    static func examples() throws -> [Example] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", specPath]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var state = 0 // 0 outside, 1 markdown, 2 html
        var markdown = "", html = "", extensions: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if state == 0 {
                if line.hasPrefix("#") { section = line.drop { $0 == "#" || $0 == " " }.description }
                if line.hasPrefix(fence + " example") {
                    extensions = line.dropFirst(fence.count + 8).split(separator: " ").map(String.init)
                    markdown = ""; html = ""; state = 1
                }
            } else if line == "." && state == 1 {
                state = 2
            } else if line == fence {
                let tab = { (s: String) in s.replacingOccurrences(of: "→", with: "\t") }
                examples.append(Example(number: examples.count + 1, section: section, markdown: tab(markdown), html: tab(html), extensions: extensions))
                state = 0
            } else if state == 1 {
                markdown += line + "\n"
            } else {
                html += line + "\n"
            }
        }
        return examples
    }

    /// HTML with each tag's attributes sorted and void-element slashes dropped, as the spec's
    /// own runner (normalize.py) compares it.
    static func normalized(_ html: String) -> String {
        let tag = try! NSRegularExpression(pattern: "<([a-z0-9]+)((?:\\s+[a-z-]+(?:=\"[^\"]*\")?)*)\\s*/?>")
        let ns = html as NSString
        var out = ""
        var last = 0
        for match in tag.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            let name = ns.substring(with: match.range(at: 1))
            let attributes = ns.substring(with: match.range(at: 2)).split(separator: " ").map(String.init).sorted()
            out += "<" + ([name] + attributes).joined(separator: " ") + ">"
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }

    /// Why an example's expected output cannot match by design, or nil when it must match.
    static func exception(_ example: Example, actual: String) -> String? {
        if actual.contains("<!-- raw HTML omitted -->") || actual.contains("<a href=\"\">") && example.html.contains("javascript:") {
            return "raw HTML is not passed through (qapress never sets CMARK_OPT_UNSAFE)"
        }
        if example.html.contains("javascript:") || example.html.contains("vbscript:") || example.html.contains("data:") {
            return "unsafe link destinations are removed without CMARK_OPT_UNSAFE"
        }
        return nil
    }

    @Test("every applicable GFM spec example renders as the spec says")
    func specExamples() throws {
        let examples = try Self.examples()
        #expect(examples.count > 600, "the spec should hold over 600 examples; found \(examples.count)")
        var passed = 0
        var exceptions: [String] = []
        var failures: [String] = []
        for example in examples {
            // The spec marks its task-list examples "disabled" (its own runner skips them);
            // qapress enables tasklist, so they run with it.
            var extensions = example.extensions.filter { $0 != "disabled" }
            if example.extensions.contains("disabled"), example.section.hasPrefix("Task list") { extensions = ["tasklist"] }
            let renderer = MarkdownRenderer(options: .init(smartPunctuation: false, footnotes: false, extensions: extensions))
            let actual = renderer.html(example.markdown)
            if actual == example.html || Self.normalized(actual) == Self.normalized(example.html) {
                passed += 1
            } else if let reason = Self.exception(example, actual: actual) {
                exceptions.append("example \(example.number) (\(example.section)): \(reason)")
            } else {
                failures.append("example \(example.number) (\(example.section))\n--- markdown\n\(example.markdown)--- expected\n\(example.html)--- actual\n\(actual)")
            }
        }
        print("GFM spec: \(passed) of \(examples.count) examples passed; \(exceptions.count) exceptions by design; \(failures.count) failures")
        for line in exceptions { print("  exception: \(line)") }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }
}
