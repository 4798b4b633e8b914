import Foundation
import QALoading
import QAOutput

/// Reads a project's files at a git revision straight from the object store: no checkout,
/// and the working tree is never touched.
struct GitRevision {
    let project: String

    enum Failure: Error, CustomStringConvertible {
        case notARepository(String)
        case unknownRevision(String)
        case git(String)

        var description: String {
            switch self {
            case let .notARepository(path): return "\(path) is not inside a git repository; qapress diff compares two commits of the content"
            case let .unknownRevision(rev): return "git knows no commit called '\(rev)'; give a branch, tag or commit, for example main or HEAD~1"
            case let .git(message): return "git failed: \(message)"
            }
        }
    }

    func git(_ arguments: [String], input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", project] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        let errors = ErrorCollector(err.fileHandleForReading)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.git(errors.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return data
    }

    /// The commit a revision names, or a clear error.
    func commit(_ revision: String) throws -> String {
        guard (try? git(["rev-parse", "--show-toplevel"])) != nil else { throw Failure.notARepository(project) }
        guard let data = try? git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]) else { throw Failure.unknownRevision(revision) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The content folder and qapress.yml at `commit`, keyed as they are below the project.
    func files(at commit: String, contentFolder: String) throws -> InMemoryFileSystem {
        let prefix = String(decoding: try git(["rev-parse", "--show-prefix"]), as: UTF8.self).trimmingCharacters(in: .newlines)
        let listing = try git(["ls-tree", "-r", "-z", "--name-only", commit, "--", prefix + contentFolder, prefix + "qapress.yml"])
        let paths = listing.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard !paths.isEmpty else { return InMemoryFileSystem(bytes: [:]) }
        let request = paths.map { "\(commit):\($0)\n" }.joined()
        let blobs = try git(["cat-file", "--batch"], input: Data(request.utf8))
        var files: [String: [UInt8]] = [:]
        var index = blobs.startIndex
        for path in paths {
            guard let newline = blobs[index...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: blobs[index..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]) else { break }
            let start = newline + 1
            files[String(path.dropFirst(prefix.count))] = [UInt8](blobs[start..<(start + size)])
            index = start + size + 1
        }
        return InMemoryFileSystem(bytes: files)
    }
}
