import Foundation

/// UTC ISO-8601 instants as stored text.
public enum Timestamp {
    /// The current instant, e.g. `2026-11-26T19:40:00.123Z`.
    public static func now() -> String { format(Date()) }

    /// An instant as UTC ISO-8601 text with milliseconds.
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
