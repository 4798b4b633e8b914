import Foundation
import Mustache
import QADiagnostics
import QAModel
import QAPipeline
@testable import QARendering
import QATestSupport
import Testing

/// How qapress rendered before its own engine, as the reference: the context without its
/// empty texts (`Website.pruned`, as it was), rendered by swift-mustache 2.1.1. The same
/// templates and contexts must give the same bytes through both.
struct ReferenceTemplates: PageTemplates {
    let library: MustacheLibrary

    init(_ sources: [String: String]) throws {
        var library = MustacheLibrary()
        for (name, source) in sources { try library.register(source, named: name) }
        self.library = library
    }

    /// A context as swift-mustache received it: its levels as dictionaries, without their
    /// empty texts, and HTML as text.
    func render(_ context: TemplateContext, withTemplate name: String) -> String? {
        library.render(context.plainDictionary, withTemplate: name)
    }

    func renderUTF8(_ context: TemplateContext, withTemplate name: String, capacity: Int) -> [UInt8]? {
        render(context, withTemplate: name).map { Array($0.utf8) }
    }

    /// A dictionary of anything, as qapress passed it to swift-mustache before.
    func render(_ context: [String: Any], withTemplate name: String) -> String? {
        library.render(Self.pruned(context), withTemplate: name)
    }

    /// The context without empty strings, so that `{{#key}}…{{/key}}` leaves out empty text
    /// (swift-mustache treats an empty string as true). A page's body was a `String` then.
    static func pruned(_ context: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in context {
            var value = value
            if let html = value as? RenderedHTML { value = html.text }
            if let lazy = value as? LazyDictionaries { value = lazy.items.map(\.plainDictionary) }
            switch value {
            case let text as String where text.isEmpty: continue
            case let nested as [String: Any]: out[key] = pruned(nested)
            case let list as [[String: Any]]: out[key] = list.map(pruned)
            default: out[key] = value
            }
        }
        return out
    }
}

/// Our engine given a dictionary of anything: converted as `TemplateContext(converting:)`
/// converts it.
extension TemplateLibrary {
    func render(_ context: [String: Any], withTemplate name: String) -> String? {
        render(TemplateContext(converting: context), withTemplate: name)
    }

    func renderUTF8(_ context: [String: Any], withTemplate name: String) -> [UInt8]? {
        renderUTF8(TemplateContext(converting: context), withTemplate: name)
    }

    func renderUTF8(_ context: [String: Any], withTemplate name: String, piece: Int, emit: ([UInt8]) -> Void) -> Bool {
        renderUTF8(TemplateContext(converting: context), withTemplate: name, piece: piece, emit: emit)
    }
}

