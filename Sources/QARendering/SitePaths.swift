/// Where each page lives. Every page is a folder with an index.html, and every link is an
/// absolute path under the base path, so the site can be deployed under a sub-path.
public struct SitePaths: Sendable {
    /// "/" or "/scp/".
    public let base: String
    /// "https://example.org" or "" when the base URL has no host.
    public let origin: String

    public init(baseURL: String) {
        var url = baseURL
        var origin = ""
        if let scheme = url.range(of: "://") {
            let afterScheme = url[scheme.upperBound...]
            let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            origin = String(url[..<hostEnd])
            url = String(url[hostEnd...])
        }
        if !url.hasPrefix("/") { url = "/" + url }
        if !url.hasSuffix("/") { url += "/" }
        self.base = url
        self.origin = origin
    }

    /// The link to a site path such as "audits/x/".
    public func url(_ path: String) -> String { base + path }

    /// The full address, for feeds and sitemaps.
    public func absolute(_ path: String) -> String { origin + base + path }

    /// The output file for a page path: "audits/x/" → "audits/x/index.html".
    public static func file(for path: String) -> String {
        path.isEmpty ? "index.html" : (path.hasSuffix("/") ? path + "index.html" : path)
    }
}
