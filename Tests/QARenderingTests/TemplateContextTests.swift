@testable import QARendering
import Testing

/// A level of a template context finds its names by fingerprint and then by comparing them.
@Suite struct TemplateContextTests {
    @Test("every name is found with its own value among many alike, and names not there are not")
    func lookUp() {
        var context = TemplateContext()
        for number in 0..<300 { context.set("name\(number)", number) }
        context.set("a-name-longer-than-fifteen-bytes", "long")
        for number in 0..<300 {
            #expect(context.integer("name\(number)") == number)
        }
        #expect(context.value(named: "name300") == nil)
        #expect(context.value(named: "nam") == nil)
        #expect(context.value(named: "") == nil)
        // The same name made in other ways: from bytes, by joining, from a longer text.
        #expect(context.text(String(decoding: Array("a-name-longer-than-fifteen-bytes".utf8), as: UTF8.self)) == "long")
        #expect(context.text("a-name-" + "longer-than-fifteen-bytes") == "long")
        #expect(context.text(String("[a-name-longer-than-fifteen-bytes]".dropFirst().dropLast())) == "long")
        #expect(context.integer(String("name1".utf8.map { Character(UnicodeScalar($0)) })) == 1)
    }

    @Test("setting a name replaces its value in place or adds it at the end; nil removes it")
    func setting() {
        var context: TemplateContext = ["title": "A", "count": 2, "flag": true]
        context["count"] = 3
        context["body"] = "text"
        #expect(context.names == ["title", "count", "flag", "body"])
        #expect(context.integer("count") == 3)
        context["title"] = nil
        #expect(context.names == ["count", "flag", "body"])
        #expect(context.text("title") == nil)
    }

    @Test("empty text is kept in the level, and a template treats it as missing")
    func emptyText() throws {
        let context: TemplateContext = ["summary": "", "items": [["summary": "", "title": "t"] as TemplateContext]]
        #expect(context.text("summary") == "")
        #expect(context.plainDictionary.keys.sorted() == ["items"])
        let library = try TemplateLibrary(sources: ["main": "{{#summary}}no{{/summary}}{{#items}}[{{title}}{{summary}}]{{/items}}"])
        #expect(library.render(context, withTemplate: "main") == "[t]")
    }

    @Test("a dictionary of anything converts to the levels and values the engine reads")
    func converting() {
        let context = TemplateContext(converting: [
            "text": "x", "number": 4, "flag": false, "texts": ["a"], "nested": ["inner": "y"] as [String: Any],
            "list": [["n": 1]] as [[String: Any]], "strings": ["k": "v"] as [String: String], "double": 2.5,
        ])
        guard case .context(let nested) = context.value(named: "nested"), case .text("y") = nested.value(named: "inner") else {
            Issue.record("a nested dictionary is a level of the context")
            return
        }
        guard case .contexts(let list) = context.value(named: "list"), list.count == 1, list[0].integer("n") == 1 else {
            Issue.record("a list of dictionaries is a list of levels")
            return
        }
        guard case .context(let strings) = context.value(named: "strings"), strings.text("k") == "v" else {
            Issue.record("a dictionary of strings is a level too")
            return
        }
        guard case .texts(["a"]) = context.value(named: "texts"), case .flag(false) = context.value(named: "flag"),
              case .other(let box) = context.value(named: "double"), box.value as? Double == 2.5 else {
            Issue.record("texts, flags and other values keep their kind")
            return
        }
    }
}
