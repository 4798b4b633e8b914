import QADiagnostics
import QAModel
import QARendering
import Testing

@Suite struct LineChartTests {
    func indicator(_ values: [Double], target: Double? = 20, direction: Direction = .lowerIsBetter) -> Indicator {
        var period = Period("2024-25 Q1")!
        let points = values.map { v -> IndicatorValue in
            defer { period = period.next }
            return IndicatorValue(period: period, value: v, note: "", location: SourceLocation(path: "t.md"))
        }
        return Indicator(id: "t", title: "Second plans", oba: .betterOff, unit: .percent, direction: direction, frequency: .quarterly,
                         target: target, tolerance: 2, baseline: nil, comparators: [Comparator(label: "England", value: 23.1)],
                         priority: nil, contentArea: nil, owner: nil, values: points, commentary: "",
                         source: SourceFile(path: "t.md"), location: SourceLocation(path: "t.md"))
    }

    @Test("the chart is an image with a title, a text summary, the target and the comparator")
    func accessibleChart() {
        let svg = LineChart(indicator: indicator([25, 22.5, 19]), asOf: Day(iso: "2026-11-22")!).svg(idPrefix: "c")
        #expect(svg.hasPrefix("<svg class=\"qa-chart\" viewBox=\"0 0 640 300\" role=\"img\" aria-labelledby=\"c-title c-desc\""))
        #expect(svg.contains("<title id=\"c-title\">Second plans</title>"))
        #expect(svg.contains("<desc id=\"c-desc\">Second plans: 25% in 2024-25 Q1, 19% in 2024-25 Q3. Target 20%.</desc>"))
        #expect(svg.contains("Target 20%"))
        #expect(svg.contains("England 23.1"))
        #expect(!svg.contains("style="), "no inline style: the site runs under a strict CSP")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
    }

    @Test("small counts are suppressed: words instead of numbers, and no point in the chart")
    func smallNumbers() {
        var counts = indicator([3, 12, 14, 2, 9], target: nil)
        counts.unit = .count
        let chart = LineChart(indicator: counts, asOf: Day(iso: "2026-11-22")!, suppressBelow: 5)
        let svg = chart.svg(idPrefix: "s")
        #expect(chart.summary == "Second plans: fewer than 5 in 2024-25 Q1, 9 in 2025-26 Q1.")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 1, "only 12 and 14 are joined; 9 stands alone")
        #expect(!svg.contains(">3<") && !svg.contains(">2<"))
        #expect(counts.format(3, suppressBelow: 5) == "fewer than 5")
        #expect(counts.format(0, suppressBelow: 5) == "0")
        #expect(counts.format(3, suppressBelow: nil) == "3")
        var percent = counts
        percent.unit = .percent
        #expect(percent.format(3, suppressBelow: 5) == "3%", "only counts of people are suppressed")
    }

    @Test("values after the as-of date are not drawn")
    func asOf() {
        let chart = LineChart(indicator: indicator([25, 22.5, 19, 18]), asOf: Day(iso: "2024-12-31")!)
        #expect(chart.values.count == 3)
    }

    @Test("RAG against target follows the direction and the tolerance")
    func rag() {
        let lower = indicator([1], target: 20, direction: .lowerIsBetter)
        #expect(lower.rag(for: 19) == .green)
        #expect(lower.rag(for: 21.5) == .amber)
        #expect(lower.rag(for: 23) == .red)
        let higher = indicator([1], target: 80, direction: .higherIsBetter)
        #expect(higher.rag(for: 80) == .green)
        #expect(higher.rag(for: 70) == .red)
        #expect(indicator([1], target: nil).rag(for: 5) == .none)
        #expect(Indicator.formatNumber(12345.67) == "12,345.7")
        #expect(lower.format(22.5) == "22.5%")
    }
}
