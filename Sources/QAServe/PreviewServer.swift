import Foundation
import Hummingbird
import QADiagnostics
import QAModel
import QAPipeline
import QARendering
import ServiceLifecycle

/// `qapress serve`: builds the site in memory, serves it on localhost, rebuilds when content,
/// themes or settings change, reloads open pages, and shows problems in the page as well as
/// in the terminal. A broken edit never stops the server: the last good site stays up.
public struct PreviewServer: Sendable {
    public var projectRoot: String
    public var port: Int
    public var buildDate: Day?
    public var log: @Sendable (String) -> Void

    public init(projectRoot: String = ".", port: Int = 8000, buildDate: Day? = nil, log: @escaping @Sendable (String) -> Void) {
        self.projectRoot = projectRoot
        self.port = port
        self.buildDate = buildDate
        self.log = log
    }

    public func run() async throws {
        let state = PreviewState()
        var options = BuildOptions(projectRoot: projectRoot, buildDate: buildDate, baseURL: "/", pdf: .off, write: false)
        options.cache = BuildCache()
        let watcher = ContentWatcher(roots: ["content", "themes", "qapress.yml"].map { projectRoot == "." ? $0 : projectRoot + "/" + $0 })
        // Taken before the first build, so an edit made while it runs is built next.
        let unbuilt = watcher.fingerprint()
        await rebuild(options, into: state, reason: "first build")
        let router = Router()
        router.get("/__qapress/events") { _, _ -> Response in
            let (id, stream) = await state.listen()
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                // End the stream when the server stops, or shutdown would wait for the browser.
                for await event in stream.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: "data: \(event)\n\n"))
                }
                await state.stopListening(id)
                try await writer.finish(nil)
            })
        }
        router.get("/__qapress/live.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: PreviewAssets.script)))
        }
        router.get("/__qapress/overlay.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: PreviewAssets.style)))
        }
        // "/**" does not match the bare "/", so the home page has a route of its own.
        router.get("/") { request, _ -> Response in
            await serve(request.uri.path, state: state)
        }
        router.get("/**") { request, _ -> Response in
            await serve(request.uri.path, state: state)
        }
        let log = self.log
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "qapress"),
                              onServerRunning: { channel in
                                  log("qapress serve: previewing on http://127.0.0.1:\(channel.localAddress?.port ?? 0)/ (Ctrl-C to stop)")
                              })
        let watching = Task {
            var changes = SettledChanges(built: unbuilt)
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                if changes.poll(watcher.fingerprint()) {
                    await rebuild(options, into: state, reason: "change")
                }
            }
        }
        defer { watching.cancel() }
        try await app.runService()
    }

    func rebuild(_ options: BuildOptions, into state: PreviewState, reason: String) async {
        let started = ContinuousClock.now
        let result = build(options)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        await state.update(files: result.diagnostics.hasErrors ? nil : result.files, problems: result.diagnostics)
        log("qapress serve: \(reason): built in \(milliseconds) ms (\(DiagnosticPrinter.summary(result.diagnostics)))")
        for problem in result.diagnostics where problem.severity == .error { log(problem.description) }
    }

    func serve(_ rawPath: String, state: PreviewState) async -> Response {
        var path = String(rawPath.dropFirst()).removingPercentEncoding ?? String(rawPath.dropFirst())
        if let cut = path.firstIndex(of: "?") { path = String(path[..<cut]) }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        var body = await state.file(path)
        if body == nil, await state.file(path + "/index.html") != nil {
            return Response(status: .movedPermanently, headers: [.location: "/" + path + "/"])
        }
        var status = HTTPResponse.Status.ok
        if body == nil {
            status = .notFound
            path = "404.html"
            body = await state.file(path)
        }
        let found = body != nil
        var bytes = body ?? Array("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>qapress preview</title></head><body><p>There is no page here yet.</p></body></html>\n".utf8)
        let type = found ? PreviewAssets.contentType(path) : "text/html; charset=utf-8"
        if type.hasPrefix("text/html") {
            bytes = Array(PreviewAssets.inject(into: String(decoding: bytes, as: UTF8.self), problems: await state.problems, built: await state.hasSite).utf8)
        }
        return Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
