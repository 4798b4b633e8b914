import Foundation
import QADiagnostics
import QAModel
@testable import QARendering
import Testing

/// The template engine feature by feature, with the exact output expected (each also agrees
/// with swift-mustache, which the differential tests check at large).
@Suite struct TemplateEngineTests {
    /// Our engine's output; unless told otherwise, also checks that swift-mustache agrees.
    func render(_ template: String, _ context: [String: Any] = [:], partials: [String: String] = [:], sameAsBefore: Bool = true,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        var sources = partials
        sources["main"] = template
        let output = try TemplateLibrary(sources: sources).render(context, withTemplate: "main") ?? "(no template)"
        if sameAsBefore {
            let reference = try ReferenceTemplates(sources).render(context, withTemplate: "main")
            #expect(output == reference, "swift-mustache rendered \(String(reflecting: reference))", sourceLocation: sourceLocation)
        }
        return output
    }

    @Test("rendered in pieces, a page is the same bytes as rendered whole, indented partials and all")
    func piecesJoinToTheWhole() throws {
        let library = try TemplateLibrary(sources: [
            "main": "<ul>\n{{#rows}}\n  <li>{{name}}: {{{html}}}</li>\n  {{>row}}\n{{/rows}}\n</ul>\n{{^rows}}none{{/rows}}",
            "row": "<p>\n{{#tags}}\n  <b>{{.}}</b>\n{{/tags}}\n</p>\n",
        ])
        let rows: [[String: Any]] = (0..<500).map { ["name": "Row \($0) & more", "html": "<em>\($0)</em>\nsecond line", "tags": ["a", "b\nc"]] }
        let whole = library.renderUTF8(["rows": rows], withTemplate: "main")!
        for piece in [1, 7, 64, 4096, 1 << 20] {
            var pieces: [[UInt8]] = []
            #expect(library.renderUTF8(["rows": rows], withTemplate: "main", piece: piece) { pieces.append($0) })
            #expect(Array(pieces.joined()) == whole, "pieces of \(piece) bytes")
            if piece == 64 { #expect(pieces.count > 100, "a large page comes in many pieces") }
        }
        #expect(!library.renderUTF8([:], withTemplate: "missing", piece: 64) { _ in })
    }

    @Test("a list made item by item renders as the same list made whole, and holds one item at a time")
    func lazyList() throws {
        let template = "{{#rows}}<li>{{name}}{{#tags}} [{{.}}]{{/tags}}{{^note}} (no note){{/note}}</li>{{/rows}}{{^rows}}none{{/rows}}|{{#empty}}x{{/empty}}{{^empty}}no rows{{/empty}}"
        let rows: [[String: Any]] = (0..<50).map { ["name": "Row \($0) & <more>", "tags": $0 % 2 == 0 ? ["even"] : [], "note": $0 % 3 == 0 ? "" : "n"] }
        let whole = try render(template, ["rows": rows, "empty": [[String: Any]]()])
        final class Count: @unchecked Sendable { var made = 0, live = 0, most = 0 }
        let count = Count()
        final class Tracked { let count: Count; init(_ count: Count) { self.count = count; count.live += 1; count.most = max(count.most, count.live) }; deinit { count.live -= 1 } }
        let lazy = LazyDictionaries(count: rows.count) { index in
            count.made += 1
            var row = rows[index]
            row["tracked"] = Tracked(count)
            return TemplateContext(converting: row)
        }
        let items = try render(template, ["rows": lazy, "empty": LazyDictionaries(count: 0) { _ in [:] }], sameAsBefore: false)
        #expect(items == whole)
        #expect(count.made == rows.count, "each item is made when it is rendered")
        #expect(count.most == 1, "and let go once rendered")
    }

    // MARK: Values

    @Test("{{name}} escapes & < > \" ' exactly as swift-mustache did, and {{{name}}} and {{& name}} do not")
    func escaping() throws {
        let context: [String: Any] = ["v": "<a href=\"x\">Tom & Jerry's</a>"]
        #expect(try render("{{v}}", context) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(try render("{{{v}}}", context) == "<a href=\"x\">Tom & Jerry's</a>")
        #expect(try render("{{& v}}", context) == "<a href=\"x\">Tom & Jerry's</a>")
        #expect(try render("[{{ v }}]", ["v": "é—ü 😀"]) == "[é—ü 😀]")
    }

    @Test("a quote followed by a combining mark is still escaped")
    func escapingBeforeCombiningMark() throws {
        // swift-mustache compared characters, and `"` + U+0301 is one character that is not `"`.
        let before = try ReferenceTemplates(["t": "<p title=\"{{v}}\">"]).render(["v": "\"\u{301} onmouseover=x"], withTemplate: "t")
        #expect(before == "<p title=\"\"\u{301} onmouseover=x\">")
        #expect(try render("<p title=\"{{v}}\">", ["v": "\"\u{301} onmouseover=x"], sameAsBefore: false) == "<p title=\"&quot;\u{301} onmouseover=x\">")
    }

    @Test("rendered HTML passes into another template as bytes, and behaves as text")
    func renderedHTML() throws {
        let context: [String: Any] = ["body": RenderedHTML(bytes: Array("<p>a & b</p>".utf8)), "none": RenderedHTML(bytes: [])]
        #expect(try render("{{{body}}}|{{body}}|{{#body}}yes{{/body}}|{{^none}}empty is missing{{/none}}", context)
            == "<p>a & b</p>|&lt;p&gt;a &amp; b&lt;/p&gt;|yes|empty is missing")
    }

