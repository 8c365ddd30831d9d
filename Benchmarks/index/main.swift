import Foundation
import GSLIndexScoring

// gsl-bench-index: Monte Carlo uncertainty on seeded synthetic data, Swift against NumPy on the same data.
// Usage: gsl-bench-index [--units N] [--indicators K] [--groups G] [--runs R] [--seed S] [--python PATH]

var options: [String: String] = [:]
var argv = CommandLine.arguments.dropFirst()
while let key = argv.first {
    argv = argv.dropFirst()
    guard key.hasPrefix("--"), let value = argv.first else { continue }
    options[String(key.dropFirst(2))] = value
    argv = argv.dropFirst()
}
let units = Int(options["units"] ?? "") ?? 2844
let indicators = Int(options["indicators"] ?? "") ?? 60
let groups = Int(options["groups"] ?? "") ?? 6
let runs = Int(options["runs"] ?? "") ?? 10_000
let seed = UInt64(options["seed"] ?? "") ?? 1
let noise = 0.25
let python = options["python"]

let framework = SyntheticData.framework(indicators: indicators, groups: groups)
let data = SyntheticData.panel(framework: framework, units: units, seed: seed)
let spec = PipelineSpec()
let u = UncertaintySpec(runs: runs, seed: seed, weightNoise: noise)

print("index uncertainty: \(units) units × \(indicators) indicators (\(groups) groups), \(runs) runs")
let clock = ContinuousClock()
var result: UncertaintyResult?
let swiftTime = clock.measure {
    result = try? UncertaintyAnalysis.run(framework: framework, data: data, spec: spec, uncertainty: u)
}
guard let result else { print("swift: failed"); exit(1) }
let swiftSeconds = Double(swiftTime.components.seconds) + Double(swiftTime.components.attoseconds) * 1e-18
print(String(format: "swift:  %.3f s", swiftSeconds))

guard let python else {
    print("numpy:  skipped (no --python given)")
    exit(0)
}
// Same data for NumPy: group index and direction per indicator, then the raw unit × indicator matrix.
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gsl-bench-index-\(getpid())")
try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
let file = dir.appendingPathComponent("data.csv")
let codes = framework.indicatorCodes
var text =
    codes.map { c in String(Int(framework.node(c)!.parent!.dropFirst())! - 1) }.joined(separator: ",") + "\n"
text += codes.map { String(framework.node($0)!.indicator!.direction) }.joined(separator: ",") + "\n"
let table = data.table(period: "2023", variables: codes)
for uIdx in table.units.indices {
    text += table.values.map { "\($0[uIdx])" }.joined(separator: ",") + "\n"
}
try? text.write(to: file, atomically: true, encoding: .utf8)
let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("python/index_uncertainty.py")
let process = Process()
process.executableURL = URL(fileURLWithPath: python)
process.arguments = [script.path, file.path, String(runs), String(seed), String(noise)]
let pipe = Pipe()
process.standardOutput = pipe
do { try process.run() } catch { print("numpy:  skipped (\(error))"); exit(0) }
let out = pipe.fileHandleForReading.readDataToEndOfFile()
process.waitUntilExit()
try? FileManager.default.removeItem(at: dir)
guard process.terminationStatus == 0,
    let json = try? JSONSerialization.jsonObject(with: out) as? [String: Any],
    let numpySeconds = json["seconds"] as? Double,
    let nominal = json["nominal"] as? [Int],
    let median = json["median"] as? [Double]
else {
    print("numpy:  failed (exit \(process.terminationStatus))")
    exit(1)
}
print(String(format: "numpy:  %.3f s", numpySeconds))
print(String(format: "ratio:  %.2f× NumPy's time (goal ≤ 1.0)", swiftSeconds / numpySeconds))
let sameNominal = nominal == result.nominalRank
let meanGap = zip(median, result.medianRank).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(max(units, 1))
print(
    "check:  nominal ranks \(sameNominal ? "identical" : "DIFFERENT"); mean |median rank gap| = \(String(format: "%.3f", meanGap)) (different random streams)"
)
