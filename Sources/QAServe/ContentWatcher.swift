import Foundation

/// Notices edits by polling modification times: simple, portable, and cheap for a content
/// folder of a few hundred files.
struct ContentWatcher: Sendable {
    let roots: [String]

    /// A value that changes whenever a file under the roots is added, removed or modified.
    ///
    /// Only files count, not folders: a folder's own modification time changes as soon as an
    /// editor creates its hidden temporary file in it, before the edit has replaced the file.
    /// Hidden files and folders (a leading dot) are left out for the same reason. Added and
    /// removed files still change the value, because its keys are the paths.
    func fingerprint() -> [String: Double] {
        var seen: [String: Double] = [:]
        let fm = FileManager.default
        for root in roots {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue {
                if let stamp = modified(root) { seen[root] = stamp }
                continue
            }
            guard let walker = fm.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let path = root + "/" + relative
                if let stamp = modified(path) { seen[path] = stamp }
            }
        }
        return seen
    }

    /// The file's modification time and size in one number, or nil for a folder.
    private func modified(_ path: String) -> Double? {
        var status = stat()
        guard stat(path, &status) == 0 else { return 0 }
        if (status.st_mode & S_IFMT) == S_IFDIR { return nil }
        let seconds = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1_000_000_000
        return seconds * 1_000_003 + Double(status.st_size)
    }
}

/// Decides when a change to the content is finished, so that a rebuild never reads an edit
/// half-way: a new fingerprint must be seen twice in a row, one poll apart, before the
/// content counts as changed. Saving in an editor (a temporary file, then a rename) or a
/// `git checkout` of many files is then one rebuild of the finished state.
struct SettledChanges<Fingerprint: Equatable> {
    private var built: Fingerprint
    private var previous: Fingerprint

    init(built: Fingerprint) {
        self.built = built
        previous = built
    }

    /// Takes this poll's fingerprint; true when the content has changed since the last
    /// build and has stayed the same since the poll before, so it is time to rebuild.
    mutating func poll(_ now: Fingerprint) -> Bool {
        defer { previous = now }
        guard now != built, now == previous else { return false }
        built = now
        return true
    }
}
