import Foundation
import GSLCore
import GSLOptimise

/// Dense assignment instances: uniform costs in [0, 1) or Euclidean distances in the unit square.
enum AssignmentBench {
    static func run(_ args: [String]) {
        guard args.count == 3, let n = Int(args[1]) else { Bench.fail("assignment uniform|euclidean N DIR") }
        let family = args[0], dir = args[2]
        var rng = SeededGenerator(seed: UInt64(n) &* 1_000_003 &+ (family == "uniform" ? 1 : 2))
        var values = [Double](repeating: 0, count: n * n)
        if family == "uniform" {
            for k in 0..<(n * n) { values[k] = rng.uniform() }
        } else {
            let a = (0..<n).map { _ in (rng.uniform(), rng.uniform()) }
            let b = (0..<n).map { _ in (rng.uniform(), rng.uniform()) }
            for i in 0..<n {
                for j in 0..<n {
                    let dx = a[i].0 - b[j].0, dy = a[i].1 - b[j].1
                    values[i * n + j] = (dx * dx + dy * dy).squareRoot()
                }
            }
        }
        Bench.writeRaw(values, to: "\(dir)/assignment-\(family)-\(n).f64")
        do {
            let matrix = try CostMatrix(rows: n, columns: n, values: values)
            let (seconds, solution) = try Bench.time { try LinearAssignment.solve(matrix) }
            Bench.report(seconds, String(format: "%.9f", solution.total))
        } catch {
            Bench.fail("assignment failed: \(error)")
        }
    }
}
