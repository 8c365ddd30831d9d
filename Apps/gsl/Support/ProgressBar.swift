import Foundation
import GSLCore
import GSLTabular

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Draws a progress bar on stderr while long work runs, only when stderr is a terminal; at most
/// ten times a second, and cleared when the work ends.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var lastDraw: UInt64 = 0
    private var drawn = false

    /// A bar for `label`, or nil when stderr is not a terminal (files and pipes get no bar).
    static func onTerminal(_ label: String) -> ProgressBar? {
        isatty(STDERR_FILENO) == 1 ? ProgressBar(label) : nil
    }

    private init(_ label: String) { self.label = label }

    /// Reports `done` of `total`.
    func update(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = DispatchTime.now().uptimeNanoseconds
        guard done >= total || now - lastDraw >= 100_000_000 else { return }
        lastDraw = now
        drawn = true
        let text = "\r" + ProgressText.line(label: label, done: done, total: total) + "\u{1B}[K"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Removes the bar.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
