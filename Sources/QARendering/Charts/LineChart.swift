import QAModel

/// An indicator's values over time as an SVG line chart, drawn here so that charts need no
/// script, no library and no inline style. The target and comparators are drawn as labelled
/// lines. The chart is an image with a text summary; the table beside it carries the data.
public struct LineChart: Sendable {
    public var indicator: Indicator
    /// Only periods ending on or before this day are drawn.
    public var asOf: Day
    public var width = 640.0
    public var height = 300.0
    /// Counts below this are not drawn (small-number suppression in public outputs).
    public var suppressBelow: Double?

    public init(indicator: Indicator, asOf: Day, suppressBelow: Double? = nil) {
        self.indicator = indicator
        self.asOf = asOf
        self.suppressBelow = suppressBelow
    }

    func isSuppressed(_ value: Double) -> Bool { indicator.isSuppressed(value, below: suppressBelow) }

    func label(_ value: Double) -> String { indicator.format(value, suppressBelow: suppressBelow) }

    let left = 64.0, right = 190.0, top = 20.0, bottom = 56.0

    public var values: [IndicatorValue] { indicator.values.filter { $0.period.days.upperBound <= asOf } }

    /// A sentence describing the chart for people who cannot see it.
    public var summary: String {
        guard let first = values.first, let last = values.last else { return "No values yet." }
        var text = "\(indicator.title): \(label(first.value)) in \(first.period), \(label(last.value)) in \(last.period)."
        if let target = indicator.target { text += " Target \(indicator.format(target))." }
        return text
    }

    public func svg(idPrefix: String) -> String {
        let points = values
        let titleID = "\(idPrefix)-title", descID = "\(idPrefix)-desc"
        var out = "<svg class=\"qa-chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"\(titleID)\">\(HTML.escape(indicator.title))</title><desc id=\"\(descID)\">\(HTML.escape(summary))</desc>"
        guard !points.isEmpty else { return out + "</svg>" }
        let references = [indicator.target].compactMap { $0 } + indicator.comparators.map(\.value)
        let all = points.map(\.value).filter { !isSuppressed($0) } + references + [0]
        let (low, high, step) = scale(min: min(0, all.min()!), max: all.max()!)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ i: Int) -> Double { points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(i) / Double(points.count - 1) }
        func y(_ v: Double) -> Double { top + plotHeight * (1 - (v - low) / (high - low)) }
        // Grid and value axis.
        var tick = low
        while tick <= high + step / 2 {
            out += "<line class=\"qa-chart__grid\" stroke=\"#d8d8d8\" x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>"
            out += "<text class=\"qa-chart__label\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\" fill=\"#0b0c0c\" x=\"\(n(left - 8))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(HTML.escape(Indicator.formatNumber(tick)))</text>"
            tick += step
        }
        // Period axis: quarters as "Q1" with the year beneath at each new year; other
        // periods by name, thinned so that labels never overlap.
        let spacing = points.count > 1 ? plotWidth / Double(points.count - 1) : plotWidth
        for (i, value) in points.enumerated() {
            let labelY = height - bottom + 20
            if case let .quarter(year, q) = value.period {
                out += "<text class=\"qa-chart__label\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\" fill=\"#0b0c0c\" x=\"\(n(x(i)))\" y=\"\(n(labelY))\" text-anchor=\"middle\">Q\(q)</text>"
                if q == 1 || i == 0 {
                    out += "<text class=\"qa-chart__label\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\" fill=\"#0b0c0c\" x=\"\(n(x(i)))\" y=\"\(n(labelY + 16))\" text-anchor=\"middle\">\(year)</text>"
                }
            } else {
                let every = Swift.max(1, Int((80 / spacing).rounded(.up)))
                guard i % every == 0 else { continue }
                out += "<text class=\"qa-chart__label\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\" fill=\"#0b0c0c\" x=\"\(n(x(i)))\" y=\"\(n(labelY))\" text-anchor=\"middle\">\(HTML.escape(value.period.description))</text>"
            }
        }
        // Reference lines, labelled at the right.
        var labelYs: [Double] = []
        func referenceLine(_ value: Double, _ label: String, _ kind: String) {
            let dash = kind == "target" ? "stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"8 5\"" : "stroke=\"#505a5f\" stroke-width=\"2\" stroke-dasharray=\"2 4\""
            out += "<line class=\"qa-chart__\(kind)\" \(dash) x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(y(value)))\" y2=\"\(n(y(value)))\"/>"
            var labelY = y(value) + 4
            while labelYs.contains(where: { abs($0 - labelY) < 14 }) { labelY += 14 }
            labelYs.append(labelY)
            out += "<text class=\"qa-chart__label qa-chart__label--\(kind)\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\" fill=\"#0b0c0c\" x=\"\(n(width - right + 6))\" y=\"\(n(labelY))\">\(HTML.escape(label))</text>"
        }
        if let target = indicator.target { referenceLine(target, "Target \(indicator.format(target))", "target") }
        for comparator in indicator.comparators {
            referenceLine(comparator.value, "\(comparator.label) \(Indicator.formatNumber(comparator.value))", "comparator")
        }
        // The series, broken where a value is suppressed.
        var runs: [[Int]] = [[]]
        for (i, value) in points.enumerated() {
            if isSuppressed(value.value) { runs.append([]) } else { runs[runs.count - 1].append(i) }
        }
        for run in runs where run.count > 1 {
            let path = run.map { "\(n(x($0))),\(n(y(points[$0].value)))" }.joined(separator: " ")
            out += "<polyline class=\"qa-chart__line\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\" points=\"\(path)\"/>"
        }
        for (i, value) in points.enumerated() where !isSuppressed(value.value) {
            out += "<circle class=\"qa-chart__point\" fill=\"#1d70b8\" cx=\"\(n(x(i)))\" cy=\"\(n(y(value.value)))\" r=\"4\"/>"
        }
        return out + "</svg>"
    }

    /// A rounded axis range and tick step that holds every value.
    func scale(min: Double, max: Double) -> (Double, Double, Double) {
        let span = Swift.max(max - min, Swift.max(abs(max), 1) * 0.1)
        let raw = span / 4
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        let low = (min / step).rounded(.down) * step
        var high = (max / step).rounded(.up) * step
        if high <= max { high += step }
        return (low, high, step)
    }

    /// Numbers in SVG: at most two decimals, no trailing zeros, the same on every machine.
    func n(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths.magnitude / 100, fraction = hundredths.magnitude % 100
        // Written by bytes from the end (a chart has hundreds of numbers): the whole part,
        // then a point and one or two decimals when there are any.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var start = 24
            func put(_ byte: UInt8) { start -= 1; buffer[start] = byte }
            if fraction != 0 {
                if fraction % 10 != 0 { put(UInt8(ascii: "0") + UInt8(fraction % 10)) }
                put(UInt8(ascii: "0") + UInt8(fraction / 10))
                put(UInt8(ascii: "."))
            }
            var rest = whole
            repeat {
                put(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            if hundredths < 0 { put(UInt8(ascii: "-")) }
            let count = 24 - start
            for index in 0..<count { buffer[index] = buffer[start + index] }
            return count
        }
    }
}
