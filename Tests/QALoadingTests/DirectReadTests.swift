import QADiagnostics
@testable import QALoading
import QAModel
import Testing

/// The loader reads an ordinary Markdown document straight from its bytes, and anything else
/// through the whole file's text (`SourceText.decode`, then `FrontMatter.split`). A file with
/// CRLF line endings always goes the long way, so each document here is loaded with LF and
/// with CRLF endings: the two loads must give the same diagnostics and the same body.
@Suite struct DirectReadTests {
    /// Documents of every shape a page can take, as bytes, and whether the short way reads
    /// them (the others must be left to the long way, which reports their problem).
    static let documents: [(name: String, bytes: [UInt8], direct: Bool)] = [
        ("plain", Array("---\ntitle: A page\nsummary: What it is.\n---\n# Heading\n\nText with é and “quotes”.\n".utf8), true),
        ("byte-order mark", [0xEF, 0xBB, 0xBF] + Array("---\ntitle: Marked\n---\nBody\n".utf8), true),
        ("no body", Array("---\ntitle: Empty body\n---\n".utf8), true),
        ("YAML syntax", Array("---\ntitle: [never closed\n---\nBody\n".utf8), true),
        ("unknown key", Array("---\ntitle: A page\ncolour: red\n---\nBody\n".utf8), true),
        ("empty front matter", Array("---\n---\nBody\n".utf8), true),
        ("too deep", Array(("---\ntitle: Deep\n---\n" + String(repeating: "> ", count: 120) + "x\n").utf8), true),
        ("invalid UTF-8 in the body", Array("---\ntitle: Bad\n---\nOne\nTwo ".utf8) + [0xFF] + Array(" three\n".utf8), false),
        ("invalid UTF-8 in the YAML", Array("---\ntitle: Bad ".utf8) + [0xC3] + Array("\n---\nBody\n".utf8), false),
        ("NUL byte", Array("---\ntitle: Nul\n---\nA".utf8) + [0] + Array("\n".utf8), false),
        ("no front matter", Array("# Just a heading\n".utf8), false),
        ("never closed", Array("---\ntitle: Open\nBody\n".utf8), false),
        ("only a byte-order mark", [0xEF, 0xBB, 0xBF], false),
    ]

    func load(_ bytes: [UInt8]) -> (diagnostics: [String], body: String?) {
        let loaded = ContentLoader(root: "content", fileSystem: InMemoryFileSystem(bytes: ["content/pages/p.md": bytes])).load()
        return (loaded.diagnostics.map(\.description), loaded.site.pages.first?.body)
    }

    /// The same bytes with every line feed after a carriage return.
    func crlf(_ bytes: [UInt8]) -> [UInt8] { bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] } }

    @Test("a document gives the same diagnostics and body read straight from its bytes as through its whole text")
    func sameEitherWay() {
        for document in Self.documents {
            let direct = load(document.bytes), long = load(crlf(document.bytes))
            #expect(direct.diagnostics == long.diagnostics, "\(document.name)")
            #expect(direct.body == long.body, "\(document.name)")
            #expect(direct.diagnostics.contains { $0.contains("content/pages/p.md") } || direct.body != nil, "\(document.name): neither read nor reported")
        }
    }

    @Test("only a document without problems in its text or front matter is read straight from its bytes")
    func whichWay() {
        let loader = ContentLoader(root: "content", fileSystem: InMemoryFileSystem([:]))
        for document in Self.documents {
            let read = document.bytes.withUnsafeBufferPointer { loader.readDirectly(.page, bytes: $0, path: "content/pages/p.md") }
            #expect((read != nil) == document.direct, "\(document.name)")
            let fromCRLF = crlf(document.bytes).withUnsafeBufferPointer { loader.readDirectly(.page, bytes: $0, path: "content/pages/p.md") }
            #expect(fromCRLF == nil, "\(document.name): CRLF must go the long way")
        }
    }

    @Test("UTF-8 is checked eight bytes at a time, and any non-ASCII text by the standard library")
    func utf8() {
        func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { SourceText.isUTF8($0) } }
        #expect(valid([]))
        #expect(valid(Array("plain ASCII, longer than eight bytes".utf8)))
        #expect(valid(Array("Tête-à-tête".utf8)))
        #expect(!valid(Array("0123456789".utf8) + [0xFF]))
        #expect(!valid([0x41, 0xC3]))
        #expect(!valid(Array("abcdefg".utf8) + [0xE2, 0x80] + Array("abcdefgh".utf8)))
    }
}