    @Test("numbers and booleans are written as Swift writes them")
    func numbers() throws {
        let context: [String: Any] = ["i": 42, "n": -3, "d": 2.5, "whole": 3.0, "tenth": 0.1, "yes": true, "no": false]
        #expect(try render("{{i}} {{n}} {{d}} {{whole}} {{tenth}} {{yes}} {{no}}", context) == "42 -3 2.5 3.0 0.1 true false")
    }

    @Test("a missing name renders nothing")
    func missing() throws {
        #expect(try render("[{{nothing}}][{{{nothing}}}][{{a.b}}]", ["a": ["c": 1]]) == "[][][]")
    }

    @Test("dotted names look the first part up outwards, then the rest inside it")
    func dottedNames() throws {
        let context: [String: Any] = ["a": ["b": ["c": "deep"]], "x": "outer", "list": [["y": "item"]]]
        #expect(try render("{{a.b.c}}", context) == "deep")
        #expect(try render("{{#list}}{{y}} {{x}} {{a.b.c}}{{/list}}", context) == "item outer deep")
        // Once `a` is found, `a.x` does not look further out for `x`.
        #expect(try render("{{#a}}{{b.x}}|{{x}}{{/a}}", context) == "|outer")
        #expect(try render("{{#a.b}}{{c}}{{/a.b}}", context) == "deep")
    }

    @Test("{{.}} is the current item")
    func implicitIterator() throws {
        #expect(try render("{{#items}}<{{.}}>{{/items}}", ["items": ["a", "b&c"]]) == "<a><b&amp;c>")
        #expect(try render("{{#n}}{{.}}{{/n}}", ["n": 7]) == "7")
        #expect(try render("{{#items}}{{{.}}},{{/items}}", ["items": [1, "two", 3.5] as [Any]]) == "1,two,3.5,")
    }

    // MARK: Sections

    @Test("sections: false, missing and empty lists skip; lists repeat; dictionaries push; true renders once")
    func sections() throws {
        let context: [String: Any] = [
            "f": false, "t": true, "empty": [[String: Any]](), "list": [["n": 1], ["n": 2]],
            "dict": ["n": "inner"], "n": "outer", "text": "words", "zero": 0, "blank": "",
        ]
        #expect(try render("[{{#f}}x{{/f}}][{{#missing}}x{{/missing}}][{{#empty}}x{{/empty}}]", context) == "[][][]")
        #expect(try render("{{#list}}({{n}}){{/list}}", context) == "(1)(2)")
        #expect(try render("{{#dict}}{{n}}{{/dict}} {{n}}", context) == "inner outer")
        #expect(try render("{{#t}}{{n}}{{/t}}", context) == "outer")
        // Any other value renders once with itself pushed, even 0; empty text is missing.
        #expect(try render("{{#text}}[{{.}}]{{/text}}{{#zero}}[{{.}}]{{/zero}}{{#blank}}[{{.}}]{{/blank}}", context) == "[words][0]")
    }

    @Test("inverted sections render for false, missing and empty lists only")
    func invertedSections() throws {
        let context: [String: Any] = ["f": false, "t": true, "empty": [String](), "list": ["a"], "text": "", "dict": [String: Any]()]
        #expect(try render("{{^f}}1{{/f}}{{^missing}}2{{/missing}}{{^empty}}3{{/empty}}", context) == "123")
        #expect(try render("{{^t}}1{{/t}}{{^list}}2{{/list}}{{^dict}}4{{/dict}}", context) == "")
        #expect(try render("{{^text}}empty text is missing{{/text}}", context) == "empty text is missing")
    }

