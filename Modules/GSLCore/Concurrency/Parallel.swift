import Dispatch
import Foundation

/// Work cut into parts run on all cores: how many parts, which consecutive slice each takes, and
/// running them with their results in order.
public enum Parallel {
    /// One part per core, at most `limit`.
    public static func cores(limit: Int) -> Int {
        min(limit, max(1, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// `0..<count` cut into `parts` consecutive slices of near-equal length (the first part's
    /// slice starts at 0, the last ends at `count`); fewer parts than `parts` when `count` is
    /// smaller, so that none is empty, and one (empty) when `count` is 0.
    public static func slices(_ count: Int, parts: Int) -> [Range<Int>] {
        let n = max(1, min(parts, count))
        return (0..<n).map { (count * $0 / n)..<(count * ($0 + 1) / n) }
    }

    /// `body(part)` for every part in `0..<parts`, concurrently; the results in part order.
    public static func map<T>(_ parts: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: parts)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Each part writes its own slot only.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: parts) { slots[$0] = body($0) }
        return results.map { $0! }
    }
}
