import GSLCore

/// A wall-clock time in Beijing (Asia/Shanghai, UTC+8, no daylight saving) to the minute: when a
/// session starts or ends. Stored as `YYYY-MM-DDTHH:MM`, which sorts as it reads.
public struct EventTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The day.
    public let date: LocalDate
    /// Minutes after midnight, 0 ..< 1440.
    public let minute: Int

    /// A time on `date` at `minute` after midnight.
    public init(date: LocalDate, minute: Int) {
        precondition((0..<1440).contains(minute), "minute of day out of range")
        self.date = date
        self.minute = minute
    }

    /// The stored text `YYYY-MM-DDTHH:MM`.
    public var iso: String { date.iso + "T" + Self.two(minute / 60) + ":" + Self.two(minute % 60) }

    /// `YYYY-MM-DD HH:MM`, for people.
    public var display: String { date.iso + " " + Self.two(minute / 60) + ":" + Self.two(minute % 60) }

    /// The stored text.
    public var description: String { iso }

    /// Minutes since 1970-01-01 00:00 Beijing time (for durations and overlaps).
    public var absoluteMinute: Int { date.dayNumber * 1440 + minute }

    /// The time `minutes` later.
    public func adding(minutes: Int) -> EventTime {
        let total = absoluteMinute + minutes
        let day = total >= 0 ? total / 1440 : (total - 1439) / 1440
        return EventTime(date: LocalDate(dayNumber: day), minute: total - day * 1440)
    }

    /// The same wall-clock time on another day.
    public func on(_ day: LocalDate) -> EventTime { EventTime(date: day, minute: minute) }

    /// iCalendar local form `YYYYMMDDTHHMMSS`.
    public var icsLocal: String {
        date.iso.replacingOccurrences(of: "-", with: "") + "T" + Self.two(minute / 60) + Self.two(minute % 60)
            + "00"
    }

    /// iCalendar UTC form `YYYYMMDDTHHMMSSZ` (Beijing is UTC+8).
    public var icsUTC: String { adding(minutes: -480).icsLocal + "Z" }

    public static func < (lhs: EventTime, rhs: EventTime) -> Bool { lhs.absoluteMinute < rhs.absoluteMinute }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Reads `2023-05-06 14:00`, `2023-05-06T14:00[:00]`, `2023/5/6 14:00`, `2023年5月6日 14:00`,
    /// `2023年5月6日14时30分`, full-width digits and colons; a bare date is midnight.
    public static func parse(_ text: String) throws(GSLError) -> EventTime {
        if let stored = stored(text) { return stored }
        let t = TextNormaliser.halfWidth(text.trimmingCharacters(in: .whitespaces))
            .replacingOccurrences(of: "：", with: ":")
        var datePart = t
        var timePart = ""
        if let i = t.firstIndex(where: { $0 == "T" || $0 == " " }) {
            datePart = String(t[..<i])
            timePart = String(t[t.index(after: i)...]).trimmingCharacters(in: .whitespaces)
        } else if let i = t.firstIndex(of: "日"), t.index(after: i) < t.endIndex {
            datePart = String(t[...i])
            timePart = String(t[t.index(after: i)...])
        }
        let date: LocalDate
        do { date = try LocalDate.parse(datePart) } catch {
            throw invalid(text)
        }
        if timePart.isEmpty { return EventTime(date: date, minute: 0) }
        return EventTime(date: date, minute: try minuteOfDay(timePart, original: text))
    }

    /// The stored form `YYYY-MM-DDTHH:MM` read by its bytes (the common case when reading the store).
    static func stored(_ text: String) -> EventTime? {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { b -> EventTime? in
            guard b.count == 16, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A else { return nil }
            func n(_ i: Int, _ len: Int) -> Int? {
                var v = 0
                for k in i..<(i + len) {
                    let c = b[k]
                    guard c >= 0x30 && c <= 0x39 else { return nil }
                    v = v * 10 + Int(c - 0x30)
                }
                return v
            }
            guard let y = n(0, 4), let mo = n(5, 2), let d = n(8, 2), let h = n(11, 2), let mi = n(14, 2),
                h < 24,
                mi < 60, let date = LocalDate(year: y, month: mo, day: d)
            else { return nil }
            return EventTime(date: date, minute: h * 60 + mi)
        } ?? nil
    }

    /// Reads a time of day `14:00`, `9:30`, `14:00:00`, `14时30分`, `14点`.
    public static func minuteOfDay(_ text: String, original: String? = nil) throws(GSLError) -> Int {
        let t = TextNormaliser.halfWidth(text.trimmingCharacters(in: .whitespaces))
            .replacingOccurrences(of: "：", with: ":")
            .replacingOccurrences(of: "时", with: ":").replacingOccurrences(of: "点", with: ":")
            .replacingOccurrences(of: "分", with: "")
        let parts = t.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), let h = Int(parts[0]), (0..<24).contains(h) else {
            throw invalid(original ?? text)
        }
        let m = parts.count > 1 && !parts[1].isEmpty ? Int(parts[1]) : 0
        guard let m, (0..<60).contains(m),
            parts.count < 3 || Int(parts[2]).map({ (0..<60).contains($0) }) == true
        else { throw invalid(original ?? text) }
        return h * 60 + m
    }

    static func invalid(_ text: String) -> GSLError {
        GSLError.data(
            "无法识别的时间「\(text)」；应为 2023-05-06 14:00",
            en: "cannot read the time '\(text)'; expected 2023-05-06 14:00"
        ).because(.eventInvalidTime)
    }
}
