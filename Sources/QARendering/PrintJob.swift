import QADiagnostics

/// An HTML file of the build that the PDF engine turns into a PDF, with the most pages the
/// PDF may have and what to say when it has more.
public struct PrintJob: Sendable, Hashable {
    /// Paths inside the output folder.
    public var html: String
    public var pdf: String
    /// 0 for no limit.
    public var maxPages: Int
    /// Where the content came from, for the overflow error.
    public var location: SourceLocation
    /// Element ids of the document's sections, with the words to name each in a message.
    public var sections: [String: String]

    public init(html: String, pdf: String, maxPages: Int, location: SourceLocation, sections: [String: String]) {
        self.html = html
        self.pdf = pdf
        self.maxPages = maxPages
        self.location = location
        self.sections = sections
    }
}
