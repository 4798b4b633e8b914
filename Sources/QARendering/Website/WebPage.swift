import QADiagnostics
import QAModel

/// One page of the website before it is put through its template and the layout.
struct WebPage {
    /// The page's site path, such as "audits/neglect-2025/" ("" for the home page).
    var path: String
    var title: String
    var template: String
    var context: TemplateContext
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

/// Builds one page; nil when the page cannot be made (the problem is reported). Runs on any
/// thread.
typealias PageJob = () -> WebPage?

/// What the feeds, the sitemap, the search page and the search index need of a page once it
/// has been rendered and let go.
struct PageEntry {
    var path: String
    var title: String
    var summary: String
    var source: SourceFile?
    var published: Day?
    var inSitemap: Bool
    /// The page's words for the search index.
    var searchText: String

    init(_ page: WebPage, searchText: String) {
        path = page.path
        title = page.title
        summary = page.summary
        source = page.source
        published = page.published
        inSitemap = page.inSitemap
        self.searchText = searchText
    }
}
