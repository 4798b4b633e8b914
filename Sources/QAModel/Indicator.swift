import QADiagnostics

/// Which Outcomes Based Accountability question an indicator answers.
public enum OBACategory: String, Sendable, CaseIterable {
    case howMuch = "how-much", howWell = "how-well", betterOff = "better-off"

    public var question: String {
        switch self {
        case .howMuch: return "How much did we do?"
        case .howWell: return "How well did we do it?"
        case .betterOff: return "Is anyone better off?"
        }
    }
}

public enum Direction: String, Sendable, CaseIterable {
    case higherIsBetter = "higher-is-better", lowerIsBetter = "lower-is-better", neither
}

public enum IndicatorUnit: String, Sendable, CaseIterable {
    case count, percent, ratePer10k = "rate-per-10000", days, weeks
}

public struct Comparator: Sendable {
    public var label: String
    public var value: Double

    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}

public struct IndicatorValue: Sendable {
    public var period: Period
    public var value: Double
    public var note: String
    public var location: SourceLocation

    public init(period: Period, value: Double, note: String, location: SourceLocation) {
        self.period = period
        self.value = value
        self.note = note
        self.location = location
    }
}

/// A performance indicator on the scorecard.
public struct Indicator: Sendable {
    public var id: String
    public var title: String
    public var oba: OBACategory
    public var unit: IndicatorUnit
    public var direction: Direction
    public var frequency: Frequency
    public var target: Double?
    /// How far from target still counts as amber rather than red, in the indicator's unit.
    public var tolerance: Double
    public var baseline: Double?
    public var comparators: [Comparator]
    public var priority: Reference?
    public var contentArea: Reference?
    public var owner: Reference?
    public var values: [IndicatorValue]
    public var dataFile: String?
    /// Where the `data:` key was written.
    public var dataLocation: SourceLocation?
    public var commentary: String
    public var source: SourceFile
    public var location: SourceLocation

    public init(id: String, title: String, oba: OBACategory, unit: IndicatorUnit, direction: Direction, frequency: Frequency, target: Double? = nil, tolerance: Double, baseline: Double? = nil, comparators: [Comparator], priority: Reference? = nil, contentArea: Reference? = nil, owner: Reference? = nil, values: [IndicatorValue], dataFile: String? = nil, dataLocation: SourceLocation? = nil, commentary: String, source: SourceFile, location: SourceLocation) {
        self.id = id
        self.title = title
        self.oba = oba
        self.unit = unit
        self.direction = direction
        self.frequency = frequency
        self.target = target
        self.tolerance = tolerance
        self.baseline = baseline
        self.comparators = comparators
        self.priority = priority
        self.contentArea = contentArea
        self.owner = owner
        self.values = values
        self.dataFile = dataFile
        self.dataLocation = dataLocation
        self.commentary = commentary
        self.source = source
        self.location = location
    }
}
