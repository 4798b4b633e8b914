import Foundation
// TEMPORARY profiling aid.
nonisolated(unsafe) var lapStart = DispatchTime.now().uptimeNanoseconds
public func lap(_ what: String) {
    let t = DispatchTime.now().uptimeNanoseconds
    if getenv("QAPRESS_LAPS") != nil { print("lap \(what) \((Int64(t) - Int64(lapStart)) / 1_000_000) ms") }
    lapStart = t
}
