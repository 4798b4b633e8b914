import Foundation

/// Turns HTML files into tagged PDFs (PDF/UA-1) with WeasyPrint, and reports documents that
/// need more pages than they may have. WeasyPrint is a Python library, so the engine runs a
/// short Python program; it is the only code in qapress that starts the PDF engine.
public struct PDFEngine: Sendable {
    public struct Job: Sendable {
        public var html: String
        public var pdf: String
        public var maxPages: Int

        public init(html: String, pdf: String, maxPages: Int) {
            self.html = html
            self.pdf = pdf
            self.maxPages = maxPages
        }
    }

    public struct Result: Sendable, Equatable {
        public var pdf: String
        public var pages: Int
        /// The id of the first section that runs past the last allowed page; nil when it fits.
        public var overflowingSection: String?
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing(String)
        case failed(String)

        public var description: String {
            switch self {
            case let .missing(detail): return "the PDF engine (WeasyPrint) is not installed, so no PDFs were made (\(detail)); install it with 'pip install weasyprint==70'"
            case let .failed(detail): return "the PDF engine failed: \(detail)"
            }
        }
    }

    public var python: String

    public init(python: String = ProcessInfo.processInfo.environment["QAPRESS_PYTHON"] ?? "python3") {
        self.python = python
    }

    /// Whether WeasyPrint can be imported.
    public func isAvailable() -> Bool {
        (try? run(["-c", "import weasyprint"], input: Data())).map { $0.status == 0 } ?? false
    }

    /// Renders every job. A job over its page limit gets no PDF; its result names the section.
    public func render(_ jobs: [Job]) throws -> [Result] {
        guard !jobs.isEmpty else { return [] }
        let manifest = try JSONSerialization.data(withJSONObject: jobs.map { ["html": $0.html, "pdf": $0.pdf, "maxPages": $0.maxPages] })
        let outcome = try run(["-c", Self.program], input: manifest)
        guard let object = try? JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any] else {
            throw Failure.failed(String(decoding: outcome.stderr, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " "))
        }
        if let missing = object["missing"] as? String { throw Failure.missing(missing) }
        guard let results = object["results"] as? [[String: Any]] else { throw Failure.failed("no results") }
        return results.map {
            Result(pdf: $0["pdf"] as? String ?? "", pages: $0["pages"] as? Int ?? 0, overflowingSection: $0["overflow"] as? String)
        }
    }

    private func run(_ arguments: [String], input: Data) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = environment["SOURCE_DATE_EPOCH"] ?? "0"
        process.environment = environment
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let errors = ErrorCollector(stderr.fileHandleForReading)
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, out, errors.data)
    }

    /// The Python side: render each document, count pages, find the section that overflows,
    /// and write tagged PDF/UA-1. SOURCE_DATE_EPOCH keeps the PDF dates fixed.
    static let program = #"""
import json, sys
try:
    from weasyprint import HTML
except Exception as error:
    print(json.dumps({"missing": str(error)}))
    sys.exit(0)

def first_section(page):
    for box in page._page_box.descendants():
        element = getattr(box, "element", None)
        if element is not None:
            ident = element.get("id") or ""
            if ident.startswith("section-"):
                return ident
    return None

results = []
for job in json.load(sys.stdin):
    document = HTML(filename=job["html"]).render()
    pages = len(document.pages)
    overflow = None
    limit = job["maxPages"]
    if limit and pages > limit:
        for page in document.pages[limit:]:
            overflow = first_section(page)
            if overflow:
                break
        overflow = overflow or "whole"
    else:
        document.write_pdf(job["pdf"], pdf_variant="pdf/ua-1")
    results.append({"pdf": job["pdf"], "pages": pages, "overflow": overflow})
print(json.dumps({"results": results}))
"""#
}

/// Reads a pipe on another thread so a chatty child process cannot block on a full pipe.
public final class ErrorCollector: @unchecked Sendable {
    private var collected = Data()
    private let done = DispatchSemaphore(value: 0)

    public init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.collected = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    public var data: Data {
        done.wait()
        return collected
    }

    public var text: String { String(decoding: data, as: UTF8.self) }
}
