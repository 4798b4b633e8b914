import QADiagnostics
import QATestSupport
import Testing

/// `ByteSet.first(in:from:)` finds what a loop over the bytes one at a time finds, whatever
/// the set (bytes over 0x7F included), the length and the starting point.
@Suite struct ByteSetTests {
    static func oneAtATime(_ set: (UInt8) -> Bool, _ bytes: [UInt8], from: Int) -> Int {
        var index = from
        while index < bytes.count, !set(bytes[index]) { index += 1 }
        return index
    }

    @Test("the first byte of the set, thirty-two or sixteen at a time, is the one found byte by byte")
    func againstOneAtATime() {
        var random = SplitMix64(seed: 20261203)
        for round in 0..<3_000 {
            // Sets from empty to dense, biased to a few members, as the scans' sets are.
            let density = Int(random.next() % 5)
            var members = [Bool](repeating: false, count: 256)
            for byte in 0..<256 where Int(random.next() % 64) < [0, 1, 2, 8, 40][density] { members[byte] = true }
            if round % 7 == 0 { for byte in 0x80..<256 { members[byte] = true } }
            let set = ByteSet { members[Int($0)] }
            let length = Int(random.next() % 200)
            // Bytes mostly outside the set, so that runs are long.
            let outside = (0..<256).filter { !members[$0] }.map(UInt8.init)
            let bytes = (0..<length).map { _ -> UInt8 in
                if outside.isEmpty || random.next() % 20 == 0 { return UInt8(truncatingIfNeeded: random.next()) }
                return outside[Int(random.next() % UInt64(outside.count))]
            }
            for from in [0, 1, length / 2, max(0, length - 33), max(0, length - 32), max(0, length - 17), max(0, length - 16), max(0, length - 1), length, length + 3] {
                let expected = Self.oneAtATime({ members[Int($0)] }, bytes, from: from)
                let found = bytes.withUnsafeBufferPointer { set.first(in: $0, from: from) }
                #expect(found == expected, "round \(round): set \(members.indices.filter { members[$0] }), bytes \(bytes), from \(from)")
                if found != expected { return }
            }
        }
    }

    @Test("membership is the set it was made from")
    func membership() {
        let set = ByteSet { $0 == UInt8(ascii: "|") || $0 >= 0xF0 }
        #expect(set.contains(UInt8(ascii: "|")) && set.contains(0xF0) && set.contains(0xFF))
        #expect(!set.contains(UInt8(ascii: "a")) && !set.contains(0xEF) && !set.contains(0))
        let bytes = Array("plain text, then a pipe | and more".utf8)
        #expect(bytes.withUnsafeBufferPointer { set.first(in: $0, from: 0) } == 24)
        #expect(bytes.withUnsafeBufferPointer { set.first(in: $0, from: 25) } == bytes.count)
    }
}
