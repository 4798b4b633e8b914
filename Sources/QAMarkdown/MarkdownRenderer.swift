import CCmarkArena
import CCmarkGFM
import Foundation

/// Turns Markdown into HTML with cmark-gfm. This is the only code in qapress that calls cmark-gfm.
///
/// Enabled: the GFM extensions table, strikethrough, autolink, tagfilter and tasklist, and
/// footnotes. Raw HTML is never passed through (no `CMARK_OPT_UNSAFE`): it is replaced by a
/// comment, so content cannot inject markup or script. Smart punctuation is on by default
/// because published reports use typographic quotes and dashes; the GFM spec test turns it off.
///
/// cmark-gfm 0.29.0.gfm.6 changes a global table while it parses. With qapress's extensions
/// the table is kept as they need it, so texts parse on every core at once; with others, a
/// parse has the table to itself (`InlineCharacterTable`). Rendering a parsed tree to HTML
/// always runs in parallel.
public struct MarkdownRenderer: Sendable {
    public struct Options: Sendable, Hashable {
        public var smartPunctuation: Bool
        public var footnotes: Bool
        public var extensions: [String]

        public init(smartPunctuation: Bool = true, footnotes: Bool = true,
                    extensions: [String] = MarkdownRenderer.defaultExtensions) {
            self.smartPunctuation = smartPunctuation
            self.footnotes = footnotes
            self.extensions = extensions
        }
    }

    public static let defaultExtensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    public let options: Options
    /// The options' extensions as cmark-gfm's list, which lives for the process.
    private let extensionList: ExtensionList
    /// Whether its parses can share cmark-gfm's table of inline characters with others.
    private let sharesTable: Bool

    public init(options: Options = Options()) {
        Self.registerExtensions
        self.options = options
        self.extensionList = ExtensionList(cells: ExtensionLists.shared.list(for: options.extensions))
        self.sharesTable = InlineCharacterTable.shared.canShare(extensionList.cells)
    }

    /// HTML for `markdown`. Text that fails the cost pre-check of `problem(in:)` (which the
    /// loader reports as an error, so a build never gets here with it) is not given to
    /// cmark-gfm: it comes back escaped, as preformatted text.
    public func html(_ markdown: String) -> String {
        if Self.costProblem(in: markdown) != nil { return "<pre>" + Self.escape(markdown) + "</pre>\n" }
        // The parser, the tree and the HTML all live in this thread's arena, which is emptied
        // at once when the HTML has been copied out: nothing is freed piece by piece.
        defer { qapress_cmark_arena_reset() }
        let document = parse(markdown)
        guard let cString = cmark_render_html(document.root, document.flags, document.extensions) else { return "" }
        return String(cString: cString)
    }

    struct Parsed {
        var root: OpaquePointer
        var extensions: UnsafeMutablePointer<cmark_llist>?
        var flags: Int32
    }

    /// The tree lives in this thread's arena (`CCmarkArena`): the caller uses it on this
    /// thread and ends with `qapress_cmark_arena_reset()`, which frees it.
    func parse(_ markdown: String) -> Parsed {
        var flags = CMARK_OPT_DEFAULT
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.footnotes { flags |= CMARK_OPT_FOOTNOTES }
        var text = markdown
        return text.withUTF8 { parse($0, flags: flags) }
    }

    /// Parses UTF-8 bytes; only feeding and finishing the parser hold the table's lock.
    private func parse(_ buffer: UnsafeBufferPointer<UInt8>, flags: Int32) -> Parsed {
        // The parser's own extension list is freed with the parser; rendering gets an equal,
        // process-lifetime list (tagfilter acts at render time, so it must be passed).
        let renderExtensions = extensionList.cells
        // Making a parser, attaching the extensions to it and freeing it touch only the
        // parser's own memory; only the inline pass, which finishing runs, reads the shared
        // table.
        let memory = qapress_cmark_arena_allocator()!.assumingMemoryBound(to: cmark_mem.self)
        let parser = cmark_parser_new_with_mem(flags, memory)!
        var cell = renderExtensions
        while let current = cell {
            cmark_parser_attach_syntax_extension(parser, OpaquePointer(current.pointee.data))
            cell = current.pointee.next
        }
        let run = { () -> OpaquePointer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
            return cmark_parser_finish(parser)!
        }
        let table = InlineCharacterTable.shared
        let root = sharesTable ? table.sharing(run) : table.alone(run)
        return Parsed(root: root, extensions: renderExtensions, flags: flags)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()
}

/// Extension lists that live for the whole process, one per set of extension names. The
/// extensions themselves are static in cmark-gfm; only the list cells are allocated here.
final class ExtensionLists: @unchecked Sendable {
    static let shared = ExtensionLists()
    private var lists: [[String]: UnsafeMutablePointer<cmark_llist>] = [:]
    private let lock = NSLock()

    func list(for names: [String]) -> UnsafeMutablePointer<cmark_llist>? {
        if names.isEmpty { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let existing = lists[names] { return existing }
        var list: UnsafeMutablePointer<cmark_llist>? = nil
        for name in names {
            if let ext = cmark_find_syntax_extension(name) {
                list = cmark_llist_append(cmark_get_default_mem_allocator(), list, UnsafeMutableRawPointer(ext))
            }
        }
        if let list { lists[names] = list }
        return list
    }
}

/// A list of `ExtensionLists`, which is never freed or changed, so any thread may read it.
struct ExtensionList: @unchecked Sendable {
    let cells: UnsafeMutablePointer<cmark_llist>?
}

/// A mutex that tries for a while before it blocks, for a lock that is taken very often and
/// held for a few microseconds, such as the Markdown cache's.
public final class SpinningLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    public init() {
        mutex = .allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        #if os(Linux)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
        #endif
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Tries for the lock a few thousand times (a few tens of microseconds) before it waits
    /// in the kernel: with a thread per core there is nothing else for a waiting core to do,
    /// and sleeping and being woken cost more than the wait.
    public func lock() {
        var tries = 0
        while pthread_mutex_trylock(mutex) != 0 {
            tries += 1
            if tries == 2_000 { pthread_mutex_lock(mutex); return }
        }
    }
    public func unlock() { pthread_mutex_unlock(mutex) }
}
