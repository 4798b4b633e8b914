import Foundation
import QADiagnostics

/// Every internal link written in content, with the page it is on and the place it was
/// written, kept until every page exists and the links can be checked. A large site has
/// over a hundred thousand of them, mostly the same few addresses, pages and files again and
/// again, so each text is kept once and a link is five numbers.
final class LinkLedger: @unchecked Sendable {
    struct Entry {
        var href: Int32, page: Int32, path: Int32, line: Int32, column: Int32
    }

    private var texts: [String] = []
    private var numbers: [TextKey: Int32] = [:]
    private var entries: [Entry] = []
    private let lock = NSLock()

    /// Remembers `links`, found on `page`. The texts are hashed before the lock is taken,
    /// so that the threads building pages wait for each other only to number them.
    func record(_ links: [WrittenLink], on page: String) {
        guard !links.isEmpty else { return }
        let pageKey = TextKey(page)
        let hrefKeys = links.map { TextKey($0.href) }
        // The links of one text share their file: hashed and numbered once.
        let pathKeys = links.indices.map { index in
            index > 0 && links[index].location.path == links[index - 1].location.path ? nil : TextKey(links[index].location.path)
        }
        lock.lock()
        defer { lock.unlock() }
        let pageNumber = number(pageKey)
        var pathNumber: Int32 = 0
        entries.reserveCapacity(entries.count + links.count)
        for (index, link) in links.enumerated() {
            if let pathKey = pathKeys[index] { pathNumber = number(pathKey) }
            entries.append(Entry(href: number(hrefKeys[index]), page: pageNumber, path: pathNumber,
                                 line: Int32(clamping: link.location.line), column: Int32(clamping: link.location.column)))
        }
    }

    /// The distinct pairs of page and address, each with the links that have them, so that
    /// an address is resolved once per page however many times it is written there.
    func grouped() -> [(page: String, href: String, locations: [SourceLocation])] {
        lock.lock()
        defer { lock.unlock() }
        var order: [Int64: Int] = [:]
        var groups: [(page: String, href: String, locations: [SourceLocation])] = []
        for entry in entries {
            let key = Int64(entry.page) << 32 | Int64(entry.href)
            let location = SourceLocation(path: texts[Int(entry.path)], line: Int(entry.line), column: Int(entry.column))
            if let index = order[key] {
                groups[index].locations.append(location)
            } else {
                order[key] = groups.count
                groups.append((texts[Int(entry.page)], texts[Int(entry.href)], [location]))
            }
        }
        return groups
    }

    /// The different addresses written from the site's root ("/…"), which lead to the same
    /// file from every page, and the different pairs of page and any other address: all that
    /// must be resolved to know whether any link is broken.
    func distinct() -> (rooted: [String], relative: [(page: String, href: String)]) {
        lock.lock()
        defer { lock.unlock() }
        // Per text: 0 not seen as an address yet, 1 rooted, 2 relative.
        var kind = [UInt8](repeating: 0, count: texts.count)
        var rooted: [String] = []
        var relative: [(page: String, href: String)] = []
        var pairs = Set<Int64>()
        for entry in entries {
            let href = Int(entry.href)
            if kind[href] == 0 {
                kind[href] = texts[href].hasPrefix("/") ? 1 : 2
                if kind[href] == 1 { rooted.append(texts[href]) }
            }
            if kind[href] == 2, pairs.insert(Int64(entry.page) << 32 | Int64(entry.href)).inserted {
                relative.append((texts[Int(entry.page)], texts[href]))
            }
        }
        return (rooted, relative)
    }

    /// The number of `key`'s text, given it the first time. Call with the lock held.
    private func number(_ key: TextKey) -> Int32 {
        if let known = numbers[key] { return known }
        let next = Int32(texts.count)
        texts.append(key.text)
        numbers[key] = next
        return next
    }
}
