import Foundation

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
