/// A calendar date with no time or zone: content dates are days, and days keep builds deterministic.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        var copy = text
        guard let day = copy.withUTF8(Day.init(isoUTF8:)) else { return nil }
        self = day
    }

    /// The same, from the text's UTF-8 bytes, read in place: the schema reads dates this way
    /// from the YAML's bytes, without making a string of each.
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        // Exactly ten bytes: four ASCII digits, '-', two, '-', two.
        guard bytes.count == 10 else { return nil }
        var year = 0, month = 0, day = 0
        for index in 0..<10 {
            let byte = bytes[index]
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            if index < 4 { year = year * 10 + Int(digit) } else if index < 7 { month = month * 10 + Int(digit) } else { day = day * 10 + Int(digit) }
        }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        // YYYY-MM-DD written straight into the string's ten bytes; a year outside 0–9999
        // (which no content holds) the longer way.
        if (0...9999).contains(year), (1...12).contains(month), (1...31).contains(day) {
            return String(unsafeUninitializedCapacity: 10) { bytes in
                let zero = UInt8(ascii: "0")
                bytes[0] = zero + UInt8(year / 1000)
                bytes[1] = zero + UInt8(year / 100 % 10)
                bytes[2] = zero + UInt8(year / 10 % 10)
                bytes[3] = zero + UInt8(year % 10)
                bytes[4] = UInt8(ascii: "-")
                bytes[5] = zero + UInt8(month / 10)
                bytes[6] = zero + UInt8(month % 10)
                bytes[7] = UInt8(ascii: "-")
                bytes[8] = zero + UInt8(day / 10)
                bytes[9] = zero + UInt8(day % 10)
                return 10
            }
        }
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0000-03-01 (a proleptic Gregorian day number), for differences between days.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * m + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe
    }

    public init(ordinal: Int) {
        let era = (ordinal >= 0 ? ordinal : ordinal - 146096) / 146097
        let doe = ordinal - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// "1 April 2025", the way British public documents write dates.
    public var long: String { "\(day) \(Day.monthNames[month - 1]) \(year)" }

    /// Stands for a required date that could not be read. Its diagnostic has already been
    /// raised, so rules that compare dates skip it rather than report on a made-up date.
    public static let unknown = Day(year: 1, month: 1, day: 1)!

    public var isKnown: Bool { self != .unknown }

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]
}
