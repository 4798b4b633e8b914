import Foundation
import QADiagnostics
import QAMarkdown
import QAModel

/// What loading a content folder gives: the model and every problem found on the way.
public struct LoadedContent: Sendable {
    public var site: Site
    public var diagnostics: [Diagnostic]
    /// Every file read, relative to the content folder.
    public var files: [String]
    /// Documents that could not be read or parsed: their kind and the id their file name gives.
    public var unreadable: [(kind: ItemKind, id: String)]
    /// The text of every document, by path, read again when a check points into it.
    public var sources: SourceTexts
}

/// Scans a content folder, splits front matter, decodes each document against its kind's
/// closed schema and builds the model. Never stops at the first problem.
public struct ContentLoader: Sendable {
    public var root: String
    public var fileSystem: any ContentFileSystem
    public var defaultAudience: Audience

    /// Documents decoded by an earlier load (the preview server), reused while their bytes
    /// are unchanged; nil to decode every file.
    public var cache: DocumentCache?

    public init(root: String, fileSystem: any ContentFileSystem = DiskFileSystem(), defaultAudience: Audience = .public, cache: DocumentCache? = nil) {
        self.cache = cache
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        self.fileSystem = fileSystem
        self.defaultAudience = defaultAudience
    }

    public func load() -> LoadedContent {
        var timings = StageTimings()
        return load(timings: &timings)
    }

    /// Loads, marking the stages "load" (reading and parsing files) and "model".
    public func load(timings: inout StageTimings) -> LoadedContent {
        var builder = SiteBuilder(defaultAudience: defaultAudience)
        let (paths, problems) = fileSystem.files(under: root)
        builder.diagnostics += problems
        // Each path is told apart (a document of a kind, a data file or a file in the wrong
        // place) in slices side by side, joined in path order.
        let slices = stride(from: 0, to: paths.count, by: 1024).map { $0..<min($0 + 1024, paths.count) }
        let sorted = slices.parallelMap { slice in placed(paths[slice]) }
        var dataFiles: Set<String> = []
        let documents = sorted.flatMap(\.documents)
        let documentPaths = sorted.flatMap(\.paths)
        for slice in sorted {
            dataFiles.formUnion(slice.dataFiles)
            builder.diagnostics += slice.unplaced
        }
        cache?.keep(only: Set(documentPaths))
        // A first read from a cold disk is read ahead; the preview server's rebuilds (with a
        // cache) find the files in memory anyway.
        if cache == nil { fileSystem.prefetch(documentPaths + dataFiles.sorted().map { root + "/" + $0 }) }
        // Reading, YAML and the schema are per file, so they run on every core; the model is
        // then built in path order, so the result does not depend on the threads. A batch at a
        // time, so the decoded files waiting to join the model never pile up in memory: while
        // one batch joins the model, the next is parsed.
        let model = ModelQueue(builder)
        for start in stride(from: 0, to: documents.count, by: 256) {
            let batch = Array(start..<min(start + 256, documents.count))
            let parsed = batch.parallelMap { parse(documents[$0].kind, path: documentPaths[$0], relative: documents[$0].relative) }
            model.enqueue { builder in
                for (index, result) in zip(batch, parsed) {
                    add(result, kind: documents[index].kind, relative: documents[index].relative, into: &builder)
                }
            }
        }
        // "load" ends when the last file is parsed (the model is built beside it); "model" is
        // what is left of it after that, with the data files and the sorting: the stages add
        // up to the time taken.
        timings.mark("load")
        builder = model.finish()
        // Data files are read and parsed side by side, and their values and problems joined
        // in indicator order.
        let (withData, read) = dataValues(builder.site.indicators)
        for ((index, data), (values, problems)) in zip(withData, read) {
            dataFiles.remove(data)
            builder.site.indicators[index].values += values
            builder.diagnostics += problems
        }
        for unused in dataFiles.sorted() {
            builder.diagnostics.append(.warning(SourceLocation(path: root + "/" + unused, line: 1, column: 1), "no indicator uses this data file; name it in an indicator's 'data:' key or remove it", code: "unused-data"))
        }
        if builder.site.partnership == nil, !builder.partnershipUnreadable {
            builder.diagnostics.append(.error(SourceLocation(path: root + "/partnership.md", line: 1, column: 1), "there is no partnership file; create partnership.md with the partnership's name, vision, values and agencies", code: "no-partnership"))
        }
        builder.site.sort()
        let site = builder.site
        timings.mark("model")
        let fileSystem = self.fileSystem
        let sources = SourceTexts { path in (try? fileSystem.read(path)).flatMap { try? SourceText.decode($0, path: path).get() } }
        return LoadedContent(site: site, diagnostics: builder.diagnostics, files: paths, unreadable: builder.unreadable, sources: sources)
    }