@Suite struct TemplateDifferentialTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func defaultTheme() throws -> ThemeFiles {
        var theme = ThemeFiles()
        for sub in ["templates", "assets"] {
            let folder = repo + "/themes/default/" + sub
            for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
                let entry = ThemeFiles.File(source: "themes/default/\(sub)/\(file)", bytes: bytes)
                if sub == "templates" { theme.templates[(file as NSString).deletingPathExtension] = entry } else { theme.assets[file] = entry }
            }
        }
        return theme
    }

    /// The example partnership (content/ of this repository) built with each engine, print
    /// editions included, for the public and the internal audience and under a sub-path.
    @Test("every file of the example site is byte-identical through swift-mustache and our engine", arguments: [Audience.public, .internal])
    func exampleSite(audience: Audience) throws {
        let checked = check(CheckOptions(projectRoot: Self.repo, asOf: Day(iso: "2026-11-22")!))
        #expect(!checked.site.audits.isEmpty)
        let theme = try Self.defaultTheme()
        let (ours, problems) = theme.library()
        #expect(problems.isEmpty, "\(problems)")
        let reference = try ReferenceTemplates(theme.templates.mapValues { String(decoding: $0.bytes, as: UTF8.self) })
        for base in ["/", "https://example.org/scp/"] {
            var options = WebsiteOptions(paths: SitePaths(baseURL: base), buildDate: Day(iso: "2026-11-22")!, audience: audience)
            options.makePDFs = true
            options.projectRoot = Self.repo
            let site = checked.site.visible(to: audience)
            let expected = Website(site: site, options: options).render(theme: theme, templates: reference).files
            let actual = Website(site: site, options: options).render(theme: theme, templates: ours).files
            #expect(expected.count == actual.count)
            #expect(expected.contains { $0.path.hasSuffix("print.html") }, "print editions are compared too")
            var differing = 0
            for (e, a) in zip(expected, actual) where e != a {
                differing += 1
                if differing <= 3 { Issue.record("\(a.path) differs (base \(base)):\n\(firstDifference(e.bytes, a.bytes))") }
            }
            #expect(differing == 0, "\(differing) of \(actual.count) files differ")
        }
    }

    /// Random templates (text, every kind of tag, standalone lines, indentation, CR LF,
    /// delimiter changes, partials) over random contexts: both engines must agree.
    @Test("random templates render byte-identically through both engines")
    func randomTemplates() throws {
        var random = SplitMix64(seed: 20261122)
        var rendered = 0
        var refused = 0
        for round in 0..<8_000 {
            var generator = TemplateGenerator(random: random)
            let sources = ["main": generator.template(depth: 0, partials: ["p", "q", "missing"]), "p": generator.template(depth: 1, partials: ["q"]),
                           "q": generator.template(depth: 2, partials: [])]
            let context = generator.context(depth: 0)
            random = generator.random
            let reference = Result { try ReferenceTemplates(sources) }
            let ours = Result { try TemplateLibrary(sources: sources) }
            switch (reference, ours) {
            case (.success(let reference), .success(let ours)):
                let expected = reference.render(context, withTemplate: "main")
                let actual = ours.render(context, withTemplate: "main")
                if expected != actual, !Self.sameDictionaryDescriptions(expected ?? "", actual ?? "") {
                    Issue.record("round \(round) differs\n\(describe(sources))\ncontext: \(context)\nexpected: \(String(reflecting: expected))\nactual:   \(String(reflecting: actual))")
                    return
                }
                rendered += 1
            case (.failure, .failure):
                refused += 1
            case (.failure(let error), .success):
                // swift-mustache also fails when a template ends in the first character of
                // the opening delimiter ("a {"); ours reads that as text.
                guard "\(error)".contains("overflow") else {
                    Issue.record("only swift-mustache refused (round \(round)): \(error)\n\(describe(sources))")
                    return
                }
            case (.success, .failure(let error)):
                Issue.record("only our engine refused (round \(round)): \(error)\n\(describe(sources))")
                return
            }
        }
        #expect(rendered > 4_000, "\(rendered) rendered, \(refused) refused by both")
    }

    /// A dictionary rendered as text is Swift's description of it, whose order differs from
    /// one dictionary to the next even with the same entries; such outputs are compared as
    /// multisets of bytes.
    static func sameDictionaryDescriptions(_ expected: String, _ actual: String) -> Bool {
        guard ["\": ", "&quot;: ", "[:]"].contains(where: expected.contains) else { return false }
        return expected.utf8.sorted() == actual.utf8.sorted()
    }

    func describe(_ sources: [String: String]) -> String {
        sources.sorted { $0.key < $1.key }.map { "\($0.key): \(String(reflecting: $0.value))" }.joined(separator: "\n")
    }

    @Test("templates swift-mustache refuses are refused, with a line and column")
    func bothRefuse() throws {
        for source in ["{{#a}}x", "{{/a}}", "{{#a}}{{/b}}", "{{a", "{{a b}}", "{{{a}}", "{{! never closed", "{{=<% %>}}", "{{#a}}{{^b}}{{/a}}{{/b}}"] {
            #expect(throws: (any Error).self, "swift-mustache: \(source)") { try MustacheTemplate(string: source) }
            #expect(throws: TemplateSyntaxError.self, "ours: \(source)") { try ThemeTemplate(parsing: source) }
        }
    }
}

func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    let from = max(0, index - 120)
    return "swift-mustache: …\(String(decoding: a[from..<min(a.count, index + 120)], as: UTF8.self))…\nours:           …\(String(decoding: b[from..<min(b.count, index + 120)], as: UTF8.self))…"
}

/// Makes random templates and contexts from a small vocabulary, so that names often match,
/// sections nest, and tags land at the start, middle and end of lines.
struct TemplateGenerator {
    var random: SplitMix64
    var open = "{{"
    var close = "}}"

