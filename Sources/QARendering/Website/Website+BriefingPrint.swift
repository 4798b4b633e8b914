import QAModel

extension Website {
    /// Print editions of the briefings: standalone HTML for the PDF engine, two A4 sides at most.
    /// Hands each briefing's print file to `add` as soon as it is made, so that only one is
    /// in memory at a time.
    func briefingPrintFiles(library: any PageTemplates, theme: ThemeFiles, add: (RenderedFile) -> Void) {
        guard options.makePDFs else { return }
        let css = theme.assets["briefing-print.css"].map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        let name = site.partnership?.name ?? ""
        for b in briefings {
            currentPage = "briefings/\(b.id)/"
            let context: TemplateContext = [
                "title": b.title, "partnership": name, "date": b.date.long, "group": b.group.label, "css": css,
                "sections": sectionContexts(b),
                "further": b.furtherInformation.map { ["title": $0.title, "url": $0.url.hasPrefix("/") ? paths.absolute(String($0.url.dropFirst())) : $0.url] as TemplateContext },
                "hasFurther": !b.furtherInformation.isEmpty,
                "contacts": HTML.md(b.contacts), "hasContacts": !b.contacts.isEmpty,
                "online": paths.absolute("briefings/\(b.id)/"),
            ]
            let html = "briefings/\(b.id)/print.html"
            printJobs.append(PrintJob(html: html, pdf: "briefings/\(b.id)/briefing.pdf", maxPages: 2, location: b.location,
                                      sections: Dictionary(uniqueKeysWithValues: b.sections.map { ("section-\($0.number)", "section \($0.number), '\($0.label)'") })))
            add(RenderedFile(path: html, bytes: library.renderUTF8(context, withTemplate: "briefing-print") ?? []))
        }
    }
}