    /// The indicators that have data files, by their place, and the values and problems in
    /// each file, read side by side. (A function of its own, so that no copy of the list is
    /// held while its values are joined, which would copy every indicator.)
    private func dataValues(_ indicators: [Indicator]) -> (withData: [(Int, String)], read: [(values: [IndicatorValue], problems: [Diagnostic])]) {
        let withData = indicators.indices.compactMap { index in indicators[index].dataFile.map { (index, $0) } }
        return (withData, withData.parallelMap { index, data in values(csv: data, for: indicators[index]) })
    }

    /// Builds the model on a thread of its own, one batch after another, while the next batch
    /// is parsed; at most two batches wait, so parsed files never pile up.
    final class ModelQueue: @unchecked Sendable {
        private var builder: SiteBuilder
        private let queue = DispatchQueue(label: "qapress.model")
        private let waiting = DispatchSemaphore(value: 2)

        init(_ builder: SiteBuilder) { self.builder = builder }

        func enqueue(_ work: @escaping (inout SiteBuilder) -> Void) {
            let job = Job(run: work)
            guard parallelismAllowed else { return run(job) }
            waiting.wait()
            queue.async { [self] in
                run(job)
                waiting.signal()
            }
        }

        /// Runs one batch's work on the model.
        private func run(_ job: Job) {
            job.run(&builder)
        }

        func finish() -> SiteBuilder {
            queue.sync {}
            return builder
        }

        /// A batch's work, run on the model's thread only.
        private struct Job: @unchecked Sendable { let run: (inout SiteBuilder) -> Void }
    }

    /// The documents among `paths` (relative to the content folder) with their kinds and
    /// full paths, the data files, and a warning for each other file outside assets/.
    func placed(_ paths: ArraySlice<String>) -> (documents: [(kind: DocumentKind, relative: String)], paths: [String], dataFiles: [String], unplaced: [Diagnostic]) {
        var documents: [(kind: DocumentKind, relative: String)] = []
        var documentPaths: [String] = []
        var dataFiles: [String] = []
        var unplaced: [Diagnostic] = []
        documents.reserveCapacity(paths.count)
        documentPaths.reserveCapacity(paths.count)
        for relative in paths {
            if let kind = DocumentKind.of(relativePath: relative) {
                documents.append((kind, relative))
                documentPaths.append(root + "/" + relative)
            } else if relative.hasPrefix("data/") && relative.hasSuffix(".csv") {
                dataFiles.append(relative)
            } else if !relative.hasPrefix("assets/") {
                unplaced.append(.warning(SourceLocation(path: root + "/" + relative, line: 1, column: 1), unplacedMessage(relative), code: "unknown-file"))
            }
        }
        return (documents, documentPaths, dataFiles, unplaced)
    }

    func unplacedMessage(_ relative: String) -> String {
        let folders = DocumentKind.allCases.map(\.place).joined(separator: ", ")
        return "'\(relative)' is not in a place qapress reads, so it is not published; move it into one of \(folders), data/ (CSV) or assets/"
    }

    /// One document file read and decoded, with its model items, not yet in the model.
    struct ParsedDocument: Sendable {
        /// The document's model items, when its front matter could be decoded.
        var part: SiteBuilder?
        /// Problems reading and decoding it, before those of building its items.
        var diagnostics: [Diagnostic] = []
    }

    /// Adds a parsed document to the model. A document that raised problems and could not
    /// be added is remembered by its file-name id, so references to it are not reported again.
    func add(_ parsed: ParsedDocument, kind: DocumentKind, relative: String, into builder: inout SiteBuilder) {
        let before = builder.diagnostics.count
        builder.diagnostics += parsed.diagnostics
        if let part = parsed.part { builder.merge(part) }
        if builder.diagnostics.count > before, parsed.part == nil {
            if let itemKind = kind.itemKind { builder.unreadable.append((itemKind, stem(relative))) }
            // The ids a partnership or programme file defines are unknown when it cannot be read.
            for itemKind in kind.definedItemKinds { builder.unreadable.append((itemKind, "*")) }
            if kind == .partnership { builder.partnershipUnreadable = true }
        }
    }

    /// Reads, splits and decodes one document file. Touches nothing shared, so files are
    /// parsed in parallel.
    func parse(_ kind: DocumentKind, path: String, relative: String) -> ParsedDocument {
        var result = ParsedDocument()
        let bytes: [UInt8]
        do { bytes = try fileSystem.read(path) } catch {
            result.diagnostics.append(.error(SourceLocation(path: path, line: 1, column: 1), "cannot read this file; check its permissions", code: "unreadable"))
            return result
        }
        if let cache, let known = cache.document(path, bytes: bytes, defaultAudience: defaultAudience) { return known }
        result = decode(kind, bytes: bytes, path: path, relative: relative)
        cache?.remember(path, bytes: bytes, defaultAudience: defaultAudience, result)
        return result
    }

