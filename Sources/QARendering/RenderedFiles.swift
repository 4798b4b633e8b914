import Foundation

/// Where a build's files go as they are rendered, from any thread: kept in memory (the
/// preview server, tests), or handed to a writer that puts each on disk at once, so that a
/// large site is never held in memory whole.
public final class RenderedFiles: @unchecked Sendable {
    /// Writes one file whose bytes `produce` hands, piece by piece, to the function it is
    /// given; returns the problem in words, or nil.
    public typealias Writer = @Sendable (_ path: String, _ produce: (_ emit: ([UInt8]) -> Void) -> Void) -> String?

    private let writer: Writer?
    private let lock = NSLock()
    private var kept: [RenderedFile] = []
    private var written: [String] = []
    private var problem: String?

    /// Files kept in memory.
    public init() { writer = nil }

    /// Files handed to `writer` as they come.
    public init(writer: @escaping Writer) { self.writer = writer }

    public func add(_ file: RenderedFile) {
        stream(path: file.path) { $0(file.bytes) }
    }

    /// A file whose bytes `produce` hands over piece by piece as it makes them; a writer
    /// puts each piece on disk at once.
    public func stream(path: String, _ produce: (_ emit: ([UInt8]) -> Void) -> Void) {
        if let writer {
            let failure = writer(path, produce)
            lock.lock()
            written.append(path)
            if problem == nil { problem = failure }
            lock.unlock()
        } else {
            var bytes: [UInt8] = []
            produce { bytes += $0 }
            lock.lock()
            kept.append(RenderedFile(path: path, bytes: bytes))
            lock.unlock()
        }
    }

    /// The files kept in memory, sorted by path (empty when they were written).
    public var files: [RenderedFile] {
        lock.lock()
        defer { lock.unlock() }
        return kept.sorted { $0.path < $1.path }
    }

    /// Every path added so far, in no particular order.
    public var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return writer == nil ? kept.map(\.path) : written
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return writer == nil ? kept.count : written.count
    }

    /// The first problem a writer reported, if any.
    public var writeProblem: String? {
        lock.lock()
        defer { lock.unlock() }
        return problem
    }
}
