import Foundation
import QADiagnostics
import QAMarkdown

/// The HTML of every Markdown text of a build, each rendered once.
///
/// Pages are built on every core and ask for their texts as they go; cmark-gfm parses one
/// text at a time, so the rest of its work and everything else run beside it. A cache handed from one
/// build to the next (the preview server does) keeps the texts that did not change, so only
/// edited Markdown is rendered again.
public final class MarkdownCache: @unchecked Sendable {
    private struct Entry {
        var html: String
        var build: Int
    }

    private let renderer = MarkdownRenderer()
    private let lock = SpinningLock()
    private var entries: [TextKey: Entry] = [:]
    private var build = 0
    /// Texts longer than this many bytes are rendered each time they are asked for and not
    /// kept; nil keeps every text.
    private let longest: Int?
    /// Whether a text's HTML is kept only when it is asked for a second time.
    private let keepsRepeatsOnly: Bool
    /// The hashes of the texts asked for once so far, when only repeats are kept.
    private var seenOnce = Set<Int>()

    /// A cache for one build keeps short texts that are asked for more than once: actions,
    /// findings and recommendations appear on several pages, while a document's long body
    /// and most of its other texts appear on one, and keeping those would hold a large
    /// site's Markdown in memory twice. A cache that lives from one build to the next (the
    /// preview server) keeps every text, so that an edit renders only what changed.
    public init(keepsLongTexts: Bool = false) {
        longest = keepsLongTexts ? nil : 2048
        keepsRepeatsOnly = !keepsLongTexts
    }

    /// The HTML of `text`. A text the caller knows to appear on several pages (an action is
    /// on its document's page and three times in the tracker) is `reused`: it is kept the
    /// first time, instead of being rendered again before it is kept.
    public func html(_ text: String, reused: Bool = false) -> String {
        if text.isEmpty { return "" }
        if let longest, text.utf8.count > longest { return renderer.html(text) }
        // Hashed once, before the lock is taken: under it only the hash is hashed again.
        let key = TextKey(text)
        lock.lock()
        if let hit = entries[key] {
            if hit.build != build { entries[key]!.build = build }
            lock.unlock()
            return hit.html
        }
        // A text asked for the first time is only remembered by its hash (two texts of the
        // same hash are both kept from their second time).
        let keep = !keepsRepeatsOnly || reused || !seenOnce.insert(key.hash).inserted
        lock.unlock()
        let html = renderer.html(text)
        guard keep else { return html }
        lock.lock()
        entries[key] = Entry(html: html, build: build)
        lock.unlock()
        return html
    }

    /// Ends a build: texts that it did not use are dropped.
    public func forgetUnused() {
        lock.lock()
        entries = entries.filter { $0.value.build == build }
        seenOnce = []
        build += 1
        lock.unlock()
    }

    /// Drops every text.
    public func removeAll() {
        lock.lock()
        entries = [:]
        seenOnce = []
        lock.unlock()
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
