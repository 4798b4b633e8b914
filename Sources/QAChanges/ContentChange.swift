import QADiagnostics
import QAModel

/// One change between two revisions of the content, in QA terms.
public struct ContentChange: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case becamePublic = "became-public"
        case audienceNarrowed = "audience-narrowed"
        case actionAdded = "action-added", actionClosed = "action-closed", actionRemoved = "action-removed"
        case statusChanged = "status-changed", dueDateMoved = "due-date-moved"
        case findingAdded = "finding-added", recommendationAdded = "recommendation-added"
        case valueAdded = "value-added", valueRevised = "value-revised"
        case auditMoved = "audit-moved"
        case documentAdded = "document-added", documentRemoved = "document-removed"
        case problemIntroduced = "problem-introduced", problemFixed = "problem-fixed"

        /// Headings of the summary, in the order a reviewer needs them.
        public var heading: String {
            switch self {
            case .becamePublic: return "Now public"
            case .audienceNarrowed: return "No longer public"
            case .actionAdded: return "Actions added"
            case .actionClosed: return "Actions closed"
            case .actionRemoved: return "Actions removed"
            case .statusChanged: return "Status and RAG changes"
            case .dueDateMoved: return "Due dates moved"
            case .findingAdded: return "New findings"
            case .recommendationAdded: return "New recommendations"
            case .valueAdded: return "Indicator values added"
            case .valueRevised: return "Indicator values revised"
            case .auditMoved: return "Audits moved between quarters"
            case .documentAdded: return "Documents added"
            case .documentRemoved: return "Documents removed"
            case .problemIntroduced: return "Check problems introduced"
            case .problemFixed: return "Check problems fixed"
            }
        }
    }

    public var kind: Kind
    /// The id of the item that changed.
    public var item: String
    /// The change in plain words.
    public var text: String
    /// The file in the newer revision (or the older, for removals).
    public var path: String

    public init(_ kind: Kind, item: String, _ text: String, path: String) {
        self.kind = kind
        self.item = item
        self.text = text
        self.path = path
    }
}
