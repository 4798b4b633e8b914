import Foundation

/// Where a build's files go as they are rendered, from any thread: kept in memory (the
/// preview server, tests), or handed to a writer that puts each on disk at once, so that a
/// large site is never held in memory whole.
public final class RenderedFiles: @unchecked Sendable {
    /// Writes one file; returns the problem in words, or nil.
    public typealias Writer = @Sendable (RenderedFile) -> String?

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
        if let writer {
            let failure = writer(file)
            lock.lock()
            written.append(file.path)
            if problem == nil { problem = failure }
            lock.unlock()
        } else {
            lock.lock()
            kept.append(file)
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
