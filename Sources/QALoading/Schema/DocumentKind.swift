import QADiagnostics
import QAModel

/// The kinds of file in a content folder and where each lives.
public enum DocumentKind: String, Sendable, CaseIterable {
    case partnership, priority, contentArea = "content-area", programme, audit, indicator
    case review, scrutiny, briefing, page, glossary, report

    /// The folder (or, for single files, the file) inside `content/`.
    public var place: String {
        switch self {
        case .partnership: return "partnership.md"
        case .priority: return "priorities/"
        case .contentArea: return "content-areas/"
        case .programme: return "programme/"
        case .audit: return "audits/"
        case .indicator: return "indicators/"
        case .review: return "reviews/"
        case .scrutiny: return "scrutiny/"
        case .briefing: return "briefings/"
        case .page: return "pages/"
        case .glossary: return "glossary.yml"
        case .report: return "reports/"
        }
    }

    /// The kind of id a document of this kind defines, for documents that are referred to.
    public var itemKind: ItemKind? {
        switch self {
        case .priority: return .priority
        case .contentArea: return .contentArea
        case .audit: return .audit
        case .indicator: return .indicator
        case .review: return .review
        case .scrutiny: return .scrutiny
        case .briefing: return .briefing
        case .page: return .page
        case .report: return .report
        case .partnership, .programme, .glossary: return nil
        }
    }

    /// Kinds of item whose ids this file defines inside it.
    public var definedItemKinds: [ItemKind] {
        switch self {
        case .partnership: return [.agency, .subgroup]
        case .programme: return [.activity]
        default: return []
        }
    }

    /// "add title, kind, date… (see docs/CONTENT.md)".
    public var requiredKeysHint: String {
        let keys = schema.fields.filter(\.required).map(\.name)
        return "a \(rawValue.replacingOccurrences(of: "-", with: " ")) needs at least the keys \(keys.joined(separator: ", ")); see docs/CONTENT.md"
    }

    /// Markdown with front matter, or a plain YAML file.
    public var isYAMLFile: Bool { self == .programme || self == .glossary }

    public var schema: ObjectSchema {
        switch self {
        case .partnership: return Schemas.partnership
        case .priority: return Schemas.priority
        case .contentArea: return Schemas.contentArea
        case .programme: return Schemas.programme
        case .audit: return Schemas.audit
        case .indicator: return Schemas.indicator
        case .review: return Schemas.review
        case .scrutiny: return Schemas.scrutiny
        case .briefing: return Schemas.briefing
        case .page: return Schemas.page
        case .glossary: return Schemas.glossary
        case .report: return Schemas.report
        }
    }

    /// The kinds that live in a folder, with the folder's place ("audits/") as bytes.
    private static let inFolders: [(place: [UInt8], kind: DocumentKind)] =
        allCases.filter { $0.place.hasSuffix("/") }.map { (Array($0.place.utf8), $0) }

    /// The kind of a file from its path relative to the content folder, or nil when the
    /// path is not a content document. Read by bytes: a content folder's every path goes
    /// through here before anything is parsed.
    public static func of(relativePath path: String) -> DocumentKind? {
        var path = path
        return path.withUTF8(of(relativePathUTF8:))
    }

    static func of(relativePathUTF8 bytes: UnsafeBufferPointer<UInt8>) -> DocumentKind? {
        func endsWith(_ suffix: StaticString) -> Bool {
            bytes.count >= suffix.utf8CodeUnitCount
                && sameBytes(UnsafeBufferPointer(rebasing: bytes[(bytes.count - suffix.utf8CodeUnitCount)...]),
                             UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
        }
        // One folder and a file name in it, not empty on either side; or one of the two files
        // at the top.
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
            if bytes.count == 14, endsWith("partnership.md") { return .partnership }
            if bytes.count == 12, endsWith("glossary.yml") { return .glossary }
            return nil
        }
        guard slash > 0, slash + 1 < bytes.count, !bytes[(slash + 1)...].contains(UInt8(ascii: "/")) else { return nil }
        let folder = UnsafeBufferPointer(rebasing: bytes[...slash])
        for (place, kind) in inFolders where place.withUnsafeBufferPointer({ sameBytes($0, folder) }) {
            return (kind.isYAMLFile ? endsWith(".yml") : endsWith(".md")) ? kind : nil
        }
        return nil
    }
}
