import GSLCore

/// A repeating event's rule (a subset of RFC 5545 RRULE): every `interval` days, weeks or months
/// from the first date, on the given weekdays for weekly rules, `count` times or until a date, less
/// the excluded dates. As in RFC 5545, excluded dates still count towards `count`.
public struct Recurrence: Sendable, Hashable, Codable {
    /// How often the rule repeats.
    public enum Frequency: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every `interval` days.
        case daily
        /// Every `interval` weeks (weeks start on Monday), on `weekdays`.
        case weekly
        /// Every `interval` months, on the first date's day of the month (months without it are skipped).
        case monthly
    }

    /// How often.
    public var frequency: Frequency
    /// Every how many days, weeks or months (≥ 1).
    public var interval: Int
    /// How many occurrences, excluded dates included.
    public var count: Int?
    /// The last day an occurrence may fall on.
    public var until: LocalDate?
    /// ISO weekdays 1 (Monday) … 7 (Sunday) for weekly rules; empty means the first date's weekday.
    public var weekdays: [Int]
    /// Dates the rule yields that do not take place.
    public var excluded: [LocalDate]

    /// The most occurrences a rule may yield.
    public static let maximumOccurrences = 1_000

    static let dayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// A checked rule; throws `events.recurrence-invalid` naming what is wrong.
    public init(
        frequency: Frequency, interval: Int = 1, count: Int? = nil, until: LocalDate? = nil,
        weekdays: [Int] = [], excluded: [LocalDate] = []
    ) throws(GSLError) {
        guard interval >= 1 && interval <= 366 else {
            throw Self.invalid("间隔应为 1–366：\(interval)", en: "the interval must be 1–366, found \(interval)")
        }
        guard (count == nil) != (until == nil) else {
            throw Self.invalid(
                "须给出次数或截止日期之一", en: "give either a count or an until date, not both or neither")
        }
        if let count, !(1...Self.maximumOccurrences).contains(count) {
            throw Self.invalid(
                "次数应为 1–\(Self.maximumOccurrences)：\(count)",
                en: "the count must be 1–\(Self.maximumOccurrences), found \(count)")
        }
        guard weekdays.allSatisfy({ (1...7).contains($0) }) else {
            throw Self.invalid("星期应为 1–7", en: "weekdays must be 1–7")
        }
        guard weekdays.isEmpty || frequency == .weekly else {
            throw Self.invalid("只有按周重复可以指定星期", en: "weekdays apply to weekly rules only")
        }
        self.frequency = frequency
        self.interval = interval
        self.count = count
        self.until = until
        self.weekdays = Array(Set(weekdays)).sorted()
        self.excluded = Array(Set(excluded)).sorted()
    }

    static func invalid(_ zh: String, en: String) -> GSLError {
        GSLError.data("重复规则有误：\(zh)", en: "malformed recurrence: \(en)").because(.eventRecurrenceInvalid)
    }

    /// Every date the rule yields from `first` (excluded dates included), in order. Throws when
    /// `first` itself is not one of them, when the rule yields more than the maximum, or when an
    /// excluded date is not one of them.
    public func ruleDates(from first: LocalDate) throws(GSLError) -> [LocalDate] {
        var out: [LocalDate] = []
        let limit = count ?? Self.maximumOccurrences + 1
        func take(_ d: LocalDate) -> Bool {  // false: stop
            if let until, d > until { return false }
            out.append(d)
            return out.count < limit
        }
        switch frequency {
        case .daily:
            var d = first
            while take(d) { d = d.adding(days: interval) }
        case .weekly:
            let days = weekdays.isEmpty ? [first.weekday] : weekdays
            guard days.contains(first.weekday) else {
                throw Self.invalid(
                    "首日 \(first.iso) 不在所列星期内", en: "the first date \(first.iso) is not on one of the weekdays"
                )
            }
            let monday = first.adding(days: 1 - first.weekday)
            var week = 0
            outer: while true {
                for wd in days {
                    let d = monday.adding(days: week * 7 + wd - 1)
                    if d < first { continue }
                    if !take(d) { break outer }
                }
                week += interval
            }
        case .monthly:
            var step = 0
            var misses = 0
            while true {
                let months = first.year * 12 + (first.month - 1) + step * interval
                if let d = LocalDate(year: months / 12, month: months % 12 + 1, day: first.day) {
                    misses = 0
                    if !take(d) { break }
                } else {
                    misses += 1
                    if misses > 48 { break }
                }
                step += 1
            }
        }
        if count == nil && out.count > Self.maximumOccurrences {
            throw Self.invalid(
                "超过 \(Self.maximumOccurrences) 次", en: "more than \(Self.maximumOccurrences) occurrences")
        }
        let yielded = Set(out)
        if let stray = excluded.first(where: { !yielded.contains($0) }) {
            throw Self.invalid(
                "排除日期 \(stray.iso) 不是规则产生的日期",
                en: "the excluded date \(stray.iso) is not one of the rule's dates")
        }
        return out
    }

    /// The dates that take place: `ruleDates` less the excluded ones; at least one.
    public func occurrences(from first: LocalDate) throws(GSLError) -> [LocalDate] {
        let excludedSet = Set(excluded)
        let dates = try ruleDates(from: first).filter { !excludedSet.contains($0) }
        guard !dates.isEmpty else {
            throw Self.invalid("排除后没有任何日期", en: "no date is left after the exclusions")
        }
        return dates
    }

    /// The RFC 5545 RRULE value (`FREQ=WEEKLY;INTERVAL=2;COUNT=6;BYDAY=TU,TH`); `UNTIL` is the end of
    /// that day in Beijing time, written in UTC as RFC 5545 requires beside a DTSTART with TZID.
    public var rrule: String {
        var parts = ["FREQ=" + frequency.rawValue.uppercased()]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if let count { parts.append("COUNT=\(count)") }
        if let until {
            parts.append("UNTIL=" + until.iso.replacingOccurrences(of: "-", with: "") + "T155959Z")
        }
        if !weekdays.isEmpty {
            parts.append("BYDAY=" + weekdays.map { Self.dayCodes[$0 - 1] }.joined(separator: ","))
        }
        return parts.joined(separator: ";")
    }

    /// Reads the stored or typed rule: `FREQ=WEEKLY;INTERVAL=2;COUNT=6;BYDAY=TU,TH` (UNTIL as
    /// `20231231` or `2023-12-31`), with the excluded dates given apart.
    public static func parse(_ text: String, excluded: [LocalDate] = []) throws(GSLError) -> Recurrence {
        var frequency: Frequency?
        var interval = 1
        var count: Int?
        var until: LocalDate?
        var weekdays: [Int] = []
        var seen: Set<String> = []
        let body = TextNormaliser.halfWidth(text.trimmingCharacters(in: .whitespaces))
        let cleaned = body.uppercased().hasPrefix("RRULE:") ? String(body.dropFirst(6)) : body
        for part in cleaned.split(separator: ";", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[1].isEmpty else {
                throw invalid("无法识别「\(part)」", en: "cannot read '\(part)'")
            }
            let key = kv[0].uppercased()
            let value = kv[1]
            guard seen.insert(key).inserted else { throw invalid("\(key) 重复", en: "\(key) repeated") }
            switch key {
            case "FREQ":
                guard let f = Frequency(rawValue: value.lowercased()) else {
                    throw invalid(
                        "不支持的频率 \(value)（可用 DAILY、WEEKLY、MONTHLY）",
                        en: "unsupported frequency \(value) (DAILY, WEEKLY, MONTHLY)")
                }
                frequency = f
            case "INTERVAL":
                guard let n = Int(value) else {
                    throw invalid("间隔不是整数：\(value)", en: "interval is not a number: \(value)")
                }
                interval = n
            case "COUNT":
                guard let n = Int(value) else {
                    throw invalid("次数不是整数：\(value)", en: "count is not a number: \(value)")
                }
                count = n
            case "UNTIL":
                let digits = value.prefix { $0 != "T" }.replacingOccurrences(of: "-", with: "")
                guard digits.count == 8, let y = Int(digits.prefix(4)),
                    let m = Int(digits.dropFirst(4).prefix(2)),
                    let d = Int(digits.suffix(2)), let date = LocalDate(year: y, month: m, day: d)
                else { throw invalid("截止日期无效：\(value)", en: "invalid until date: \(value)") }
                until = date
            case "BYDAY":
                for code in value.uppercased().split(separator: ",") {
                    guard let i = dayCodes.firstIndex(of: String(code).trimmingCharacters(in: .whitespaces))
                    else {
                        throw invalid("无法识别的星期 \(code)（MO…SU）", en: "unknown weekday \(code) (MO…SU)")
                    }
                    weekdays.append(i + 1)
                }
            default:
                throw invalid(
                    "不支持的部分 \(key)（可用 FREQ、INTERVAL、COUNT、UNTIL、BYDAY）",
                    en: "unsupported part \(key) (FREQ, INTERVAL, COUNT, UNTIL, BYDAY)")
            }
        }
        guard let frequency else { throw invalid("缺少 FREQ", en: "FREQ is missing") }
        return try Recurrence(
            frequency: frequency, interval: interval, count: count, until: until, weekdays: weekdays,
            excluded: excluded)
    }

    /// Reads weekdays typed as `TU,TH`, `2,4` or `二,四` / `周二、周四`.
    public static func parseWeekdays(_ text: String) throws(GSLError) -> [Int] {
        let chinese: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7]
        var out: [Int] = []
        let items = TextNormaliser.halfWidth(text).split { ",、，; ".contains($0) }
        for raw in items {
            let item = raw.replacingOccurrences(of: "周", with: "").replacingOccurrences(of: "星期", with: "")
            if let n = Int(item), (1...7).contains(n) {
                out.append(n)
            } else if let i = dayCodes.firstIndex(of: item.uppercased()) {
                out.append(i + 1)
            } else if item.count == 1, let n = chinese[item.first!] {
                out.append(n)
            } else {
                throw invalid("无法识别的星期「\(raw)」", en: "unknown weekday '\(raw)'")
            }
        }
        return out
    }
}
