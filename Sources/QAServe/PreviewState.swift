import Foundation
import QADiagnostics
import QARendering

/// What the preview server shows: the last site that built, the problems of the latest
/// build, and the browsers waiting to hear about the next one.
actor PreviewState {
    private(set) var files: [String: [UInt8]] = [:]
    private(set) var problems: [Diagnostic] = []
    private(set) var version = 0
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]

    /// A new build: keep its files if it wrote any (a broken edit keeps the last good site)
    /// and tell every open page to reload.
    func update(files newFiles: [RenderedFile]?, problems newProblems: [Diagnostic]) {
        if let newFiles { files = Dictionary(newFiles.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a }) }
        problems = newProblems
        version += 1
        for listener in listeners.values { listener.yield("reload") }
    }

    func file(_ path: String) -> [UInt8]? { files[path] }

    /// Whether any build of this session has succeeded, so that there is a site to show.
    var hasSite: Bool { !files.isEmpty }

    func listen() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        listeners[id] = continuation
        return (id, stream)
    }

    func stopListening(_ id: UUID) {
        listeners[id]?.finish()
        listeners[id] = nil
    }
}
