import QADiagnostics
import QAModel

/// An indicator's values are of its frequency, each period once, with no gaps between the
/// first and the last: a missing quarter would silently bend every chart and trend.
struct IndicatorPeriodRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for indicator in context.site.indicators {
            let values = indicator.values
            if values.isEmpty, indicator.dataFile == nil {
                diagnostics.append(.warning(indicator.location, "indicator '\(indicator.id)' has no values yet; add 'values:' or a 'data:' CSV file", code: "indicator-without-values"))
                continue
            }
            let frequencies = Set(values.map(\.period.frequency))
            if frequencies.count == 1, let only = frequencies.first, only != indicator.frequency {
                diagnostics.append(.error(values[0].location, "indicator '\(indicator.id)' is set to 'frequency: \(indicator.frequency.rawValue)' but all its periods are \(only.rawValue); set 'frequency: \(only.rawValue)' or rewrite the periods", code: "period-frequency"))
                continue
            }
            var seen: [Period: SourceLocation] = [:]
            // The periods in the order first given: the site keeps values sorted by period,
            // so they are sorted again only when they are not.
            var given: [Period] = []
            for value in values {
                if value.period.frequency != indicator.frequency {
                    diagnostics.append(.error(value.location, "period '\(value.period)' is \(value.period.frequency.rawValue) but indicator '\(indicator.id)' is reported \(indicator.frequency.rawValue); write its periods like '\(example(indicator.frequency))'", code: "period-frequency"))
                } else if let earlier = seen[value.period] {
                    diagnostics.append(.error(value.location, "period '\(value.period)' is given twice for indicator '\(indicator.id)' (first at \(earlier)); keep one value per period", code: "duplicate-period"))
                } else {
                    seen[value.period] = value.location
                    given.append(value.period)
                }
            }
            let periods = given.isSortedAscending ? given : given.sorted()
            guard let last = periods.last else { continue }
            // The periods between each two given ones, in order, up to a thousand; the given
            // period before the first gap is where the diagnostic points.
            var missing: [Period] = []
            var before: Period? = nil
            gaps: for i in periods.indices.dropFirst() {
                var expected = periods[i - 1].next
                while expected < periods[i] {
                    if missing.isEmpty { before = periods[i - 1] }
                    missing.append(expected)
                    if missing.count == 1000 { break gaps }
                    expected = expected.next
                }
            }
            if !missing.isEmpty {
                let list = missing.prefix(6).map { "'\($0)'" }.joined(separator: ", ") + (missing.count > 6 ? " and \(missing.count - 6) more" : "")
                let at = before.flatMap { seen[$0] } ?? indicator.location
                diagnostics.append(.error(at, "indicator '\(indicator.id)' has no value for \(list) between \(periods.first!) and \(last); add the missing period\(missing.count == 1 ? "" : "s") after this one", code: "missing-period"))
            }
        }
        return diagnostics
    }

    func example(_ frequency: Frequency) -> String {
        switch frequency {
        case .quarterly: return "2025-26 Q1"
        case .monthly: return "2025-04"
        case .annual: return "2025-26"
        }
    }
}
