import CQASystem
import Foundation
import QADiagnostics
import QARendering
#if canImport(Glibc)
import Glibc
#endif

public enum OutputError: Error, CustomStringConvertible, Equatable {
    case unsafePath(String)
    case notOurs(String)
    case io(String)

    public var description: String {
        switch self {
        case let .unsafePath(p): return "refusing to write '\(p)': output paths must stay inside the output folder (no '..', no absolute paths)"
        case let .notOurs(p): return "refusing to replace '\(p)': it was not created by qapress (it has no \(OutputWriter.markerName) file); move it away or choose another output folder"
        case let .io(m): return m
        }
    }
}

/// Writes a build atomically: every file goes into a temporary folder beside the target, and
/// only a complete folder is swapped in. A build that fails or is killed leaves the previous
/// output as it was. Only folders carrying qapress's marker file are ever replaced or removed.
public struct OutputWriter: Sendable {
    public static let markerName = ".qapress-output"
    static let markerText = "This folder was written by qapress and is replaced on every build.\n"

    public init() {}

    /// Writes `files` into a new folder and swaps it in for `target`. `beforeSwap` gets the
    /// path of the finished temporary folder, to add files made from it (PDFs); if it throws,
    /// nothing is swapped in and the previous output stays as it was.
    public func write(_ files: [RenderedFile], to target: String, beforeSwap: ((String) throws -> Void)? = nil) throws {
        for file in files { try Self.checkSafe(file.path) }
        let session = try begin(target)
        do {
            try session.write(files)
            try session.finish(beforeSwap: beforeSwap)
        } catch {
            session.abandon()
            throw error
        }
    }

    /// Starts a new output for `target` in a temporary folder beside it, so that files can be
    /// written as they are made; `finish` swaps it in, `abandon` removes it. Refuses a target
    /// that qapress did not make.
    public func begin(_ target: String) throws -> OutputSession {
        let fm = FileManager.default
        let targetURL = URL(fileURLWithPath: target).standardizedFileURL
        let parent = targetURL.deletingLastPathComponent().path
        let name = targetURL.lastPathComponent
        let madeParent = !fm.fileExists(atPath: parent)
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        if fm.fileExists(atPath: targetURL.path), !Self.isOurs(targetURL.path) {
            throw OutputError.notOurs(target)
        }
        let temporary = parent + "/.\(name).tmp-\(getpid())"
        removeStaleTemporaries(in: parent, name: name)
        try fm.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        do {
            try Self.writeMarker(in: temporary)
        } catch {
            try? removeOurs(temporary)
            throw error
        }
        return OutputSession(writer: self, temporary: temporary, target: targetURL.path, madeParent: madeParent ? parent : nil)
    }

    /// Puts `temporary` where `target` is. With an existing target the two are exchanged in
    /// one step (renameat2 RENAME_EXCHANGE), so there is no moment without a complete folder.
    func swap(_ temporary: String, into target: String) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: target) {
            guard rename(temporary, target) == 0 else { throw OutputError.io("could not move the new output into place: \(String(cString: strerror(errno)))") }
            return
        }
        if qapress_exchange_paths(temporary, target) == 0 {
            try removeOurs(temporary)
            return
        }
        let old = temporary + ".old"
        guard rename(target, old) == 0 else { throw OutputError.io("could not move the old output aside: \(String(cString: strerror(errno)))") }
        guard rename(temporary, target) == 0 else {
            _ = rename(old, target)
            throw OutputError.io("could not move the new output into place: \(String(cString: strerror(errno)))")
        }
        try removeOurs(old)
    }

    /// Removes a folder only when it carries the marker. The marker goes last, so a removal
    /// that is killed half-way leaves a folder that the next build still knows is its own.
    func removeOurs(_ path: String) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return }
        guard Self.isOurs(path) else { throw OutputError.notOurs(path) }
        for entry in try fm.contentsOfDirectory(atPath: path) where entry != Self.markerName {
            try fm.removeItem(atPath: path + "/" + entry)
        }
        try fm.removeItem(atPath: path + "/" + Self.markerName)
        try fm.removeItem(atPath: path)
    }

    /// Removes what killed builds left beside `name` in `parent`: temporary folders
    /// (`.<name>.tmp-<pid>`, and `.old` after a fallback swap) whose process is no longer
    /// running, and only when they carry the marker. A build still running keeps its own.
    func removeStaleTemporaries(in parent: String, name: String) {
        let prefix = ".\(name).tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            var rest = entry.dropFirst(prefix.count)
            if rest.hasSuffix(".old") { rest = rest.dropLast(4) }
            guard let pid = pid_t(rest), pid > 0 else { continue }
            if pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            // Killed between making the folder and writing its marker: it is still empty, and
            // rmdir removes nothing else.
            if !Self.isOurs(parent + "/" + entry) { _ = rmdir(parent + "/" + entry); continue }
            try? removeOurs(parent + "/" + entry)
        }
    }

    /// Writes one new file; the problem in words, or nil.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        writeFile(path) { $0(bytes) }
    }

    /// Writes one new file from the pieces `produce` hands over; after a failed write the
    /// rest is let go and the first problem is returned.
    static func writeFile(_ path: String, _ produce: (_ emit: ([UInt8]) -> Void) -> Void) -> String? {
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return "could not write \(path): \(String(cString: strerror(errno)))" }
        defer { close(fd) }
        var problem: String?
        produce { bytes in
            if problem == nil { problem = write(fd, bytes, path: path) }
        }
        return problem
    }

    static func write(_ fd: Int32, _ bytes: [UInt8], path: String) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #else
                Darwin.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #endif
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return "could not write \(path): \(String(cString: strerror(errno)))" }
            offset += written
        }
        return nil
    }

    /// The marker, written in place (not through a temporary file), so that a folder is
    /// either empty or marked at any moment a build can be killed.
    static func writeMarker(in folder: String) throws {
        let fd = open(folder + "/" + markerName, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.io("could not write \(folder)/\(markerName): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(markerText.utf8)
        #if canImport(Glibc)
        let written = Glibc.write(fd, bytes, bytes.count)
        #else
        let written = Darwin.write(fd, bytes, bytes.count)
        #endif
        guard written == bytes.count else { throw OutputError.io("could not write \(folder)/\(markerName)") }
    }

    static func isOurs(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard attributes?[.type] as? FileAttributeType == .typeDirectory,
              FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return false }
        return FileManager.default.fileExists(atPath: path + "/" + markerName)
    }

    static func checkSafe(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0"),
              parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }), path != markerName else {
            throw OutputError.unsafePath(path)
        }
    }
}

