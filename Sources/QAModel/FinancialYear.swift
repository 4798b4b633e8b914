/// A UK public-sector year, 1 April to 31 March, written "2025-26".
public struct FinancialYear: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The calendar year in which the financial year starts.
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// Parses "2025-26".
    /// "2025-26": four ASCII digits, a hyphen and the next year's last two digits. Read by
    /// bytes: periods and dates are parsed by the hundred thousand.
    public init?(_ text: String) {
        let bytes = text.utf8
        guard bytes.count == 7 else { return nil }
        var start = 0, end = 0, index = 0
        for byte in bytes {
            if index == 4 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                if index < 4 { start = start * 10 + Int(digit) } else { end = end * 10 + Int(digit) }
            }
            index += 1
        }
        guard (start + 1) % 100 == end else { return nil }
        self.startYear = start
    }

    public init(containing day: Day) { startYear = day.month >= 4 ? day.year : day.year - 1 }

    public var description: String {
        let end = (startYear + 1) % 100
        return "\(startYear)-\(end < 10 ? "0" : "")\(end)"
    }

    public var start: Day { Day(year: startYear, month: 4, day: 1)! }
    public var end: Day { Day(year: startYear + 1, month: 3, day: 31)! }

    public static func < (a: FinancialYear, b: FinancialYear) -> Bool { a.startYear < b.startYear }

    /// Quarter 1 is April to June; quarter 4 is January to March.
    public func quarter(_ q: Int) -> ClosedRange<Day> {
        let startMonth = [4, 7, 10, 1][q - 1]
        let year = q == 4 ? startYear + 1 : startYear
        let endMonth = startMonth + 2
        return Day(year: year, month: startMonth, day: 1)!...Day(year: year, month: endMonth, day: Day.daysIn(month: endMonth, year: year))!
    }

    public func quarter(of day: Day) -> Int? {
        (1...4).first { quarter($0).contains(day) }
    }
}
