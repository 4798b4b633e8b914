/// A reporting period for an indicator value: a quarter ("2025-26 Q1"), a month ("2025-04")
/// or a financial year ("2025-26"). Periods of one frequency are ordered and can be stepped.
public enum Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    case quarter(FinancialYear, Int)
    case month(year: Int, month: Int)
    case year(FinancialYear)

    public init?(_ text: String) {
        guard let period = Self.quarter(text) ?? Self.reading(text) else { return nil }
        self = period
    }

    /// Any period as written, spaces around it allowed.
    static func reading(_ text: String) -> Period? {
        let trimmed = text.trimmingSpaces
        if trimmed.count == 10, trimmed.hasSuffix("Q1") || trimmed.hasSuffix("Q2") || trimmed.hasSuffix("Q3") || trimmed.hasSuffix("Q4") {
            let yearText = String(trimmed.prefix(7))
            guard trimmed.dropFirst(7).first == " ", let fy = FinancialYear(yearText), let q = Int(String(trimmed.suffix(1))) else { return nil }
            return .quarter(fy, q)
        } else if let fy = FinancialYear(trimmed) {
            return .year(fy)
        } else {
            let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
                  let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            return .month(year: y, month: m)
        }
    }

    /// A quarter written the usual way, "2025-26 Q1", read by its bytes: ten ASCII bytes with
    /// nothing to trim, which `reading` takes as the same quarter. Nil for
    /// anything else, which that reading then reads (or refuses).
    static func quarter(_ text: String) -> Period? {
        var text = text
        return text.withUTF8 { bytes -> Period? in
            guard bytes.count == 10, bytes[7] == 0x20, bytes[8] == UInt8(ascii: "Q"),
                  bytes[9] >= UInt8(ascii: "1"), bytes[9] <= UInt8(ascii: "4"),
                  let year = FinancialYear(String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<7]), as: UTF8.self)) else { return nil }
            return .quarter(year, Int(bytes[9] - UInt8(ascii: "0")))
        }
    }

    public var description: String {
        switch self {
        case let .quarter(fy, q): return "\(fy) Q\(q)"
        case let .month(y, m): return "\(y)-\(m < 10 ? "0" : "")\(m)"
        case let .year(fy): return fy.description
        }
    }

    public var frequency: Frequency {
        switch self {
        case .quarter: return .quarterly
        case .month: return .monthly
        case .year: return .annual
        }
    }

    /// The first and last day the period covers.
    public var days: ClosedRange<Day> {
        switch self {
        case let .quarter(fy, q): return fy.quarter(q)
        case let .month(y, m): return Day(year: y, month: m, day: 1)!...Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!
        case let .year(fy): return fy.start...fy.end
        }
    }

    public var next: Period {
        switch self {
        case let .quarter(fy, q): return q == 4 ? .quarter(FinancialYear(startYear: fy.startYear + 1), 1) : .quarter(fy, q + 1)
        case let .month(y, m): return m == 12 ? .month(year: y + 1, month: 1) : .month(year: y, month: m + 1)
        case let .year(fy): return .year(FinancialYear(startYear: fy.startYear + 1))
        }
    }

    public static func < (a: Period, b: Period) -> Bool { a.days.lowerBound < b.days.lowerBound }
}

public enum Frequency: String, Sendable, CaseIterable {
    case monthly, quarterly, annual
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