/// An output being written: files go into the temporary folder as they are made, and the
/// folder replaces the target only when `finish` is called. `add` may be called from several
/// threads at once; `write`, `finish` and `abandon` from one.
public final class OutputSession: @unchecked Sendable {
    let writer: OutputWriter
    /// The temporary folder.
    public let folder: String
    let target: String
    private var made: Set<String>
    private let folderLock = NSLock()
    private var open = true

    /// The output folder's parent, when this session made it: an abandoned build removes it
    /// again if it is empty, so a failed first build leaves nothing behind.
    let madeParent: String?

    init(writer: OutputWriter, temporary: String, target: String, madeParent: String? = nil) {
        self.madeParent = madeParent
        self.writer = writer
        self.folder = temporary
        self.target = target
        self.made = [temporary]
    }

    /// Writes files into the temporary folder: their folders first, each once, then the files
    /// on every core. Paths that would leave the folder are refused before anything is written.
    public func write(_ files: [RenderedFile]) throws {
        for file in files { try OutputWriter.checkSafe(file.path) }
        for file in files {
            if let problem = makeFolders(for: folder + "/" + file.path) { throw OutputError.io(problem) }
        }
        let root = folder
        let failures = files.parallelMap { file in OutputWriter.writeFile(root + "/" + file.path, file.bytes) }
        if let failure = failures.compactMap({ $0 }).first { throw OutputError.io(failure) }
    }

    /// Writes one file into the temporary folder, making its folders first; safe to call
    /// from several threads at once. Returns the problem in words, or nil.
    public func add(_ file: RenderedFile) -> String? {
        add(path: file.path) { $0(file.bytes) }
    }

    /// Writes one file whose pieces `produce` hands over as it makes them, each written at
    /// once; safe to call from several threads.
    public func add(path relative: String, _ produce: (_ emit: ([UInt8]) -> Void) -> Void) -> String? {
        do { try OutputWriter.checkSafe(relative) } catch { return "\(error)" }
        let path = folder + "/" + relative
        if let problem = makeFolders(for: path) { return problem }
        return OutputWriter.writeFile(path, produce)
    }

    /// Makes the folders above `path` that this session has not made yet. The set of made
    /// folders is shared under the lock, but the folders are made outside it, so threads do
    /// not wait on each other's file-system calls; a folder goes into the set only once it
    /// exists, and two threads making the same one at once is harmless (`EEXIST`).
    private func makeFolders(for path: String) -> String? {
        var missing: [String] = []
        folderLock.lock()
        var parent = (path as NSString).deletingLastPathComponent
        while !made.contains(parent) {
            missing.append(parent)
            parent = (parent as NSString).deletingLastPathComponent
        }
        folderLock.unlock()
        if missing.isEmpty { return nil }
        for folder in missing.reversed() where mkdir(folder, 0o755) != 0 && errno != EEXIST {
            return "could not make the folder \(folder): \(String(cString: strerror(errno)))"
        }
        folderLock.lock()
        made.formUnion(missing)
        folderLock.unlock()
        return nil
    }

    /// Runs `beforeSwap` on the finished folder, then swaps it in for the target.
    public func finish(beforeSwap: ((String) throws -> Void)? = nil) throws {
        try beforeSwap?(folder)
        try writer.swap(folder, into: target)
        open = false
    }

    /// Removes the temporary folder; the previous output stays as it was.
    public func abandon() {
        if open {
            try? writer.removeOurs(folder)
            if let madeParent { _ = rmdir(madeParent) }
        }
        open = false
    }
}
