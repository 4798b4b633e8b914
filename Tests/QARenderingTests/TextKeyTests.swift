@testable import QARendering
import QATestSupport
import Testing

/// `TextKey` tells texts apart by their bytes, and its hash spreads them.
@Suite struct TextKeyTests {
    @Test("equal bytes are one key; texts Swift counts as equal but written differently are two")
    func equality() {
        let composed = "Caf\u{E9} review", decomposed = "Cafe\u{301} review"
        #expect(composed == decomposed) // Swift's own equality
        #expect(TextKey(composed) != TextKey(decomposed))
        #expect(TextKey(composed) == TextKey(String(decoding: Array(composed.utf8), as: UTF8.self)))
        #expect(TextKey("") == TextKey(""))
        #expect(TextKey("a") != TextKey("b"))
    }

    @Test("every length from 0 to 100 and every byte counts, and random texts do not collide")
    func spread() {
        var random = SplitMix64(seed: 20261203)
        var seen: [Int: [UInt8]] = [:]
        for round in 0..<20_000 {
            let length = round % 101
            var bytes = (0..<length).map { _ in UInt8(ascii: "a") + UInt8(random.next() % 26) }
            let hash = bytes.withUnsafeBufferPointer { TextKey.hash(of: $0) }
            if let earlier = seen[hash] { #expect(earlier == bytes, "two texts share a hash: \(earlier) and \(bytes)") }
            seen[hash] = bytes
            // One byte changed anywhere changes the hash.
            if length > 0 {
                let at = Int(random.next() % UInt64(length))
                bytes[at] ^= 0x01
                let changed = bytes.withUnsafeBufferPointer { TextKey.hash(of: $0) }
                #expect(changed != hash, "changing byte \(at) of \(length) kept the hash")
            }
        }
        // A text and the same text with a zero byte more differ (the length is mixed in).
        #expect(TextKey("abc\u{0}").hash != TextKey("abc").hash)
    }
}
