/// Phase timings of long operations, handed to a callback (for tuning; the app prints them when
/// `GSL_TIMINGS` is set). Libraries neither read the environment nor write to the terminal.
struct PhaseTimer {
    private let report: (@Sendable (String, Duration) -> Void)?
    private var last = ContinuousClock.now

    /// A timer that tells `report` of each phase (nothing when nil).
    init(_ report: (@Sendable (String, Duration) -> Void)?) {
        self.report = report
    }

    /// Closes the current phase under `name`.
    mutating func lap(_ name: String) {
        guard let report else { return }
        let now = ContinuousClock.now
        report(name, now - last)
        last = now
    }
}
