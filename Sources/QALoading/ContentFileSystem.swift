import Foundation
import CQASystem
import QADiagnostics
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// The loader's only way to read input, so stages can be tested on files held in memory.
public protocol ContentFileSystem: Sendable {
    /// Every regular file under `root`, as paths relative to it, sorted; and a diagnostic for
    /// each entry that cannot be read (symlink loops, unreadable folders).
    func files(under root: String) -> (paths: [String], problems: [Diagnostic])
    func read(_ path: String) throws -> [UInt8]
    func exists(_ path: String) -> Bool
    /// Asks for `paths` to be read ahead, in that order, so that a later `read` seldom waits
    /// for the disk; nothing is read into the program. The default does nothing.
    func prefetch(_ paths: [String])
}

extension ContentFileSystem {
    public func prefetch(_ paths: [String]) {}
}

/// Files held in memory, keyed by full path.
public struct InMemoryFileSystem: ContentFileSystem {
    public var files: [String: [UInt8]]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public init(bytes: [String: [UInt8]]) { files = bytes }

    public func files(under root: String) -> (paths: [String], problems: [Diagnostic]) {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return (files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted(), [])
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw CocoaError(.fileNoSuchFile) }
        return bytes
    }

    public func exists(_ path: String) -> Bool { files[path] != nil }
}

/// The real disk. Symbolic links to files are read; links to folders are not followed, so a
/// link loop can never trap the scan.
public struct DiskFileSystem: ContentFileSystem {
    public init() {}

    public func files(under root: String) -> (paths: [String], problems: [Diagnostic]) {
        let (paths, problems) = walked(under: root)
        // The walk lists them in order already (see `walk`); sorting is only the safety net.
        return (paths.isSortedAscending ? paths : paths.sorted(), problems)
    }

    /// The paths in the order the walk finds them. The content folder's own entries are
    /// listed first; its folders (one for each kind of document) are then walked side by side,
    /// and what each gives is joined in the order of the entries, so the result is the one a
    /// walk on one thread gives.
    func walked(under root: String) -> (paths: [String], problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        guard let entries = listing(root: root, relative: "", problems: &problems, depth: 0) else { return ([], problems) }
        let parts = entries.parallelMap { entry -> (paths: [String], problems: [Diagnostic]) in
            var paths: [String] = [], found: [Diagnostic] = []
            visit(entry, root: root, relative: "", into: &paths, problems: &found, depth: 0)
            return (paths, found)
        }
        var paths: [String] = []
        paths.reserveCapacity(parts.reduce(0) { $0 + $1.paths.count })
        for part in parts {
            paths += part.paths
            problems += part.problems
        }
        return (paths, problems)
    }

    /// One entry of a folder: its name, its type (`S_IFDIR`, `S_IFREG`, `S_IFLNK`, another or
    /// 0 when unknown) and the key it sorts by.
    private typealias FolderEntry = (name: String, type: mode_t, key: String)

    private func walk(root: String, relative: String, into paths: inout [String], problems: inout [Diagnostic], depth: Int) {
        guard let entries = listing(root: root, relative: relative, problems: &problems, depth: depth) else { return }
        for entry in entries {
            visit(entry, root: root, relative: relative, into: &paths, problems: &problems, depth: depth)
        }
    }

