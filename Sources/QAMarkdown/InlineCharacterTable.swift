import CCmarkGFM
import CCmarkInlineTable
import Foundation

/// Lets texts be parsed on every core at once, although cmark-gfm keeps a table for the whole
/// process that parsing changes.
///
/// cmark-gfm's inline parser stops at the characters marked in one table, which is global in
/// Debian's 0.29.0.gfm.6. Two extensions add characters to it: autolink (`:` and `w`) and
/// strikethrough (`~`, which also counts as punctuation next to emphasis). Every parse marks
/// its extensions' characters at the start of its inline pass and unmarks them at the end,
/// with `cmark_manage_extensions_special_characters`. Two parses at once would unmark them
/// under each other, and the second would miss a link or a strikethrough. That is the only
/// state parsing shares: everything else belongs to the parser or is constant.
///
/// Nearly every parse in qapress attaches both extensions, so the table can simply stay as
/// they need it. The C target CCmarkInlineTable takes the library's calls to that function
/// (the program's definition of it comes first for the dynamic linker) and passes them on,
/// except while the table is held *steady*: then the characters stay marked and parses
/// change nothing. Parses with both extensions run together, under the shared side of a
/// readers-writer lock, with the table steady. A parse without one of them (the GFM spec
/// test's examples) needs the table as the library alone would have it: it holds the lock
/// alone, unmarks the characters, lets the library mark and unmark its own and parses exactly
/// as the library alone would. The next shared parse makes the table steady again.
///
/// Every parse holds the table alone, one at a time, if the library is not the version whose
/// behaviour is described here, or if its calls do not reach CCmarkInlineTable (where
/// libraries bind their calls to themselves, as on macOS).
final class InlineCharacterTable: @unchecked Sendable {
    static let shared = InlineCharacterTable()

    private let lock: UnsafeMutablePointer<pthread_rwlock_t>
    /// Written only under the exclusive lock.
    private var steady = false
    /// Whether parses with both extensions may share the steady table.
    let sharingWorks: Bool
    private let autolink: OpaquePointer?
    private let strikethrough: OpaquePointer?
    /// A parser with both extensions attached, never fed: marking and unmarking their
    /// characters goes through its list of extensions.
    private let switcher: OpaquePointer?

    private init() {
        lock = .allocate(capacity: 1)
        pthread_rwlock_init(lock, nil)
        cmark_gfm_core_extensions_ensure_registered()
        autolink = cmark_find_syntax_extension("autolink")
        strikethrough = cmark_find_syntax_extension("strikethrough")
        let version = cmark_version_string().map { String(cString: $0) }
        guard version == "0.29.0.gfm.6", let autolink, let strikethrough, qapress_inline_table_prepare() else {
            sharingWorks = false
            switcher = nil
            return
        }
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)
        cmark_parser_attach_syntax_extension(parser, autolink)
        cmark_parser_attach_syntax_extension(parser, strikethrough)
        switcher = parser
        sharingWorks = Self.libraryCallsReachUs()
    }

    /// Parses one word and sees whether the library's two calls (mark, then unmark) came to
    /// CCmarkInlineTable.
    private static func libraryCallsReachUs() -> Bool {
        let before = qapress_inline_table_requests()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)
        "word".withCString { cmark_parser_feed(parser, $0, 4) }
        cmark_node_free(cmark_parser_finish(parser))
        cmark_parser_free(parser)
        return qapress_inline_table_requests() - before == 2
    }

    /// Whether a parse with these extensions can share the steady table: it attaches both
    /// autolink and strikethrough.
    func canShare(_ extensions: UnsafeMutablePointer<cmark_llist>?) -> Bool {
        guard sharingWorks else { return false }
        var hasAutolink = false, hasStrikethrough = false
        var cell = extensions
        while let current = cell {
            let ext = OpaquePointer(current.pointee.data)
            if ext == autolink { hasAutolink = true }
            if ext == strikethrough { hasStrikethrough = true }
            cell = current.pointee.next
        }
        return hasAutolink && hasStrikethrough
    }

    /// Runs `parse` with the table steady, beside any other parse that shares it.
    func sharing<T>(_ parse: () -> T) -> T {
        while true {
            pthread_rwlock_rdlock(lock)
            if steady {
                defer { pthread_rwlock_unlock(lock) }
                return parse()
            }
            pthread_rwlock_unlock(lock)
            pthread_rwlock_wrlock(lock)
            if !steady {
                qapress_inline_table_switch(UnsafeMutableRawPointer(switcher), 1)
                qapress_inline_table_hold(true)
                steady = true
            }
            pthread_rwlock_unlock(lock)
        }
    }

    /// Runs `parse` alone, with the table as the library leaves it.
    func alone<T>(_ parse: () -> T) -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        if steady {
            qapress_inline_table_hold(false)
            qapress_inline_table_switch(UnsafeMutableRawPointer(switcher), 0)
            steady = false
        }
        return parse()
    }
}
