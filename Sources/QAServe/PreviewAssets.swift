import Foundation
import QADiagnostics

/// The few things the preview adds to each page: a script that reloads it when the site is
/// rebuilt, and an overlay listing the problems of the latest build. Both come from the
/// server itself, so the pages' Content-Security-Policy still holds.
enum PreviewAssets {
    static let script = """
    (function () {
      "use strict";
      var source = new EventSource("/__qapress/events");
      source.onmessage = function (event) { if (event.data === "reload") { window.location.reload(); } };
    }());

    """

    static let style = """
    .qapress-overlay { position: fixed; left: 0; right: 0; bottom: 0; max-height: 60vh; overflow: auto; z-index: 1000;
      background: #0b0c0c; color: #fff; border-top: 6px solid #d4351c; padding: 16px 24px; font: 16px/1.4 monospace; }
    .qapress-overlay h2 { font: 700 19px Arial, sans-serif; margin: 0 0 8px; }
    .qapress-overlay li { margin-bottom: 6px; }
    .qapress-overlay .qapress-warning { color: #ffdd00; }

    """

    /// Adds the reload script, and the problems over the page when the latest build has
    /// errors; `built` is false while no build of this session has succeeded yet.
    static func inject(into html: String, problems: [Diagnostic], built: Bool = true) -> String {
        var addition = "<script src=\"/__qapress/live.js\" defer></script>\n"
        let errors = problems.filter { $0.severity == .error }
        if !errors.isEmpty {
            addition += "<link rel=\"stylesheet\" href=\"/__qapress/overlay.css\">\n"
            addition += "<aside class=\"qapress-overlay\" role=\"alert\" aria-labelledby=\"qapress-overlay-title\"><h2 id=\"qapress-overlay-title\">"
                + "qapress: \(errors.count) error\(errors.count == 1 ? "" : "s"); "
                + (built ? "this page shows the last site that built" : "the site has not built yet: fix these and it appears here") + "</h2><ul>"
            addition += errors.prefix(50).map { "<li>\(escape($0.description))</li>" }.joined()
            addition += "</ul></aside>\n"
        }
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + addition }
        return html.replacingCharacters(in: end, with: addition + "</body>")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func contentType(_ path: String) -> String {
        switch path.split(separator: ".").last ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "ics": return "text/calendar; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