    @Test("an entry that is empty text counts as missing, so the name is looked up further out")
    func emptyTextIsMissing() throws {
        let context: [String: Any] = ["summary": "page summary", "items": [["title": "a", "summary": ""], ["title": "b", "summary": "own"]],
                                      "texts": ["", "x"], "strings": ["k": ""] as [String: String]]
        #expect(try render("{{#items}}{{title}}: {{summary}}; {{/items}}", context) == "a: page summary; b: own; ")
        #expect(try render("{{#items}}{{#summary}}[{{.}}]{{/summary}}{{/items}}", ["items": [["summary": ""]]]) == "")
        // Items of a list of texts are not entries: an empty one is still rendered.
        #expect(try render("{{#texts}}({{.}}){{/texts}}", context) == "()(x)")
        #expect(try render("{{^strings.k}}no k{{/strings.k}}", context) == "no k")
    }

    @Test("an optional in a context is a value when it holds one, and still counts as present when it is nil")
    func optionals() throws {
        let context: [String: Any] = ["some": Optional<[String: Any]>.some(["n": "x"]) as Any, "none": Optional<[String: Any]>.none as Any]
        #expect(try render("{{#some}}{{n}}{{/some}}", context) == "x")
        #expect(try render("{{#none}}shown{{/none}}{{^none}}hidden{{/none}}", context) == "shown")
        #expect(try render("{{none}}", context) == "nil")
    }

    @Test("comments render nothing")
    func comments() throws {
        #expect(try render("a{{! a comment }}b{{!\nmulti\nline\n}}c") == "abc")
    }

    // MARK: Standalone lines

    @Test("a section, inverted, closing or comment tag alone on its line leaves no line behind")
    func standaloneLines() throws {
        let context: [String: Any] = ["items": ["a", "b"], "f": false]
        #expect(try render("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", context) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("a\n\t{{^f}}  \r\nb\n {{/f}}\nc\n", context) == "a\nb\nc\n")
        #expect(try render("a\n  {{! note }}\nb\n") == "a\nb\n")
        #expect(try render("a\n{{#f}}\nb\n{{/f}}") == "a\n")
    }

    @Test("a tag with other text on its line keeps the line")
    func notStandalone() throws {
        #expect(try render(" {{#t}}x{{/t}} \n", ["t": true]) == " x \n")
        #expect(try render("a {{! c }}\nb") == "a \nb")
        #expect(try render("  {{v}}\n", ["v": "x"]) == "  x\n")
    }

    @Test("after a section, the next tag counts as standalone only if the section's opening tag was (as swift-mustache had it)")
    func standaloneAfterSection() throws {
        // The spec would drop the line of `{{#b}}`; swift-mustache, and so qapress, keeps it.
        #expect(try render("x {{#a}}\ny\n{{/a}}\n{{#b}}\nq\n{{/b}}\n", ["a": true, "b": true]) == "x \ny\n\nq\n")
    }

    @Test("a would-be standalone tag on the last line, followed by spaces, keeps the line (as swift-mustache had it)")
    func standaloneAtEnd() throws {
        #expect(try render("a\n  {{! c }}  ") == "a\n    ")
        #expect(try render("a\n  {{! c }}") == "a\n")
    }

    @Test("an opening delimiter straight before a line break is dropped (as swift-mustache had it)")
    func delimiterBeforeLineBreak() throws {
        #expect(try render("a{{\nb}}") == "a\nb}}")
    }

    // MARK: Partials

    @Test("partials render with the current context; a missing partial renders nothing")
    func partials() throws {
        let partials = ["item": "<li>{{name}}</li>"]
        #expect(try render("{{#list}}{{> item}}{{/list}}", ["list": [["name": "a"], ["name": "b"]]], partials: partials) == "<li>a</li><li>b</li>")
        #expect(try render("[{{> nowhere}}]", partials: partials) == "[]")
    }

    @Test("a standalone partial indents each line it renders by the whitespace before it")
    func partialIndentation() throws {
        let partials = ["box": "<div>\n{{{body}}}\n</div>\n", "outer": "<section>\n  {{> box}}\n</section>\n"]
        #expect(try render("<main>\n  {{> box}}\n</main>\n", ["body": "x"], partials: partials) == "<main>\n  <div>\n  x\n  </div>\n</main>\n")
        // Indentation adds up through nested partials.
        #expect(try render("  {{> outer}}\n", ["body": "x"], partials: partials) == "  <section>\n    <div>\n    x\n    </div>\n  </section>\n")
        // Not alone on its line: no indentation.
        #expect(try render("a {{> box}}\n", ["body": "x"], partials: partials) == "a <div>\nx\n</div>\n\n")
    }

    @Test("a list inside an indented partial indents only the first item's first line (as swift-mustache had it)")
    func partialIndentationOfLists() throws {
        // Each item is rendered on its own, so only lines that follow a line end within the
        // same item are indented; the spec would indent "b" too.
        let partials = ["items": "{{#list}}\n{{.}}\n{{/list}}\n", "rows": "{{#list}}\n<p>\n{{.}}\n</p>\n{{/list}}\n"]
        #expect(try render("<ul>\n  {{> items}}\n</ul>", ["list": ["a", "b"]], partials: partials) == "<ul>\n  a\nb\n</ul>")
        #expect(try render("  {{> rows}}\n", ["list": ["a", "b"]], partials: partials) == "  <p>\n  a\n  </p>\n<p>\n  b\n  </p>\n")
    }

