import Foundation

/// Notices edits by polling modification times: simple, portable, and cheap for a content
/// folder of a few hundred files.
struct ContentWatcher: Sendable {
    let roots: [String]

    /// A value that changes whenever a file under the roots is added, removed or modified.
    func fingerprint() -> [String: Double] {
        var seen: [String: Double] = [:]
        let fm = FileManager.default
        for root in roots {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue {
                seen[root] = modified(root)
                continue
            }
            guard let walker = fm.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let path = root + "/" + relative
                seen[path] = modified(path)
            }
        }
        return seen
    }

    private func modified(_ path: String) -> Double {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = Double((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        return date * 1_000_003 + size
    }
}
