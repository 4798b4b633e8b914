import Foundation
import QADiagnostics
import QALoading
import QARendering

/// Reads a theme from disk: the named theme laid over the default, one file at a time.
enum ThemeLoader {
    /// The default theme: the project's own themes/default if it has one, otherwise the one
    /// installed beside qapress (QAPRESS_THEMES, or themes/ above the executable's folder).
    static func defaultThemeFolder(projectRoot: String) -> String? {
        let fm = FileManager.default
        var candidates = [join(projectRoot, "themes/default")]
        if let env = ProcessInfo.processInfo.environment["QAPRESS_THEMES"] { candidates.append(env + "/default") }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent("themes/default").path)
            candidates.append(folder.appendingPathComponent("share/qapress/themes/default").path)
            folder = folder.deletingLastPathComponent()
        }
        return candidates.first { fm.fileExists(atPath: $0 + "/templates/layout.mustache") }
    }

    static func load(projectRoot: String, name: String) -> (ThemeFiles, [Diagnostic]) {
        guard let defaultFolder = defaultThemeFolder(projectRoot: projectRoot) else {
            return (ThemeFiles(), [.error(SourceLocation(path: join(projectRoot, "themes/default")), "the default theme cannot be found; set QAPRESS_THEMES to the themes folder that holds default/ (for example /opt/qapress/themes)", code: "no-theme")])
        }
        var theme = read(defaultFolder)
        if name != "default" {
            let folder = join(projectRoot, "themes/\(name)")
            guard FileManager.default.fileExists(atPath: folder) else {
                return (theme, [.error(SourceLocation(path: join(projectRoot, "qapress.yml")), "the theme '\(name)' does not exist; create themes/\(name)/ or set 'theme: default'", code: "no-theme")])
            }
            theme = read(folder).over(theme)
        }
        return (theme, [])
    }

    static func read(_ folder: String) -> ThemeFiles {
        var theme = ThemeFiles()
        for (sub, isTemplate) in [("templates", true), ("assets", false)] {
            let root = folder + "/" + sub
            let (paths, _) = DiskFileSystem().files(under: root)
            for path in paths {
                guard let bytes = try? DiskFileSystem().read(root + "/" + path) else { continue }
                let file = ThemeFiles.File(source: root + "/" + path, bytes: bytes)
                if isTemplate {
                    guard path.hasSuffix(".mustache") else { continue }
                    theme.templates[String(path.dropLast(".mustache".count))] = file
                } else {
                    theme.assets[path] = file
                }
            }
        }
        return theme
    }
}
