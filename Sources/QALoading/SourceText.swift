import QADiagnostics

/// Turns a file's bytes into text, or explains why they are not text qapress can read.
/// A UTF-8 byte-order mark is dropped and CRLF line endings become LF, so columns and
/// lines in diagnostics match what editors show.
enum SourceText {
    /// Files larger than this are refused before parsing: content files are a few kilobytes.
    static let sizeLimit = 8 * 1024 * 1024

    static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        let start = SourceLocation(path: path, line: 1, column: 1)
        if bytes.count > sizeLimit {
            return .failure(.error(start, "the file is larger than the \(sizeLimit / 1_048_576) MB limit for a content file; split it into several files", code: "file-too-large"))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            return .failure(.error(position(of: nul, in: body, path: path), "the file contains a NUL byte, so it looks like a binary file; content files must be UTF-8 text", code: "binary-file"))
        }
        var string = ""
        string.reserveCapacity(body.count)
        var iterator = body.makeIterator()
        var decoder = UTF8()
        var offset = body.startIndex
        var scalarStart = offset
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                string.unicodeScalars.append(scalar)
                offset += UTF8.width(scalar)
                scalarStart = offset
            case .emptyInput:
                break loop
            case .error:
                return .failure(.error(position(of: scalarStart, in: body, path: path), "the file is not valid UTF-8 text; save it as UTF-8 in your editor", code: "invalid-utf8"))
            }
        }
        if string.contains("\r") {
            string = string.split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
        }
        return .success(string)
    }

    static func position(of index: Int, in bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        var line = 1, column = 1
        for i in bytes.startIndex..<index {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(path: path, line: line, column: column)
    }
}
