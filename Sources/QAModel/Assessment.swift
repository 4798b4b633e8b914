/// Red, amber or green against a target, or no judgement. Always shown with words.
public enum RAG: String, Sendable, CaseIterable {
    case red, amber, green, none

    public var label: String {
        switch self {
        case .red: return "Red: off target"
        case .amber: return "Amber: near target"
        case .green: return "Green: on target"
        case .none: return "No target set"
        }
    }
}

extension Indicator {
    /// The latest value on or before `day`.
    public func latest(asOf day: Day) -> IndicatorValue? {
        values.last { $0.period.days.upperBound <= day }
    }

    /// The value for the last period that ends on or before `day`; nil when there is none.
    public func value(at day: Day) -> IndicatorValue? { latest(asOf: day) }

    /// How `value` stands against the target, given the direction and tolerance.
    public func rag(for value: Double) -> RAG {
        guard let target, direction != .neither else { return .none }
        let shortfall = direction == .higherIsBetter ? target - value : value - target
        if shortfall <= 0 { return .green }
        return shortfall <= tolerance ? .amber : .red
    }

    /// Whether a change from `old` to `new` is an improvement, a deterioration or neither.
    public func trend(from old: Double, to new: Double) -> Trend {
        if old == new || direction == .neither { return old == new ? .same : .changed }
        let better = direction == .higherIsBetter ? new > old : new < old
        return better ? .better : .worse
    }

    public enum Trend: String, Sendable {
        case better, worse, same, changed

        public var label: String {
            switch self {
            case .better: return "Improving"
            case .worse: return "Getting worse"
            case .same: return "No change"
            case .changed: return "Changed"
            }
        }
    }

    /// A value written for people: "23.1%", "312", "41.2 per 10,000", "18 days".
    public func format(_ value: Double) -> String {
        let number = Indicator.formatNumber(value)
        switch unit {
        case .percent: return number + "%"
        case .count: return number
        case .ratePer10k: return number + " per 10,000"
        case .days: return number + (value == 1 ? " day" : " days")
        case .weeks: return number + (value == 1 ? " week" : " weeks")
        }
    }

    /// Whether a value is a small count that public outputs must not show exactly.
    public func isSuppressed(_ value: Double, below threshold: Double?) -> Bool {
        guard let threshold, threshold > 0, unit == .count else { return false }
        return value > 0 && value < threshold
    }

    /// The value for people, or "fewer than N" when it is a suppressed small count.
    public func format(_ value: Double, suppressBelow threshold: Double?) -> String {
        isSuppressed(value, below: threshold) ? "fewer than \(Indicator.formatNumber(threshold!))" : format(value)
    }

    /// Up to one decimal place, with thousands separators, and no trailing ".0".
    public static func formatNumber(_ value: Double) -> String {
        let tenths = Int((abs(value) * 10).rounded())
        let whole = tenths / 10, fraction = tenths % 10
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        let sign = value < 0 && tenths != 0 ? "-" : ""
        return sign + digits + grouped + (fraction == 0 ? "" : ".\(fraction)")
    }
}
