@testable import QAModel
import QATestSupport
import Testing

@Suite struct PeriodTests {
    @Test("financial-year quarters run April to March")
    func quarters() {
        let year = FinancialYear("2025-26")!
        #expect(year.quarter(1) == Day(iso: "2025-04-01")!...Day(iso: "2025-06-30")!)
        #expect(year.quarter(4) == Day(iso: "2026-01-01")!...Day(iso: "2026-03-31")!)
        #expect(year.quarter(of: Day(iso: "2026-02-10")!) == 4)
        #expect(FinancialYear("2025-27") == nil)
    }

    @Test("a financial year is four digits, a hyphen and the next year's last two digits, and nothing else")
    func financialYearText() {
        #expect(FinancialYear("2025-26")?.startYear == 2025)
        #expect(FinancialYear("2099-00")?.startYear == 2099)
        #expect(FinancialYear("0999-00")?.startYear == 999)
        for text in ["2025-2", "2025-266", "2025/26", "2025–26", "20a5-26", "2025-2a", "+025-26", "２０２５-26", " 2025-26", "2025-26 ", "", "2025--6"] {
            #expect(FinancialYear(text) == nil, "\(text)")
        }
    }

    @Test("periods parse, print and step")
    func periods() {
        #expect(Period("2025-26 Q4")?.next.description == "2026-27 Q1")
        #expect(Period("2025-12")?.next.description == "2026-01")
        #expect(Period("2025-26")?.next.description == "2026-27")
        #expect(Period("2025-26 Q5") == nil)
        #expect(Period("Q1 2025") == nil)
    }

    @Test("day arithmetic crosses months and leap years")
    func days() {
        let day = Day(iso: "2024-02-28")!
        #expect(day.adding(days: 1).description == "2024-02-29")
        #expect(day.adding(days: 2).description == "2024-03-01")
        #expect(Day(iso: "2025-03-31")!.days(until: Day(iso: "2026-11-22")!) == 601)
        #expect(Day(year: 1970, month: 1, day: 1)!.adding(days: 20414).description == "2025-11-22")
    }

    @Test("an action's status is read from its history as at a date")
    func statusAsOf() {
        let loc = QADiagnosticsLocation.here
        let history = [
            StatusUpdate(date: Day(iso: "2024-06-01")!, status: .green, note: "", location: loc),
            StatusUpdate(date: Day(iso: "2025-02-01")!, status: .amber, note: "", location: loc),
            StatusUpdate(date: Day(iso: "2025-05-01")!, status: .complete, note: "", location: loc),
        ]
        let action = Action(id: "a", text: "", recommendation: nil, ownerAgency: nil, ownerRole: "", due: Day(iso: "2025-03-31")!,
                            history: history, currentStatus: .complete, evidenceOfImpact: "", audience: .public, location: loc)
        #expect(action.status(asOf: Day(iso: "2024-05-01")!) == nil)
        #expect(action.status(asOf: Day(iso: "2025-03-31")!) == .amber)
        #expect(action.isOverdue(asOf: Day(iso: "2025-04-01")!))
        #expect(!action.isOverdue(asOf: Day(iso: "2025-05-01")!))
        #expect(!action.isOverdue(asOf: Day(iso: "2025-03-31")!))
    }

    @Test("the quarters read by bytes are the ones the general reading finds, and nothing else")
    func quarterShortcut() {
        var random = SplitMix64(seed: 11)
        // Texts near "2025-26 Q1": each byte kept or swapped for one that could confuse it.
        let base = Array("2025-26 Q1".utf8)
        let swaps = Array(" -Qq05913\t\u{A0}é2".utf8)
        var agreed = 0
        for _ in 0..<20_000 {
            var bytes = base
            for index in bytes.indices where random.below(4) == 0 { bytes[index] = random.pick(swaps) }
            if random.below(8) == 0 { bytes.insert(random.pick(swaps), at: random.below(bytes.count + 1)) }
            let text = String(decoding: bytes, as: UTF8.self)
            if let quick = Period.quarter(text) {
                #expect(Period.reading(text) == quick, "'\(text)'")
                agreed += 1
            }
            #expect(Period(text) == Period.reading(text), "'\(text)'")
        }
        #expect(agreed > 1_000, "the shortcut should take many of the texts: \(agreed)")
    }
}

import QADiagnostics
enum QADiagnosticsLocation {
    static let here = SourceLocation(path: "test.md")
}
