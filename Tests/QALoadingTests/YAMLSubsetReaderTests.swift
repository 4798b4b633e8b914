import Foundation
import QATestSupport
import Testing
@testable import QALoading

/// `YAMLSubsetReader` must read what it reads exactly as libyaml does, and give up on the
/// rest; and it must actually read the content partnerships write, or it is no use.
@Suite("The YAML subset reader agrees with libyaml")
struct YAMLSubsetReaderTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test("columns count characters, eight bytes at a time, as the scalars of the text")
    func characterCount() {
        let pieces = ["a", "é", "“x”", "✓", "\u{1F600}", "  ", "key", "ü-ß"]
        var generator = SplitMix64(seed: 5)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text += pieces.randomElement(using: &generator)! }
            var copy = text
            let counted = copy.withUTF8 { YAMLSubsetReader.characters(in: $0) }
            #expect(counted == text.unicodeScalars.count, "\(text)")
        }
    }

    /// The subset reader's tree, or nil when it gave up.
    func subset(_ yaml: String) -> YAMLTree? {
        var text = yaml
        return text.withUTF8 { YAMLSubsetReader.read($0) }
    }

    /// Whether the two readers agree on `yaml`: the subset reader gave up, or libyaml read
    /// the same tree.
    func agree(_ yaml: String) -> (agree: Bool, readBySubset: Bool) {
        guard let fast = subset(yaml) else { return (true, false) }
        guard case let .tree(slow) = YAMLReader.readWithLibyaml(yaml) else { return (false, true) }
        return (fast == slow, true)
    }

    /// Every YAML text under `folder`: the front matter of Markdown files and whole YAML files.
    func yamlTexts(under folder: String) -> [(path: String, yaml: String)] {
        var found: [(String, String)] = []
        let walker = FileManager.default.enumerator(atPath: folder)
        while let relative = walker?.nextObject() as? String {
            let path = folder + "/" + relative
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            if relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") {
                found.append((relative, text))
            } else if relative.hasSuffix(".md"), case let .success(front) = FrontMatter.split(text, path: path) {
                found.append((relative, String(front.yaml)))
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    @Test("the example partnership: every file is read by the subset reader, as libyaml reads it")
    func examplePartnership() {
        let texts = yamlTexts(under: Self.repo + "/content") + [("qapress.yml", (try? String(contentsOfFile: Self.repo + "/qapress.yml", encoding: .utf8)) ?? "")]
        #expect(texts.count > 50)
        var leftToLibyaml: [String] = []
        for (path, yaml) in texts {
            let (agree, read) = agree(yaml)
            #expect(agree, "\(path)")
            if !read { leftToLibyaml.append(path) }
        }
        #expect(leftToLibyaml == [], "the example's files should not need libyaml")
    }

    @Test("the test fixtures, broken ones included: wherever the subset reader reads, libyaml agrees")
    func fixtures() {
        let texts = yamlTexts(under: Self.repo + "/Tests/Fixtures")
        #expect(texts.count > 20)
        for (path, yaml) in texts {
            #expect(agree(yaml).agree, "\(path)")
        }
    }

    @Test("shapes the subset reader reads", arguments: [
        "a: 1\nb: text with 'quotes' and \"more\"\n",
        "title: \"Deep dive: risk\"\nnote: 'it''s done'\nescaped: \"a \\\"b\\\" \\\\ c\"\n",
        "list: [a, b-c, \"d, e\", 'f']\nempty: []\n",
        "items:\n  - one\n  - two # a comment\n",
        "items:\n- one\n- two\nafter: 3\n",
        "actions:\n  - id: a1\n    history:\n      - date: 2026-01-01\n        status: green\n  - id: a2\n",
        "text: |\n  line one\n\n  line three\n    indented\n\nnext: x\n",
        "text: >\n  folded one\n  folded two\n\n  new paragraph\nnext: x\n",
        "text: |-\n  stripped\nt2: >-\n  also\n",
        "# a comment\n\nkey: value   \n  # indented comment\nother: é – “curly” ✓\n",
        "- a\n- b: 1\n  c: 2\n-\n  d: 3\n",
        "uri: https://example.org/a#b\nnum: -5\ncolon: a:b\n",
        "  indented: root\n  second: 2\n",
        "list: [é, “x”, b]\n",
        "last: |\n  no line break at the end", "last: >\n  folded\n  at the end",
        "",
        "# only a comment\n",
    ])
    func reads(_ yaml: String) throws {
        let isEmpty = yaml.split(separator: "\n").allSatisfy { $0.hasPrefix("#") }
        let tree = try #require(subset(yaml), "the subset reader gave up")
        #expect(isEmpty == (tree.root == nil))
        guard case let .tree(slow) = YAMLReader.readWithLibyaml(yaml) else { Issue.record("libyaml did not read it"); return }
        #expect(tree == slow)
    }

    @Test("shapes left to libyaml", arguments: [
        "a: &x 1\nb: *x\n", "a: !tag 1\n", "a: {b: 1}\n", "a:\tb\n", "a: b\n  carried on\n", "a:\n", "a: 1\na: 2\n",
        "a: \"open\n", "a: \"\\n\"\n", "a: 'x' y\n", "? a\n: b\n", "---\na: 1\n", "%YAML 1.1\n---\na: 1\n", "a: [b, [c]]\n",
        "a: [b,]\n", "a: [b\n", "a: |+\n  x\n", "a: |2\n   x\n", "a: >\n  x\n    more\n", "a: |\n\n  x\n", "a: b: c\n",
        "a: x: \n", "\"quoted key\": 1\n", "a: 1\r\nb: 2\r\n", "just text\n", "a: - b\n", "a: @b\n", "a: `b`\n",
        "a: 1\n- b\n", "- a\nb: 1\n", "a:\n  b: 1\n c: 2\n", "a: \u{85}\n", "\u{FEFF}a: 1\n",
    ])
    func leaves(_ yaml: String) {
        #expect(subset(yaml) == nil)
    }

    /// Texts made of content-like pieces and the awkward ones: colons, hashes, quotes,
    /// dashes, brackets, block scalars at odd indentation, blank lines, non-ASCII.
    @Test("ten thousand generated texts: wherever the subset reader reads, libyaml reads the same")
    func generated() {
        var random = SplitMix64(seed: 8)
        let words = ["plan", "risk", "Child", "é", "“x”", "it's", "say \"hi\"", "a:b", "a: b", "#3", "a #b", "-x", "- x", "[x]", "x,y", "{x}",
                     "'q'", "\"q\"", "2026-01-01", "~", "null", "true", "1.5", "&a", "*a", "!t", "|", ">", "%", "@", "`", "?", ":", "\\", "–", "✓", " "]
        func scalar() -> String {
            (0..<random.below(4) + 1).map { _ in words[random.below(words.count)] }.joined(separator: random.below(3) == 0 ? "" : " ")
        }
        func value(_ indent: Int, _ depth: Int) -> String {
            let pad = String(repeating: " ", count: indent)
            switch random.below(depth > 3 ? 5 : 9) {
            case 0: return " \"" + scalar() + "\"\n"
            case 1: return " '" + scalar() + "'\n"
            case 2: return " [" + (0..<random.below(4)).map { _ in scalar() }.joined(separator: random.below(4) == 0 ? "," : ", ") + "]\n"
            case 3:
                let marker = ["|", ">", "|-", ">-", "|+", "|2"][random.below(6)]
                let inner = indent + [1, 2, 2, 4][random.below(4)]
                let body = (0..<random.below(4) + 1).map { _ in
                    random.below(5) == 0 ? "" : String(repeating: " ", count: inner + (random.below(6) == 0 ? 2 : 0)) + scalar()
                }.joined(separator: "\n")
                return " " + marker + "\n" + body + "\n"
            case 5: return "\n" + mapping(indent + [0, 2, 2, 3][random.below(4)], depth + 1)
            case 6: return "\n" + sequence(indent + [0, 2, 2][random.below(3)], depth + 1)
            case 7: return "\n" + pad + "# comment\n" + mapping(indent + 2, depth + 1)
            case 8: return random.below(2) == 0 ? "\n" : " " + scalar() + "\n" + pad + "  " + scalar() + "\n"
            default: return " " + scalar() + (random.below(4) == 0 ? " # note" : "") + "\n"
            }
        }
        func mapping(_ indent: Int, _ depth: Int) -> String {
            let keys = ["id", "title", "text", "status", "due", "a-b", "x_y", "2026", "id"]
            return (0..<random.below(4) + 1).map { _ in
                String(repeating: " ", count: indent) + keys[random.below(keys.count)] + ":" + value(indent, depth)
                    + (random.below(8) == 0 ? "\n" : "")
            }.joined()
        }
        func sequence(_ indent: Int, _ depth: Int) -> String {
            (0..<random.below(3) + 1).map { _ in
                let pad = String(repeating: " ", count: indent)
                if random.below(2) == 0 {
                    let inner = mapping(indent + 2, depth + 1)
                    return pad + "- " + inner.dropFirst(indent + 2)
                }
                return pad + "-" + value(indent, depth)
            }.joined()
        }
        var read = 0, disagreed: [String] = []
        for _ in 0..<10_000 {
            let yaml = random.below(5) == 0 ? sequence(0, 0) : mapping(0, 0)
            let (agree, bySubset) = agree(yaml)
            if bySubset { read += 1 }
            if !agree, disagreed.count < 5 { disagreed.append(yaml) }
        }
        #expect(disagreed == [])
        // Enough of the generated texts are in the subset for the comparison to mean something.
        #expect(read > 1_000, "only \(read) texts read by the subset reader")
    }
}
