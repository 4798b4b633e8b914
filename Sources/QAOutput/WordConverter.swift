import Foundation

/// Makes editable Word documents (DOCX) from HTML with pandoc, so that boards can draft and
/// comment in Word. Headings, tables and lists survive; charts do not.
public struct WordConverter: Sendable {
    public init() {}

    public func isAvailable() -> Bool {
        run(["--version"]) == 0
    }

    /// Converts `html` to `docx`; throws with pandoc's message when it fails.
    public func convert(html: String, to docx: String) throws {
        let status = run(["--from", "html", "--to", "docx", "--output", docx, html])
        guard status == 0 else { throw PDFEngine.Failure.failed("pandoc could not make \(docx)") }
    }

    private func run(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pandoc"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = environment["SOURCE_DATE_EPOCH"] ?? "0"
        process.environment = environment
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
