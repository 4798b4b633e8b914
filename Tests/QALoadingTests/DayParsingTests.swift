import QAModel
import Testing

/// `Day(iso:)` reads exactly `YYYY-MM-DD` and nothing else.
@Suite struct DayParsingTests {
    @Test("a date written YYYY-MM-DD is that day; anything else is no date")
    func iso() {
        #expect(Day(iso: "2025-04-01") == Day(year: 2025, month: 4, day: 1))
        #expect(Day(iso: "2024-02-29") == Day(year: 2024, month: 2, day: 29))
        #expect(Day(iso: "0999-12-31") == Day(year: 999, month: 12, day: 31))
        for text in ["", "2025-4-01", "2025-04-1", "2025/04/01", "2025-04-01 ", " 2025-04-01", "2025-13-01", "2025-00-10",
                     "2025-02-30", "2023-02-29", "20250401xx", "2025-0a-01", "2025--4-01", "२०२५-०४-०१", "2025-04-0\u{661}",
                     "2025-04-01\n", "+025-04-01", "2025-04-00"] {
            #expect(Day(iso: text) == nil, "\(text.debugDescription) read as a day")
        }
        // Written with four digits of year and two of month and day, zeros in front.
        #expect(Day(year: 7, month: 3, day: 9)?.description == "0007-03-09")
        #expect(Day(year: 999, month: 12, day: 31)?.description == "0999-12-31")
        #expect(Day(year: 2025, month: 10, day: 5)?.description == "2025-10-05")
        #expect(Day(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
        // Every day of a leap year and of a common one, written and read back.
        for year in [2024, 2025] {
            var day = Day(year: year, month: 1, day: 1)!
            while day.year == year {
                #expect(Day(iso: day.description) == day)
                day = day.adding(days: 1)
            }
        }
    }
}
