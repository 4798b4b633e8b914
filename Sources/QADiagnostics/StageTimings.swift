/// How long each stage of a run took, for `qapress build --timings`.
public struct StageTimings: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var seconds: Double

        public init(name: String, seconds: Double) {
            self.name = name
            self.seconds = seconds
        }
    }

    public private(set) var stages: [Stage] = []
    private var started = ContinuousClock.now

    public init() {}

    /// Ends the stage running since the last mark (or since the start) and names it; a
    /// stage named like the one before it adds to it.
    public mutating func mark(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = started.duration(to: now).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        if stages.last?.name == name { stages[stages.count - 1].seconds += seconds } else { stages.append(Stage(name: name, seconds: seconds)) }
        started = now
    }

    /// Adds the stages of another run after these (check's stages inside a build).
    public mutating func append(_ other: StageTimings) {
        stages += other.stages
        started = ContinuousClock.now
    }

    /// Adds a stage measured elsewhere, merging it with a stage of the same name.
    public mutating func add(_ stage: Stage) {
        if let index = stages.firstIndex(where: { $0.name == stage.name }) { stages[index].seconds += stage.seconds } else { stages.append(stage) }
    }

    /// Ends the time since the last mark as stages that were interleaved (measured piece by
    /// piece elsewhere); time none of them measured counts to the first.
    public mutating func mark(interleaved measured: [Stage]) {
        guard let first = measured.first?.name else { return }
        let elapsed = started.duration(to: .now).components
        let unmeasured = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18 - measured.reduce(0) { $0 + $1.seconds }
        for stage in measured { add(stage) }
        add(Stage(name: first, seconds: max(0, unmeasured)))
        started = ContinuousClock.now
    }

    public var total: Double { stages.reduce(0) { $0 + $1.seconds } }

    /// One line a stage and a total, milliseconds right-aligned.
    public var report: String {
        let width = max(5, stages.map(\.name.count).max() ?? 0)
        func line(_ name: String, _ seconds: Double) -> String {
            let ms = String(Int((seconds * 1000).rounded()))
            return "  " + name + String(repeating: " ", count: width - name.count) + String(repeating: " ", count: max(1, 8 - ms.count)) + ms + " ms\n"
        }
        return "timings:\n" + stages.map { line($0.name, $0.seconds) }.joined() + line("total", total)
    }
}
