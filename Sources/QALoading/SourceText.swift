import QADiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// Turns a file's bytes into text, or explains why they are not text qapress can read.
/// A UTF-8 byte-order mark is dropped and CRLF line endings become LF, so columns and
/// lines in diagnostics match what editors show.
enum SourceText {
    /// Files larger than this are refused before parsing: content files are a few kilobytes.
    static let sizeLimit = 8 * 1024 * 1024

    /// Longer lines than this are refused: no content needs them, and a single huge line
    /// would reach every page that shows the text.
    static let lineLimit = 64 * 1024

    /// The first line longer than `lineLimit`, with its length in bytes.
    static func longLine(in bytes: ArraySlice<UInt8>) -> (line: Int, length: Int)? {
        bytes.withUnsafeBufferPointer { longLine(in: $0) }
    }

    static func longLine(in buffer: UnsafeBufferPointer<UInt8>) -> (line: Int, length: Int)? {
        guard let base = buffer.baseAddress else { return nil }
        var line = 1, start = 0
        while start <= buffer.count {
            // memchr finds each line end; only a long line is looked at further.
            let end = memchr(base + start, 0x0A, buffer.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? buffer.count
            if end - start > lineLimit { return (line, end - start) }
            if end == buffer.count { return nil }
            start = end + 1
            line += 1
        }
        return nil
    }

    /// Where a file's text starts (past a byte-order mark) when its bytes can be read as they
    /// are: within the size limit, without NUL bytes, carriage returns or over-long lines.
    /// Nil when `decode` must look at the file: to report a problem or to change its line
    /// endings. Whether the bytes are UTF-8 is left to the caller, part by part (`isUTF8`).
    static func plainStart(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count <= sizeLimit, let base = bytes.baseAddress else { return nil }
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let count = bytes.count - start
        if memchr(base + start, 0, count) != nil || memchr(base + start, 0x0D, count) != nil { return nil }
        if longLine(in: UnsafeBufferPointer(rebasing: bytes[start...])) != nil { return nil }
        return start
    }

    /// Whether `bytes` are valid UTF-8: ASCII, the common case, is checked eight bytes at a
    /// time without a copy; the standard library's check decides the rest.
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count { high |= UInt64(bytes[index]); index += 1 }
        if high & 0x8080_8080_8080_8080 == 0 { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var start: SourceLocation { SourceLocation(path: path, line: 1, column: 1) } // made only for a problem
        if bytes.count > sizeLimit {
            return .failure(.error(start, "the file is larger than the \(sizeLimit / 1_048_576) MB limit for a content file; split it into several files", code: "file-too-large"))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.withUnsafeBufferPointer({ $0.baseAddress.map { memchr($0, 0, body.count) != nil } ?? false }), let nul = body.firstIndex(of: 0) {
            return .failure(.error(position(of: nul, in: body, path: path), "the file contains a NUL byte, so it looks like a binary file; content files must be UTF-8 text", code: "binary-file"))
        }
        var string: String
        if #available(macOS 15, *), let valid = String(validating: body, as: UTF8.self) {
            string = valid // the standard library's fast check; decodeScalars finds where it fails
        } else {
            switch decodeScalars(body, path: path) {
            case let .success(decoded): string = decoded
            case let .failure(problem): return .failure(problem)
            }
        }
        if let (line, length) = longLine(in: body) {
            return .failure(.error(SourceLocation(path: path, line: line, column: 1), "this line is \((length + 1023) / 1024) KB long, over the \(lineLimit / 1024) KB limit for one line; break it into shorter lines (Markdown and YAML text can run over several lines)", code: "line-too-long"))
        }
        if body.withUnsafeBufferPointer({ $0.baseAddress.map { memchr($0, 0x0D, body.count) != nil } ?? false }) {
            string = string.split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
        }
        return .success(string)
    }

    /// Decodes scalar by scalar, to report the place of the first invalid byte.
    static func decodeScalars(_ body: ArraySlice<UInt8>, path: String) -> Result<String, Diagnostic> {
        var string = ""
        string.reserveCapacity(body.count)
        var iterator = body.makeIterator()
        var decoder = UTF8()
        var offset = body.startIndex
        var scalarStart = offset
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                string.unicodeScalars.append(scalar)
                offset += UTF8.width(scalar)
                scalarStart = offset
            case .emptyInput:
                return .success(string)
            case .error:
                return .failure(.error(position(of: scalarStart, in: body, path: path), "the file is not valid UTF-8 text; save it as UTF-8 in your editor", code: "invalid-utf8"))
            }
        }
    }

    static func position(of index: Int, in bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        var line = 1, column = 1
        for i in bytes.startIndex..<index {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(path: path, line: line, column: column)
    }
}
