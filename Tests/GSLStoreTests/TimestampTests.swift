import Foundation
import GSLCore
import GSLStore
import Testing

@Suite struct TimestampTests {
    @Test func matchesFoundationsFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var rng = SeededGenerator(seed: 42)
        var instants: [Double] = [
            0, -0.0005, -1, 951_782_400, 1_709_164_800.999, 4_102_444_799.9999, -62_135_596_800,
        ]
        for _ in 0..<5_000 {
            // Whole milliseconds from 1900 to 2100 (sub-millisecond rounding is Foundation's business).
            instants.append(Double(Int64(rng.next() % 6_311_390_400_000) - 2_208_988_800_000) / 1000)
        }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.format(date) == formatter.string(from: date), "\(seconds)")
        }
        #expect(
            Timestamp.format(Date(timeIntervalSince1970: 1_764_186_000.123)) == "2025-11-26T19:40:00.123Z")
    }
}
