import Foundation

/// A deterministic generator (SplitMix64) shared by every benchmark family.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A uniform Double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

/// Wall-clock helpers and raw writers for the instance files.
enum Bench {
    /// Seconds spent in `body` and its result.
    static func time<T>(_ body: () throws -> T) rethrows -> (Double, T) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, value)
    }

    /// Writes little-endian raw values (float64 or int64) for numpy.fromfile.
    static func writeRaw<T>(_ values: [T], to path: String) {
        let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
        FileManager.default.createFile(atPath: path, contents: data)
    }

    /// Prints the result line and exits.
    static func report(_ seconds: Double, _ objective: String) {
        print(String(format: "%.6f", seconds), objective)
    }

    /// Stops with a message on stderr.
    static func fail(_ text: String) -> Never {
        FileHandle.standardError.write(Data((text + "\n").utf8))
        exit(1)
    }
}
