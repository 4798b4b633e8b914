import QADiagnostics
import QALoading
import QAModel
import Testing

/// YAML 1.1 surprises are handled on purpose: scalars are read as written and checked
/// against the type the schema asks for.
@Suite struct ScalarTypingTests {
    func load(_ files: [String: String]) -> LoadedContent {
        ContentLoader(root: "content", fileSystem: InMemoryFileSystem(files)).load()
    }

    func page(_ frontMatter: String) -> String { "---\n\(frontMatter)\n---\nBody.\n" }

    @Test("yes, no, on and NO stay text where text is expected")
    func booleansStayText() {
        let loaded = load(["content/pages/about.md": page("title: NO\nsummary: yes")])
        #expect(loaded.site.pages.first?.title == "NO")
        #expect(loaded.site.pages.first?.summary == "yes")
    }

    @Test("12:30 and 010 stay text in text fields and are refused in number fields")
    func sexagesimalAndOctal() {
        let loaded = load(["content/pages/about.md": page("title: 12:30\nsummary: 010\norder: 010")])
        #expect(loaded.site.pages.first?.title == "12:30")
        #expect(loaded.site.pages.first?.summary == "010")
        #expect(loaded.diagnostics.map(\.description).contains("content/pages/about.md:4:8: error: 'order' must be a whole number, found '010'; leading zeros are not allowed (YAML 1.1 reads 010 as the octal number 8); write 10"))
    }

    @Test("bare dates become days; other date shapes are errors")
    func dates() {
        let review = "title: R\nkind: rapid-review\ndate: 2025-02-29"
        let loaded = load(["content/reviews/r.md": page(review)])
        #expect(loaded.diagnostics.map(\.description).contains("content/reviews/r.md:4:7: error: 'date' is '2025-02-29', which is not a real date: February 2025 has 28 days; correct the day"))
        let good = load(["content/reviews/r.md": page("title: R\nkind: rapid-review\ndate: 2024-02-29")])
        #expect(good.site.reviews.first?.date == Day(iso: "2024-02-29"))
    }

    @Test("a byte-order mark and CRLF line endings are accepted and lines still count right")
    func bomAndCRLF() {
        let text = "\u{FEFF}---\r\ntitle: About\r\norder: x\r\n---\r\nBody.\r\n"
        let loaded = load(["content/pages/about.md": text])
        #expect(loaded.site.pages.first?.title == "About")
        #expect(loaded.site.pages.first?.body == "Body.")
        #expect(loaded.diagnostics.map(\.description).contains("content/pages/about.md:3:8: error: 'order' must be a whole number, found 'x'; leading zeros are not allowed (YAML 1.1 reads 010 as the octal number 8); write 0") == false)
        #expect(loaded.diagnostics.contains { $0.location == SourceLocation(path: "content/pages/about.md", line: 3, column: 8) })
    }

    @Test("invalid UTF-8 is reported at its line and column")
    func invalidUTF8() {
        var bytes = Array("---\ntitle: Ab".utf8)
        bytes += [0xFF]
        bytes += Array("c\n---\n".utf8)
        let loaded = ContentLoader(root: "content", fileSystem: InMemoryFileSystem(bytes: ["content/pages/a.md": bytes])).load()
        #expect(loaded.diagnostics.map(\.description).contains("content/pages/a.md:2:10: error: the file is not valid UTF-8 text; save it as UTF-8 in your editor"))
    }

    @Test("an alias bomb is refused quickly")
    func aliasBomb() {
        var yaml = "title: x\nsummary: &a [lol]\n"
        for i in 0..<30 { yaml += "k\(i): &b\(i) [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" }
        let loaded = load(["content/pages/a.md": page(yaml)])
        #expect(loaded.diagnostics.contains { $0.code == "yaml-alias" })
    }

    @Test("CSV values with quotes, notes and a header are read with their lines")
    func csv() {
        let indicator = page("title: T\noba: how-much\nunit: count\ndirection: neither\nfrequency: quarterly\ndata: data/t.csv")
        let csv = "period,value,note\n2024-25 Q1,4,\"first, with comma\"\n2024-25 Q2,x,\n"
        let loaded = load(["content/indicators/t.md": indicator, "content/data/t.csv": csv])
        #expect(loaded.site.indicators.first?.values.map(\.value) == [4])
        #expect(loaded.site.indicators.first?.values.first?.note == "first, with comma")
        #expect(loaded.diagnostics.map(\.description) == ["content/data/t.csv:3:12: error: 'x' is not a number; write digits with an optional decimal point, such as 12.5", "content/partnership.md:1:1: error: there is no partnership file; create partnership.md with the partnership's name, vision, values and agencies"])
    }
}

/// Ids are ASCII letters, digits and hyphens, not starting with a hyphen, at most 100 long.
@Suite struct IdentifierTests {
    @Test("ids of letters, digits and hyphens are valid; anything else is not")
    func validIDs() {
        for id in ["a", "Z", "audit-2025-01", "0", "a-", "x" + String(repeating: "9", count: 99)] {
            #expect(Identifier.isValid(id), "\(id)")
        }
        for id in ["", "-a", "a b", "a_b", "a.b", "é", "a@b", "a[b", "a`b", "a{b", "a/b", "a:b", "x" + String(repeating: "9", count: 100), "ａ"] {
            #expect(!Identifier.isValid(id), "\(id)")
        }
    }
}
