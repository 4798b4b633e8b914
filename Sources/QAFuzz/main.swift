// The libFuzzer target for the front-matter, Markdown and model pipeline.
//
// Built only by scripts/fuzz, with `-sanitize=fuzzer,address -parse-as-library -DQAPRESS_FUZZ`;
// a plain `swift build` compiles the stub at the bottom, which says how to run it.
//
// An input is one selector byte and a payload. The payload is written as one file of the
// minimal fixture partnership (Tests/Fixtures/valid/minimal) — which file the selector says:
// an audit, a priority, the partnership, a programme, the config… — and also as a CSV data
// file that an extra indicator reads. Then the content is checked exactly as `qapress check`
// does (load, model, validate), the site is filtered for the public, briefings are assembled,
// every diagnostic is printed in every format, and every Markdown text of the model is
// rendered with cmark-gfm when `MarkdownRenderer.problem(in:)` accepts it. The payload's YAML
// is also read by both YAML readers, which must agree.
#if QAPRESS_FUZZ
import Foundation
import QADiagnostics
import QALoading
import QAMarkdown
import QAModel
import QAPipeline

/// Where the payload goes, by selector byte (modulo the count). scripts/fuzz writes the seed
/// corpus with the same table.
let slots = [
    "content/partnership.md", "content/priorities/fuzz.md", "content/content-areas/fuzz.md",
    "content/programme/2030-31.yml", "content/audits/fuzz.md", "content/indicators/fuzz.md",
    "content/reviews/fuzz.md", "content/scrutiny/fuzz.md", "content/briefings/fuzz.md",
    "content/pages/fuzz.md", "content/glossary.yml", "content/reports/fuzz.md", "qapress.yml",
    "content/data/fuzz.csv",
]

/// The minimal valid partnership, read once, plus an indicator that reads the CSV.
let base: [String: [UInt8]] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/valid/minimal").path
    var files: [String: [UInt8]] = [:]
    let walker = FileManager.default.enumerator(atPath: root)
    while let relative = walker?.nextObject() as? String {
        guard relative.hasPrefix("content/"), let data = FileManager.default.contents(atPath: root + "/" + relative) else { continue }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
            files[relative] = [UInt8](data)
        }
    }
    precondition(files["content/partnership.md"] != nil, "the fuzz target needs Tests/Fixtures/valid/minimal beside its source")
    files["content/indicators/fuzz-data.md"] = Array("""
        ---
        title: Fuzzed data
        oba: how-much
        unit: count
        direction: neither
        frequency: quarterly
        priority: neglect
        data: data/fuzz.csv
        ---
        Commentary.

        """.utf8)
    return files
}()

let asOf = Day(iso: "2026-11-22")!
let renderer = MarkdownRenderer()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var files = base
    files[slots[Int(bytes[0]) % slots.count]] = Array(bytes.dropFirst())
    files["content/data/fuzz.csv"] = Array(bytes.dropFirst())
    // The YAML subset reader must read whatever it reads as libyaml does.
    precondition(yamlReadersAgree(onFile: String(decoding: bytes.dropFirst(), as: UTF8.self)), "the YAML readers disagree")
    let result = check(CheckOptions(projectRoot: ".", asOf: asOf, fileSystem: InMemoryFileSystem(bytes: files)))
    for format in DiagnosticFormat.allCases { _ = DiagnosticPrinter.render(result.diagnostics, as: format) }
    for text in markdownTexts(result.site) + markdownTexts(result.site.visible(to: .public)) {
        if MarkdownRenderer.problem(in: text) == nil { _ = renderer.html(text) }
    }
    // Assembled from several texts, so rendered as the site renders them: through html(_:),
    // which refuses to hand cmark-gfm a text over the cost budget.
    for briefing in result.site.publishedBriefings() {
        for section in briefing.sections { _ = renderer.html(section.text) }
    }
    return 0
}

// SwiftPM links an executable's entry point as `<module>_main` (`--defsym main=QAFuzz_main`),
// so libFuzzer's own `main` is not used: this entry point hands over to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("QAFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc, argv = argv
    return runFuzzerDriver(&argc, &argv) { data, size in fuzzOne(data, size) }
}

/// Every Markdown text in the model that the website renders.
func markdownTexts(_ site: Site) -> [String] {
    var texts: [String] = []
    if let p = site.partnership {
        texts += [p.body, p.vision] + p.values.map(\.description) + p.subgroups.map(\.remit)
    }
    for p in site.priorities { texts += [p.body] + p.whatGoodLooksLike }
    for c in site.contentAreas { texts += [c.body, c.outcome] + c.howMuch + c.howWell + c.betterOff }
    for p in site.programmes { texts += p.activities.map(\.note) }
    for a in site.audits {
        texts += [a.body, a.sharing, a.method.selection] + a.termsOfReference
        texts += a.findings.map(\.text) + a.recommendations.map(\.text) + a.actions.flatMap { [$0.text, $0.evidenceOfImpact] }
    }
    for i in site.indicators { texts.append(i.commentary) }
    for r in site.reviews {
        texts += [r.body, r.decision] + r.learning + r.findings.map(\.text) + r.recommendations.map(\.text)
        texts += r.actions.flatMap { [$0.text, $0.evidenceOfImpact] }
    }
    for s in site.scrutiny { texts += [s.body, s.scope] + s.findings.map(\.text) + s.actions.map(\.text) }
    for b in site.briefings { texts.append(b.body) }
    for p in site.pages { texts.append(p.body) }
    for r in site.reports {
        texts += [r.body, r.foreword, r.keyMessages, r.voiceOfChildren, r.training, r.budgetCommentary, r.scrutineerStatement, r.nextPriorities]
    }
    return texts.filter { !$0.isEmpty }
}
#else
import Foundation

// A declaration, not a statement, so that this file also parses as a library (the fuzz build).
let stub: Void = {
    FileHandle.standardError.write(Data("This is qapress's libFuzzer target; build and run it with scripts/fuzz [seconds].\n".utf8))
    exit(64)
}()
#endif