    @Test("a partial that includes itself stops instead of exhausting the stack")
    func recursivePartial() throws {
        let output = try render("{{> loop}}", partials: ["loop": "x{{> loop}}"], sameAsBefore: false)
        #expect(output == String(repeating: "x", count: TemplateLibrary.maximumPartialDepth))
    }

    @Test("{{>*name}} includes the partial named by a value")
    func dynamicPartial() throws {
        #expect(try render("{{>*which}}", ["which": "b"], partials: ["a": "A", "b": "B"]) == "B")
    }

    // MARK: Delimiters

    @Test("{{=<% %>=}} changes the delimiters until the end of the section")
    func setDelimiters() throws {
        let context: [String: Any] = ["v": "<x>", "t": true]
        #expect(try render("{{=<% %>=}}<% v %> {{v}}", context) == "&lt;x&gt; {{v}}")
        #expect(try render("{{=<% %>=}}\n<%& v %>\n<%={{ }}=%>\n{{v}}", context) == "<x>\n&lt;x&gt;")
        #expect(try render("{{#t}}{{=| |=}}|v||/t|{{v}}", context) == "&lt;x&gt;&lt;x&gt;")
    }

    // MARK: Thread safety and errors

    @Test("one library renders on many threads at once")
    func parallel() throws {
        let library = try TemplateLibrary(sources: ["page": "{{#items}}<li>{{name}}</li>{{/items}}"])
        let contexts: [[String: Any]] = (0..<500).map { n in ["items": (0..<n % 7).map { ["name": "item \(n)-\($0)"] }] }
        let serial = contexts.map { library.render($0, withTemplate: "page")! }
        #expect(contexts.parallelMap { library.render($0, withTemplate: "page")! } == serial)
    }

    @Test("syntax errors are diagnostics at the template's line and column, saying what to do")
    func syntaxErrors() throws {
        func problem(_ source: String) -> TemplateSyntaxError? {
            do { _ = try ThemeTemplate(parsing: source); return nil } catch { return error }
        }
        #expect(problem("<h1>{{title}}</h1>\n{{#terms}}\n<p>{{term}}</p>\n")
            == TemplateSyntaxError(line: 2, column: 1, message: "the section '{{#terms}}' is never closed; add '{{/terms}}' where it ends"))
        #expect(problem("a\n  {{#a}}\n{{/b}}")
            == TemplateSyntaxError(line: 3, column: 1, message: "'{{/b}}' does not close the open section '{{#a}}' (line 2); close that first with '{{/a}}', or correct the name"))
        #expect(problem("x {{/a}}")
            == TemplateSyntaxError(line: 1, column: 3, message: "'{{/a}}' closes a section that is not open; remove it, or open the section with '{{#a}}' before it"))
        #expect(problem("é {{title")
            == TemplateSyntaxError(line: 1, column: 3, message: "the tag is never closed; end it with '}}'"))
        #expect(problem("\n\n  {{ a b }}")
            == TemplateSyntaxError(line: 3, column: 3, message: "a tag's name cannot hold 'b'; names are made of letters, digits and . - _ ? *, and the tag ends with '}}'"))
        #expect(problem("{{{a}}")?.message == "'{{{a}}' needs a third '}'; write '{{{a}}}'")
        #expect(problem("{{! open")?.message == "the comment is never closed; end it with '}}'")
        #expect(problem("{{=<%>=}}")?.line == 1)
        #expect(problem("{{<parent}}{{/parent}}")?.message.contains("not supported") == true)
        #expect(problem("{{uppercased(name)}}")?.message.contains("not supported") == true)
    }

    @Test("ThemeFiles.library reports syntax errors and missing templates in the diagnostics' style")
    func libraryDiagnostics() throws {
        let theme = ThemeFiles(templates: ["glossary": .init(source: "themes/broken/templates/glossary.mustache", bytes: Array("<h1>{{title}}</h1>\n{{#terms}}\n".utf8))])
        let (_, problems) = theme.library()
        let syntax = problems.first { $0.code == "template-syntax" }
        #expect(syntax?.location == QADiagnostics.SourceLocation(path: "themes/broken/templates/glossary.mustache", line: 2, column: 1))
        #expect(syntax?.message == "the template cannot be read: the section '{{#terms}}' is never closed; add '{{/terms}}' where it ends")
        #expect(problems.contains { $0.code == "missing-template" && $0.message.contains("'layout'") })
    }
}