    /// Decodes one document file's bytes: text, front matter, YAML, schema and Markdown limits.
    func decode(_ kind: DocumentKind, bytes: [UInt8], path: String, relative: String) -> ParsedDocument {
        // Almost every Markdown document is read straight from its bytes: its YAML in place,
        // its body copied once into a string. Anything out of the ordinary (a problem with
        // the text or its front matter, or CRLF line endings) goes the longer way below,
        // through the whole file's text, which reports it or converts the line endings.
        if !kind.isYAMLFile, let read = bytes.withUnsafeBufferPointer({ readDirectly(kind, bytes: $0, path: path) }) {
            switch read {
            case let .failure(problem): return ParsedDocument(diagnostics: [problem])
            case let .success((tree, body, bodyLine)):
                return decode(kind, tree: tree, yamlLineOffset: 1, body: body, bodyLine: bodyLine, path: path, relative: relative)
            }
        }
        var result = ParsedDocument()
        let text: String
        switch SourceText.decode(bytes, path: path) {
        case let .success(t): text = t
        case let .failure(d): result.diagnostics.append(d); return result
        }
        var yaml = text[...], lineOffset = 0, body = "", bodyLine = 1
        if !kind.isYAMLFile {
            switch FrontMatter.split(text, path: path) {
            case let .success(fm): yaml = fm.yaml; lineOffset = fm.yamlLineOffset; body = fm.body; bodyLine = fm.bodyLine
            case let .failure(d): result.diagnostics.append(d); return result
            }
        } else if text.allSatisfy(\.isWhitespace) {
            result.diagnostics.append(.error(SourceLocation(path: path, line: 1, column: 1), "the file is empty; \(kind.requiredKeysHint)", code: "empty-file"))
            return result
        }
        switch YAMLReader.compose(yaml, path: path, lineOffset: lineOffset) {
        case let .success(tree?): return decode(kind, tree: tree, yamlLineOffset: lineOffset, body: body, bodyLine: bodyLine, path: path, relative: relative)
        case .success(nil): return ParsedDocument(diagnostics: [emptyFrontMatter(kind, path: path)])
        case let .failure(d): result.diagnostics.append(d); return result
        }
    }

    func emptyFrontMatter(_ kind: DocumentKind, path: String) -> Diagnostic {
        .error(SourceLocation(path: path, line: 1, column: 1), "the front matter is empty; \(kind.requiredKeysHint)", code: "empty-front-matter")
    }

    /// A Markdown document's YAML tree and body, read from its bytes without first making
    /// the whole file a string; nil when the file needs `SourceText.decode` and
    /// `FrontMatter.split` (which report its problems), a failure for its YAML's problem.
    /// Which diagnostics come out is the same either way: every byte check of the longer
    /// way is made here first, and the two parts are valid UTF-8 exactly when the file is.
    func readDirectly(_ kind: DocumentKind, bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<(YAMLTree, String, Int), Diagnostic>? {
        guard let start = SourceText.plainStart(of: bytes) else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[start...])
        guard !text.isEmpty, case let .found(yamlRange, bodyRange, bodyLine) = FrontMatter.layout(of: text) else { return nil }
        let yaml = UnsafeBufferPointer(rebasing: text[yamlRange])
        guard SourceText.isUTF8(yaml), let body = bodyRange.isEmpty ? "" : String(validating: UnsafeBufferPointer(rebasing: text[bodyRange]), as: UTF8.self) else { return nil }
        switch YAMLReader.compose(utf8: yaml, path: path, lineOffset: 1) {
        case let .success(tree?): return .success((tree, body, bodyLine))
        case .success(nil): return .failure(emptyFrontMatter(kind, path: path))
        case let .failure(problem): return .failure(problem)
        }
    }

    /// Decodes a document's YAML tree against its kind's schema and checks its body's
    /// Markdown, giving its model items.
    func decode(_ kind: DocumentKind, tree: YAMLTree, yamlLineOffset lineOffset: Int, body: String, bodyLine: Int, path: String, relative: String) -> ParsedDocument {
        var result = ParsedDocument()
        var body = body
        var decoder = SchemaDecoder(path: path, lineOffset: lineOffset)
        let object = decoder.decodeDocument(tree, schema: kind.schema)
        result.diagnostics += decoder.diagnostics
        guard let root = tree.root, tree.kind(root) == .mapping else { return result }
        // A body that would make rendering slow is reported and left out (docs/LIMITS.md).
        if decoder.markdownBytes > MarkdownLimits.maxBytes {
            body = ""
        } else if let problem = bodyProblem(body, at: bodyLine, path: path, markdownInKeys: decoder.markdownBytes, budget: decoder.markdownBudget) {
            result.diagnostics.append(problem)
            body = ""
        }
        let document = Document(kind: kind, path: path, stem: stem(relative), object: object, body: body, bodyLine: bodyLine)
        result.part = SiteBuilder.part(of: document, defaultAudience: defaultAudience)
        return result
    }

