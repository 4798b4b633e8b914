#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// The UTF-8 offset of the first `needle` at or after `from`, or nil: a byte search
    /// for hot paths where Foundation's `range(of:)` (UTF-16, locale aware) is slow.
    /// Exact bytes: no case folding and no Unicode normalisation.
    public func utf8Offset(of needle: String, from: Int = 0) -> Int? {
        var haystack = self, needle = needle
        haystack.makeContiguousUTF8()
        needle.makeContiguousUTF8()
        return haystack.utf8.withContiguousStorageIfAvailable { hay -> Int? in
            needle.utf8.withContiguousStorageIfAvailable { pin -> Int? in
                guard pin.count > 0 else { return from <= hay.count ? from : nil }
                guard from >= 0, from <= hay.count, let base = hay.baseAddress, let pinBase = pin.baseAddress else { return nil }
                // memchr for the first byte, memcmp for the rest (Glibc's module has no memmem).
                let first = Int32(pinBase[0]), last = hay.count - pin.count
                var start = from
                while start <= last {
                    guard let hit = memchr(base + start, first, last - start + 1) else { return nil }
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, pinBase, pin.count) == 0 { return offset }
                    start = offset + 1
                }
                return nil
            } ?? nil
        } ?? nil
    }

    /// Whether the UTF-8 bytes of `needle` occur in the string (see `utf8Offset(of:from:)`).
    public func containsBytes(_ needle: String) -> Bool { utf8Offset(of: needle) != nil }
}

/// Whether two runs of bytes are the same: their lengths, then memcmp.
@inlinable
public func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }
    return memcmp(x, y, a.count) == 0
}

/// A 64-bit fingerprint of a short name (a template's or a schema's key): FNV-1a over its
/// UTF-8 bytes, seeded with its length. Names are short, so this costs a few instructions a
/// byte; comparing two fingerprints tells most names apart without comparing the names, and
/// two names with the same fingerprint are then compared.
public enum NameFingerprint {
    @inlinable @inline(__always)
    public static func of(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { of($0) }
    }

    /// The fingerprint of a name given as its UTF-8 bytes.
    @inlinable @inline(__always)
    public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
