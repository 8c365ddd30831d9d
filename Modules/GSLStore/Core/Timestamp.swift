import Foundation

/// UTC ISO-8601 instants as stored text.
public enum Timestamp {
    /// The current instant, e.g. `2026-11-26T19:40:00.123Z`.
    public static func now() -> String { format(Date()) }

    /// An instant as UTC ISO-8601 text with milliseconds (rounded to the nearest, as ISO8601DateFormatter does).
    /// Written out by hand: a formatter per call cost more than the rest of an audited insert.
    public static func format(_ date: Date) -> String {
        let scaled = (date.timeIntervalSince1970 * 1000).rounded(.toNearestOrEven)
        guard abs(scaled) < 1e15 else { return fallback(date) }
        let milliseconds = Int64(scaled)
        let (days, inDay) = floorDivide(milliseconds, 86_400_000)
        let (year, month, day) = civil(days)
        let hour = inDay / 3_600_000, minute = inDay / 60_000 % 60, second = inDay / 1000 % 60
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func digits(_ value: Int64, _ count: Int) {
            var divisor: Int64 = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        if year < 1583 || year > 9999 { return fallback(date) }
        digits(year, 4)
        bytes.append(0x2D)
        digits(month, 2)
        bytes.append(0x2D)
        digits(day, 2)
        bytes.append(0x54)
        digits(hour, 2)
        bytes.append(0x3A)
        digits(minute, 2)
        bytes.append(0x3A)
        digits(second, 2)
        bytes.append(0x2E)
        digits(inDay % 1000, 3)
        bytes.append(0x5A)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Quotient and non-negative remainder.
    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    /// Year, month and day of a count of days since 1970-01-01 (proleptic Gregorian; H. Hinnant).
    private static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Years before the Gregorian calendar (Foundation switches to Julian) or after 9999 — never
    /// stored in practice — go through Foundation's formatter.
    private static func fallback(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
