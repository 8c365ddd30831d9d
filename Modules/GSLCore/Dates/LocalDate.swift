import Foundation

/// A calendar date without time or zone, in the proleptic Gregorian calendar (years 1–9999).
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, 1–9999 for dates built from parts.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// The date with these parts, or nil when it is not a real date (or the year is outside 1–9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (negative: before it); not limited to 1–9999.
    public init(dayNumber: Int) {
        // Civil-from-days over 400-year eras that start on 1 March, so the leap day falls last.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// ISO-8601 text, `2023-05-06`.
    public var iso: String {
        if (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) {
            // Fast path: ten ASCII bytes.
            let bytes: [UInt8] = [
                UInt8(48 + year / 1000), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10),
                UInt8(48 + year % 10), 0x2D, UInt8(48 + month / 10), UInt8(48 + month % 10), 0x2D,
                UInt8(48 + day / 10), UInt8(48 + day % 10),
            ]
            return String(decoding: bytes, as: UTF8.self)
        }
        return isoFully
    }

    /// `iso` by padding strings (the reference for the fast path).
    var isoFully: String {
        let y = year < 0 ? "-" + LocalDate.pad(-year, 4) : LocalDate.pad(year, 4)
        return "\(y)-\(LocalDate.pad(month, 2))-\(LocalDate.pad(day, 2))"
    }

    /// The ISO-8601 text.
    public var description: String { iso }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { LocalDate.weekday(ofDayNumber: dayNumber) }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber + days)
    }

    /// Today's date in China (UTC+8, no daylight saving), whatever the machine's time zone.
    public static func today() -> LocalDate {
        let seconds = Int(Date().timeIntervalSince1970.rounded(.down)) + 8 * 3600
        return LocalDate(dayNumber: floorDiv(seconds, 86_400))
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes from ISO text (any form `parse` accepts).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try LocalDate.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message.en)
        }
    }

    /// Encodes as ISO text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // MARK: - Calendar arithmetic

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// ISO weekday of a day number (1970-01-01 was a Thursday).
    static func weekday(ofDayNumber n: Int) -> Int {
        floorMod(n + 3, 7) + 1
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int, _ b: Int) -> Int {
        a - floorDiv(a, b) * b
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
