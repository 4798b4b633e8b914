import Foundation
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