    /// The visible entries of the folder `relative`, in the order of the paths they lead to;
    /// nil, with a problem, when it cannot be read or is too deep.
    private func listing(root: String, relative: String, problems: inout [Diagnostic], depth: Int) -> [FolderEntry]? {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard depth < 32 else {
            problems.append(.error(SourceLocation(path: folder, line: 1, column: 1), "folders nest more than 32 deep here; content folders are at most two levels deep", code: "too-deep"))
            return nil
        }
        // The folder's entries with their types, as the folder itself records them; an entry
        // whose type the file system does not record is asked about beside its folder
        // (`fstatat`), so no full path is looked up again.
        guard let directory = opendir(folder) else {
            problems.append(.error(SourceLocation(path: folder, line: 1, column: 1), "cannot read this folder; check its permissions", code: "unreadable"))
            return nil
        }
        var entries: [FolderEntry] = []
        while let entry = readdir(directory) {
            let (name, hidden) = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { (String(cString: $0), $0[0] == 0x2E) }
            }
            guard !hidden else { continue } // hidden, and "." and ".."
            let type: mode_t
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): type = S_IFDIR
            case Int32(DT_REG): type = S_IFREG
            case Int32(DT_LNK): type = S_IFLNK
            default:
                var info = stat()
                type = fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info.st_mode & S_IFMT : 0
            }
            // A folder sorts as its name and a slash, where its files' paths will be: so the
            // paths come out in the order of whole paths ("a.md" before "a/b.md").
            entries.append((name, type, type == S_IFDIR ? name + "/" : name))
        }
        closedir(directory)
        entries.sort { $0.key < $1.key }
        return entries
    }

    /// Adds what `entry`, in the folder `relative`, holds: itself when it is a file (or a link
    /// to one), the files under it when it is a folder, or a problem.
    private func visit(_ entry: FolderEntry, root: String, relative: String, into paths: inout [String], problems: inout [Diagnostic], depth: Int) {
        let (name, type, _) = entry
        let rel = relative.isEmpty ? name : relative + "/" + name
        if type == S_IFREG {
            paths.append(rel)
            return
        }
        let full = root + "/" + rel
        if type == S_IFDIR {
            walk(root: root, relative: rel, into: &paths, problems: &problems, depth: depth + 1)
        } else if type == S_IFLNK {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) {
                problems.append(.error(SourceLocation(path: full, line: 1, column: 1), "this symbolic link points to nothing or loops; remove it or point it at a file", code: "broken-link"))
            } else if isFolder.boolValue {
                problems.append(.error(SourceLocation(path: full, line: 1, column: 1), "this symbolic link points to a folder, which qapress does not follow; copy the folder in instead", code: "folder-link"))
            } else if !Self.isRegularFile(full) {
                // A pipe or a device would block or never end when read.
                problems.append(.error(SourceLocation(path: full, line: 1, column: 1), "this symbolic link points to something that is not a regular file; remove it from the content folder", code: "not-a-file"))
            } else {
                paths.append(rel)
            }
        } else {
            problems.append(.error(SourceLocation(path: full, line: 1, column: 1), "this is not a regular file; remove it from the content folder", code: "not-a-file"))
        }
    }

    /// At most one byte more than `SourceText.sizeLimit`, so a huge file is refused without
    /// being read whole. Only regular files are read: opening does not wait for a writer (a
    /// pipe), and anything that is not a regular file is refused before it is read.
    public func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw CocoaError(.fileReadNoPermission) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw CocoaError(.fileReadUnknown) }
        let limit = SourceText.sizeLimit + 1
        // The size the file has now and one byte more (to see that it has not grown), read
        // into room that is not zeroed first.
        // Reading stops at the size it has (a file that grows while it is read is read as it
        // was when it was opened), so a file takes one read, not a second to find its end.
        let size = max(Int(info.st_size), 0)
        let expected = min(limit, size + 1)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = systemRead(fd, buffer.baseAddress! + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { failed = got < 0; return }
                count += got
                if count == size { return }
            }
        }
        guard !failed else { throw CocoaError(.fileReadUnknown) }
        // A file larger than it said (a size of 0 from a file system that does not know it)
        // is read on in 64 KB steps, up to the limit.
        var count = bytes.count
        if count == expected {
            while count < limit {
                if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(limit - count, 65_536))) }
                let got = bytes.withUnsafeMutableBytes { buffer in
                    systemRead(fd, buffer.baseAddress! + count, buffer.count - count)
                }
                if got < 0, errno == EINTR { continue }
                guard got >= 0 else { throw CocoaError(.fileReadUnknown) }
                if got == 0 { break }
                count += got
            }
            bytes.removeSubrange(count...)
        }
        return bytes
    }

    /// Opens each file on a thread of its own and tells the kernel it will be read
    /// (`posix_fadvise`), which starts reading it from the disk: the threads that parse the
    /// files then find most of them in memory, and the disk is kept busy while they work.
    /// When a sample of the files, spread over the list, is in memory already (the usual case
    /// for a build after an edit), nothing is done: opening every file a second time would
    /// only take processor time from the parsing.
    public func prefetch(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        let step = max(1, paths.count / 16)
        if stride(from: 0, to: paths.count, by: step).allSatisfy({ Self.isCached(paths[$0]) }) { return }
        Thread.detachNewThread {
            for path in paths {
                let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
                guard fd >= 0 else { continue }
                var info = stat()
                if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                    #if canImport(Glibc)
                    _ = posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED)
                    #endif
                }
                close(fd)
            }
        }
    }

    /// Whether the start of the file at `path` is in the page cache, asked without waiting
    /// for the disk (`preadv2` with `RWF_NOWAIT`, Linux); false when it cannot be told.
    static func isCached(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        return qapress_is_cached(fd) == 1
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
