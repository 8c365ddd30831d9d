import GSLCore

/// Excel's date serials (days since 1899-12-31 with the 1900 leap-year bug kept, or since
/// 1904-01-01 in the 1904 system; the fraction is the time of day) and which number formats show them.
enum ExcelDate {
    /// ISO-8601 text for `serial` shown with `format`: `2023-05-06`, `2023-05-06 10:11:12`, or
    /// `10:11:12` for a time-only format. Nil for serials that name no day (negative, or the
    /// 1900-02-29 that Excel counts and the calendar does not).
    static func text(serial: Double, date1904: Bool, format: Format) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 {
            days += 1
            seconds = 0
        }
        let time = pad(seconds / 3600) + ":" + pad(seconds / 60 % 60) + ":" + pad(seconds % 60)
        if format == .time { return time }
        let epochDays: Int
        if date1904 {
            epochDays = days - 24_107
        } else if days == 60 || days == 0 {
            return days == 0 && format == .dateTime ? time : nil
        } else {
            epochDays = days < 60 ? days - 25_568 : days - 25_569
        }
        let date = LocalDate(dayNumber: epochDays).iso
        return format == .dateTime || seconds != 0 ? date + " " + time : date
    }

    /// What a number format shows of a serial.
    enum Format: Equatable {
        /// Not a date: the number as stored.
        case number
        /// A calendar date (time shown when the serial has one).
        case date
        /// Date and time.
        case dateTime
        /// A time of day only.
        case time
    }

    /// The kind of the built-in format `id` (ECMA-376 18.8.30, with the CJK date formats 27–36, 50–58).
    static func builtIn(_ id: Int) -> Format {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: .date
        case 22: .dateTime
        case 18...21, 32, 33, 45...47: .time
        default: .number
        }
    }

    /// The kind of a custom format code such as `yyyy"年"m"月"d"日"` or `yyyy/m/d h:mm`.
    static func custom(_ code: String) -> Format {
        // Only the first section counts; quoted text, escapes and [colour]/[$-locale] are not codes.
        var letters: [Character] = []
        var inQuote = false
        var inBracket = false
        var escaped = false
        for ch in code {
            if escaped {
                escaped = false
                continue
            }
            if inQuote {
                if ch == "\"" { inQuote = false }
                continue
            }
            if inBracket {
                if ch == "]" { inBracket = false }
                // [h], [mm], [ss]: elapsed time.
                if "hms".contains(ch.lowercased()) { letters.append(Character(ch.lowercased())) }
                continue
            }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true
            case ";": break
            default: letters.append(Character(ch.lowercased()))
            }
            if ch == ";" { break }
        }
        let hasDate =
            letters.contains { "yde".contains($0) }
            || letters.contains("m") && !letters.contains("h")
                && !letters.contains("s")
        let hasTime = letters.contains { "hs".contains($0) }
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return letters.contains("0") || letters.contains("#") ? .number : .date
        case (false, true): return .time
        case (false, false): return .number
        }
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
}
