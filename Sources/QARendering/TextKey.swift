import Foundation

/// A text with its hash, worked out once: the text is hashed outside a lock, and under the
/// lock a dictionary hashes only the number.
///
/// Texts are told apart by their bytes, as cmark-gfm and the output see them: two texts
/// that Swift counts as equal (the same letters composed differently) render differently.
/// The hash is a multiply-and-shift mix over eight bytes at a time in four lanes, several
/// times faster than hashing the string; the dictionary still mixes the number with its own
/// seed, and texts of the same hash are compared byte for byte.
struct TextKey: Hashable {
    let text: String
    let hash: Int

    init(_ text: String) {
        self.text = text
        var bytes = text
        hash = bytes.withUTF8 { Self.hash(of: $0) }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (a: TextKey, b: TextKey) -> Bool {
        guard a.hash == b.hash else { return false }
        var left = a.text, right = b.text
        return left.withUTF8 { l in
            right.withUTF8 { r in l.count == r.count && (l.count == 0 || memcmp(l.baseAddress!, r.baseAddress!, l.count) == 0) }
        }
    }

    /// A 64-bit hash of `bytes`; the same bytes give the same number in every run.
    static func hash(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        let count = raw.count
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ x: UInt64) -> UInt64 {
            let m = x &* 0xBF58_476D_1CE4_E5B9
            return m ^ (m >> 31)
        }
        var a = k ^ UInt64(count), b = k &* 3, c = k &* 5, d = k &* 7
        var at = 0
        while at + 32 <= count {
            a = mix(a ^ raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            b = mix(b ^ raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
            c = mix(c ^ raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
            d = mix(d ^ raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
            at += 32
        }
        while at + 8 <= count {
            a = mix(a ^ raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            at += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while at < count {
            tail |= UInt64(raw[at]) << shift
            shift += 8
            at += 1
        }
        var h = mix(a ^ tail)
        h = mix(h ^ ((b << 17) | (b >> 47)))
        h = mix(h ^ ((c << 31) | (c >> 33)))
        h = mix(h ^ ((d << 47) | (d >> 17)))
        return Int(bitPattern: UInt(h))
    }
}
