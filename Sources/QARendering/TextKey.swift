/// A text with its hash, worked out once: the text is hashed outside a lock, and under the
/// lock a dictionary hashes only the number.
struct TextKey: Hashable {
    let text: String
    let hash: Int
    init(_ text: String) {
        self.text = text
        hash = text.hashValue
    }
    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    static func == (a: TextKey, b: TextKey) -> Bool { a.hash == b.hash && a.text == b.text }
}