    static let names = ["a", "b", "c", "list", "flag", "none", "empty", "zero", "text", "a.b", "a.list", "list.a", ".", ".a", "missing", "opt", "strings",
                         "nothing", "pi", "maybe", "texts", "mixed", "mixed.a", "texts.a"]
    static let texts = ["x", "hello", " ", "  ", "\t", "<b>", "a&b", "\"q\"", "it's", "é", "—", "{", "}", "{x}", "=", "!", "#", "/"]
    static let lineEnds = ["\n", "\n", "\n", "\r\n", "\r"]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    func tag(_ body: String) -> String { open + body + close }

    mutating func name() -> String {
        let name = pick(Self.names)
        return chance(15) ? " \(name) " : name
    }

    mutating func template(depth: Int, partials: [String]) -> String {
        var out = ""
        for _ in 0..<Int(random.next() % 12) { out += item(depth: depth, partials: partials) }
        return out
    }

    mutating func item(depth: Int, partials: [String]) -> String {
        switch random.next() % 14 {
        case 0, 1: return pick(Self.texts)
        case 2: return pick(Self.lineEnds)
        case 3: return pick(["", " ", "  ", "\t"]) // indentation
        case 4: return tag(name())
        case 5: return open + "{" + name() + "}" + close
        case 6: return tag("& " + name())
        case 7, 8:
            guard depth < 3 else { return tag(name()) }
            let name = pick(Self.names.filter { !$0.hasPrefix(" ") })
            let kind = chance(70) ? "#" : "^"
            let lead = chance(50) ? pick(["", " ", "  "]) : ""
            let after = chance(60) ? pick(Self.lineEnds) : ""
            var body = after
            let (savedOpen, savedClose) = (open, close)
            body += template(depth: depth + 1, partials: partials)
            let closing = (chance(50) ? pick(["", " ", "  "]) : "") + tag("/" + name) + (chance(60) ? pick(Self.lineEnds) : "")
            let section = lead + tag(kind + name) + body + closing
            (open, close) = (savedOpen, savedClose) // a delimiter change ends with its section
            return section
        case 9: return tag("! " + pick(["note", "multi\nline", ""]) + " ")
        case 10:
            guard !partials.isEmpty else { return tag(name()) }
            return pick(["", "  ", "\t"]) + tag("> " + pick(partials)) + (chance(70) ? pick(Self.lineEnds) : "")
        case 11:
            guard chance(30) else { return pick(Self.texts) }
            let (newOpen, newClose) = pick([("<%", "%>"), ("[[", "]]"), ("{{", "}}"), ("<<<", ">>>")]) // one-character delimiters crash swift-mustache
            let change = tag("=\(newOpen) \(newClose)=")
            (open, close) = (newOpen, newClose)
            return change + (chance(50) ? "\n" : "")
        default:
            return pick(Self.lineEnds) + pick(["", " ", "  "])
        }
    }

    mutating func context(depth: Int) -> [String: Any] {
        var context: [String: Any] = [:]
        for name in ["a", "b", "c", "list", "flag", "none", "empty", "zero", "text", "opt", "strings", "nothing", "pi", "maybe", "texts", "mixed"] where chance(75) {
            context[name] = value(for: name, depth: depth)
        }
        return context
    }

    mutating func value(for name: String, depth: Int) -> Any {
        switch name {
        case "a", "b": return depth < 2 && chance(60) ? context(depth: depth + 1) : pick(Self.texts + [""])
        case "list":
            guard depth < 2 else { return [[String: Any]]() }
            return (0..<Int(random.next() % 3)).map { _ in context(depth: depth + 1) }
        case "flag": return chance(50)
        case "none": return chance(50) ? [Any]() : false
        case "empty": return pick(["", "", "e"])
        case "zero": return pick([0, 1, -3] as [Any] + [2.5, 0.1])
        case "opt": return chance(50) ? Optional<[String: Any]>.none as Any : Optional<[String: Any]>.some(["a": "inner"]) as Any
        case "strings": return pick([[], ["x"], ["<y>", ""]] as [[String]])
        case "nothing": return chance(50) ? NSNull() : [Any]([1, "two", ["a": "three"]])
        case "pi": return 3.14159
        case "maybe": return pick([Optional<String>.some(""), .some("<m>"), .none]) as Any
        case "texts": return pick([["a": "", "b": "x"], ["a": "t"]] as [[String: String]]) // not [String: Any]
        case "mixed": // all dictionaries (emptied like the rest) or not (left as they are)
            return chance(50) ? [["a": "", "c": "m"], ["a": "n"]] as [Any] : [["a": "", "c": "m"], "s"] as [Any]
        default: return pick(Self.texts)
        }
    }
}
