import CByteSet

/// A set of byte values that a scan over a text skips to: the first byte of the set is
/// found thirty-two or sixteen bytes at a time where the processor can (see `CByteSet`).
/// The scans over every text of a build use it to pass over the bytes that do not concern
/// them (letters and spaces, mostly). Immutable once made, so any number of threads may search with it.
public final class ByteSet: @unchecked Sendable {
    @usableFromInline let set: UnsafeMutablePointer<QAByteSet>

    /// The bytes for which `contains` is true.
    public init(_ contains: (UInt8) -> Bool) {
        set = .allocate(capacity: 1)
        let members = (0...255).map { contains(UInt8($0)) ? UInt8(1) : 0 }
        members.withUnsafeBufferPointer { qa_byte_set_init(set, $0.baseAddress) }
    }

    deinit {
        set.deallocate()
    }

    public func contains(_ byte: UInt8) -> Bool {
        withUnsafeBytes(of: set.pointee.member) { $0[Int(byte)] != 0 }
    }

    /// The index of the first byte of `bytes` at or after `from` that is in the set;
    /// `bytes.count` when there is none (and `from` itself when it is not before the end).
    @inlinable
    public func first(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard from < bytes.count, let base = bytes.baseAddress else { return from }
        return Int(qa_byte_set_find(set, base, bytes.count, from))
    }
}