    /// Why a document's Markdown body is refused: over the document's Markdown size or time
    /// budget (which its keys share), or too deep for cmark-gfm.
    func bodyProblem(_ body: String, at bodyLine: Int, path: String, markdownInKeys: Int, budget: Double) -> Diagnostic? {
        guard !body.isEmpty else { return nil }
        let bytes = body.utf8.count
        if bytes <= MarkdownLimits.maxBytes, markdownInKeys + bytes > MarkdownLimits.maxBytes {
            return .error(SourceLocation(path: path, line: bodyLine, column: 1), "this body and the Markdown in the keys above it come to \((markdownInKeys + bytes + 1023) / 1024) KB, over the \(MarkdownLimits.maxBytes / 1024) KB limit for one document; split it into several documents or pages", code: "markdown-too-large")
        }
        var budget = budget
        guard let problem = MarkdownRenderer.problem(in: body, budget: &budget) else { return nil }
        return .error(SourceLocation(path: path, line: bodyLine + problem.line - 1, column: problem.column), problem.message, code: problem.code)
    }

    /// The file's name without its folders and its last extension, found by bytes.
    func stem(_ relative: String) -> String {
        let bytes = relative.utf8
        let start = bytes.lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:)) ?? bytes.startIndex
        let end = bytes[start...].lastIndex(of: UInt8(ascii: ".")) ?? bytes.endIndex
        return String(relative[start..<end])
    }

    /// The values in an indicator's data file, and what is wrong with it.
    func values(csv relative: String, for indicator: Indicator) -> (values: [IndicatorValue], problems: [Diagnostic]) {
        let path = root + "/" + relative
        let reference = indicator.dataLocation ?? indicator.location
        // Its folders are looked at by bytes: splitting it into strings cost more than reading the file.
        guard relative.hasPrefix("data/"), !relative.utf8.split(separator: UInt8(ascii: "/")).contains(where: { $0.elementsEqual("..".utf8) }), !relative.hasPrefix("/") else {
            return ([], [.error(reference, "data file '\(relative)' is outside the content folder's data/ folder; move the file into data/ and write 'data: data/\(indicator.id).csv'", code: "data-outside")])
        }
        guard fileSystem.exists(path) else {
            return ([], [.error(reference, "data file '\(relative)' does not exist; create it with the header 'period,value', or correct the name", code: "missing-data")])
        }
        guard let bytes = try? fileSystem.read(path) else {
            return ([], [.error(SourceLocation(path: path, line: 1, column: 1), "cannot read this file; check its permissions, and that it is a file, not a folder", code: "unreadable")])
        }
        let text: String
        switch SourceText.decode(bytes, path: path) {
        case let .success(t): text = t
        case let .failure(d): return ([], [d])
        }
        switch CSVTable.parse(text, path: path) {
        case let .failure(d): return ([], [d])
        case let .success(table):
            var problems: [Diagnostic] = []
            let values = IndicatorCSV.values(from: table, path: path, diagnostics: &problems)
            return (values, problems)
        }
    }
}

/// One decoded document on its way into the model.
struct Document {
    var kind: DocumentKind
    var path: String
    var stem: String
    var object: DecodedObject
    var body: String
    var bodyLine: Int
}

/// Decoded documents by path, each with the bytes it was decoded from and the default
/// audience its items were built with, kept between loads so that a rebuild decodes only the
/// files that changed. Safe to use from several threads.
public final class DocumentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (bytes: [UInt8], audience: Audience, parsed: ContentLoader.ParsedDocument)] = [:]

    public init() {}

    func document(_ path: String, bytes: [UInt8], defaultAudience: Audience) -> ContentLoader.ParsedDocument? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[path], entry.audience == defaultAudience, entry.bytes == bytes else { return nil }
        return entry.parsed
    }

    func remember(_ path: String, bytes: [UInt8], defaultAudience: Audience, _ parsed: ContentLoader.ParsedDocument) {
        lock.lock()
        entries[path] = (bytes, defaultAudience, parsed)
        lock.unlock()
    }

    /// Forgets files that are gone.
    func keep(only paths: Set<String>) {
        lock.lock()
        entries = entries.filter { paths.contains($0.key) }
        lock.unlock()
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
