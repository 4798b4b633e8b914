import CQASystem
import Foundation
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
        let fm = FileManager.default
        let targetURL = URL(fileURLWithPath: target).standardizedFileURL
        let parent = targetURL.deletingLastPathComponent().path
        let name = targetURL.lastPathComponent
        for file in files { try Self.checkSafe(file.path) }
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        if fm.fileExists(atPath: targetURL.path), !Self.isOurs(targetURL.path) {
            throw OutputError.notOurs(target)
        }
        let temporary = parent + "/.\(name).tmp-\(getpid())"
        try? removeOurs(temporary)
        try fm.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        do {
            try Data(Self.markerText.utf8).write(to: URL(fileURLWithPath: temporary + "/" + Self.markerName))
            var made: Set<String> = [temporary]
            for file in files.sorted(by: { $0.path < $1.path }) {
                let full = temporary + "/" + file.path
                let folder = (full as NSString).deletingLastPathComponent
                if !made.contains(folder) {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    made.insert(folder)
                }
                guard fm.createFile(atPath: full, contents: Data(file.bytes)) else {
                    throw OutputError.io("could not write \(full)")
                }
            }
            try beforeSwap?(temporary)
            try swap(temporary, into: targetURL.path)
        } catch {
            try? removeOurs(temporary)
            throw error
        }
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

    /// Removes a folder only when it carries the marker.
    func removeOurs(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard Self.isOurs(path) else { throw OutputError.notOurs(path) }
        try FileManager.default.removeItem(atPath: path)
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
