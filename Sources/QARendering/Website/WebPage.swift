import QADiagnostics
import QAModel

/// One page of the website before it is put through its template and the layout.
struct WebPage {
    /// The page's site path, such as "audits/neglect-2025/" ("" for the home page).
    var path: String
    var title: String
    var template: String
    var context: [String: Any]
    /// Ancestors, nearest last, as (title, path); the home page is added by the layout.
    var breadcrumbs: [(String, String)] = []
    /// The navigation item this page belongs to.
    var section: String
    var summary: String = ""
    var source: SourceFile? = nil
    /// For the Atom feed: publications have a date.
    var published: Day? = nil
    var inSitemap = true
}

/// Links found in Markdown, with the place they were written, checked once every page exists.
struct WrittenLink {
    var href: String
    var location: SourceLocation
}
