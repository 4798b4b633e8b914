import Foundation
import QALoading
import QAModel

/// "Last updated" dates from git: the date of the last commit that touched each file.
/// Empty when the content is not in a git repository or git is not installed.
enum GitHistory {
    static func lastUpdated(contentFolder: String) -> [String: Day] {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", contentFolder, "log", "--format=%x00%cs", "--name-only", "--relative", "--", "."]
        let out = Pipe()
        git.standardOutput = out
        git.standardError = FileHandle.nullDevice
        do { try git.run() } catch { return [:] }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        guard git.terminationStatus == 0 else { return [:] }
        var dates: [String: Day] = [:]
        var current: Day?
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("\0") {
                current = Day(iso: String(line.dropFirst()))
            } else if let day = current {
                let path = contentFolder + "/" + line
                if dates[path] == nil { dates[path] = day }
            }
        }
        return dates
    }
}

extension GitHistory {
    /// Gives actions that record only a current `status` a dated history from git: the date
    /// of each commit that changed the action's status, so reports can read a status as at
    /// any date. Files outside git, and actions with their own `history:`, are left as they are.
    static func derivingActionHistories(_ site: Site, contentFolder: String) -> Site {
        let git = GitRevision(project: contentFolder)
        var site = site
        func derive(_ actions: [Action], path: String) -> [Action] {
            guard actions.contains(where: { $0.history.isEmpty }) else { return actions }
            let relative = path.hasPrefix(contentFolder + "/") ? String(path.dropFirst(contentFolder.count + 1)) : path
            guard let log = try? git.git(["log", "--format=%H %cs", "--", relative]) else { return actions }
            let commits = String(decoding: log, as: UTF8.self).split(separator: "\n").reversed().compactMap { line -> (String, Day)? in
                let parts = line.split(separator: " ")
                guard parts.count == 2, let day = Day(iso: String(parts[1])) else { return nil }
                return (String(parts[0]), day)
            }
            guard !commits.isEmpty else { return actions }
            var timelines: [String: [StatusUpdate]] = [:]
            for (commit, day) in commits {
                guard let bytes = try? git.git(["show", "\(commit):./\(relative)"]) else { continue }
                let fs = InMemoryFileSystem(bytes: ["content/" + relative: [UInt8](bytes)])
                let loaded = ContentLoader(root: "content", fileSystem: fs).load().site
                let then = loaded.audits.flatMap(\.actions) + loaded.reviews.flatMap(\.actions) + loaded.scrutiny.flatMap(\.actions)
                for action in then where action.history.isEmpty {
                    if timelines[action.id]?.last?.status != action.currentStatus {
                        timelines[action.id, default: []].append(StatusUpdate(date: day, status: action.currentStatus, note: "from git history", location: action.location))
                    }
                }
            }
            return actions.map { action in
                guard action.history.isEmpty, let timeline = timelines[action.id], timeline.last?.status == action.currentStatus else { return action }
                var derived = action
                derived.history = timeline
                return derived
            }
        }
        // Only documents with an action to derive are written to, so that the site's lists are
        // not copied when every action has its own history.
        func needed(_ actions: [Action]) -> Bool { actions.contains { $0.history.isEmpty } }
        for i in site.audits.indices where needed(site.audits[i].actions) {
            site.audits[i].actions = derive(site.audits[i].actions, path: site.audits[i].source.path)
        }
        for i in site.reviews.indices where needed(site.reviews[i].actions) {
            site.reviews[i].actions = derive(site.reviews[i].actions, path: site.reviews[i].source.path)
        }
        for i in site.scrutiny.indices where needed(site.scrutiny[i].actions) {
            site.scrutiny[i].actions = derive(site.scrutiny[i].actions, path: site.scrutiny[i].source.path)
        }
        return site
    }
}
