import Foundation
/// How long each stage of a run took, for `qapress build --timings`.
public struct StageTimings: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var seconds: Double
        /// The most memory the process had resident by the end of the stage, in MB (the
        /// kernel's high-water mark); nil where the system does not say.
        public var peakMB: Int?
        /// Processor time the whole process used during the stage (all threads), where it
        /// was measured; more than `seconds` when the stage ran on several cores.
        public var cpuSeconds: Double?

        public init(name: String, seconds: Double, peakMB: Int? = StageTimings.peakResidentMB(), cpuSeconds: Double? = nil) {
            self.name = name
            self.seconds = seconds
            self.peakMB = peakMB
            self.cpuSeconds = cpuSeconds
        }
    }

    public private(set) var stages: [Stage] = []
    private var started = ContinuousClock.now
    private var startedCPU = StageTimings.processCPUSeconds()

    public init() {}

    /// Ends the stage running since the last mark (or since the start) and names it; a
    /// stage named like the one before it adds to it.
    public mutating func mark(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = started.duration(to: now).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        let cpu = Self.processCPUSeconds()
        let usedCPU = cpu - startedCPU
        if stages.last?.name == name {
            stages[stages.count - 1].seconds += seconds
            stages[stages.count - 1].peakMB = Self.peakResidentMB()
            stages[stages.count - 1].cpuSeconds = stages[stages.count - 1].cpuSeconds.map { $0 + usedCPU }
        } else {
            stages.append(Stage(name: name, seconds: seconds, cpuSeconds: usedCPU))
        }
        started = now
        startedCPU = cpu
    }

    /// Adds the stages of another run after these (check's stages inside a build).
    public mutating func append(_ other: StageTimings) {
        stages += other.stages
        started = ContinuousClock.now
        startedCPU = Self.processCPUSeconds()
    }

    /// Adds a stage measured elsewhere, merging it with a stage of the same name.
    public mutating func add(_ stage: Stage) {
        if let index = stages.firstIndex(where: { $0.name == stage.name }) {
            stages[index].seconds += stage.seconds
            stages[index].peakMB = [stages[index].peakMB, stage.peakMB].compactMap { $0 }.max()
            stages[index].cpuSeconds = nil
        } else {
            stages.append(stage)
        }
    }

    public var total: Double { stages.reduce(0) { $0 + $1.seconds } }

    /// One line a stage and a total, milliseconds right-aligned, each with the peak resident
    /// memory reached by its end and, where measured, how many cores it kept busy on average
    /// (the total's from all the processor time the process has used).
    public var report: String {
        let width = max(5, stages.map(\.name.count).max() ?? 0)
        func line(_ name: String, _ seconds: Double, _ peak: Int?, _ cpu: Double?) -> String {
            let ms = String(Int((seconds * 1000).rounded()))
            let memory = peak.map { String(repeating: " ", count: max(1, 7 - String($0).count)) + "\($0) MB peak" } ?? ""
            var cores = ""
            if let cpu, seconds >= 0.05 {
                let tenths = Int((cpu / seconds * 10).rounded())
                cores = "   \(tenths / 10).\(tenths % 10) cores"
            }
            return "  " + name + String(repeating: " ", count: width - name.count) + String(repeating: " ", count: max(1, 8 - ms.count)) + ms + " ms" + memory + cores + "\n"
        }
        return "timings:\n" + stages.map { line($0.name, $0.seconds, $0.peakMB, $0.cpuSeconds) }.joined()
            + line("total", total, stages.compactMap(\.peakMB).max(), Self.processCPUSeconds())
    }

    /// Processor time used by the process so far (user and system, all threads), in seconds.
    public static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The process's peak resident memory so far in MB, from /proc/self/status (VmHWM).
    public static func peakResidentMB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return (kB + 512) / 1024
    }
}
