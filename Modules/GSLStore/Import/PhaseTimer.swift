import Foundation

/// Phase timings of long operations, printed to stderr when `GSL_TIMINGS` is set (for tuning).
struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["GSL_TIMINGS"] != nil
    private var last = ContinuousClock.now
    private var laps: [(String, Duration)] = []

    /// Closes the current phase under `name`.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        laps.append((name, now - last))
        last = now
    }

    /// Prints the phases.
    func report() {
        guard enabled else { return }
        let text = laps.map {
            "\($0.0) \(Int($0.1.components.seconds * 1000 + $0.1.components.attoseconds / 1_000_000_000_000_000)) ms"
        }
        .joined(separator: ", ")
        FileHandle.standardError.write(Data(("timings: " + text + "\n").utf8))
    }
}
