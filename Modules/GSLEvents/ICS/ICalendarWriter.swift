import GSLCore

/// Writes an RFC 5545 calendar: CRLF line ends, lines folded at 75 octets without splitting a
/// UTF-8 character, TEXT values escaped, times in Asia/Shanghai (with its VTIMEZONE) or in UTC.
public enum ICalendarWriter {
    /// How times are written.
    public enum Zone: String, Sendable, CaseIterable {
        /// `DTSTART;TZID=Asia/Shanghai:…` with a VTIMEZONE component.
        case shanghai
        /// `DTSTART:…Z`.
        case utc
    }

    /// The product identifier.
    public static let prodID = "-//Ningbo FIC//gsl events//ZH"

    /// The calendar holding `entries`, in order.
    public static func render(_ entries: [CalendarEntry], zone: Zone = .shanghai, name: String? = nil)
        -> String
    {
        var out = ""
        out.reserveCapacity(entries.count * 400 + 512)
        func line(_ text: String) { fold(text, into: &out) }
        line("BEGIN:VCALENDAR")
        line("VERSION:2.0")
        line("PRODID:" + prodID)
        line("CALSCALE:GREGORIAN")
        if let name { line("X-WR-CALNAME:" + escape(name)) }
        if zone == .shanghai {
            line("BEGIN:VTIMEZONE")
            line("TZID:Asia/Shanghai")
            line("BEGIN:STANDARD")
            line("DTSTART:19700101T000000")
            line("TZOFFSETFROM:+0800")
            line("TZOFFSETTO:+0800")
            line("TZNAME:CST")
            line("END:STANDARD")
            line("END:VTIMEZONE")
        }
        for e in entries {
            line("BEGIN:VEVENT")
            line("UID:" + e.uid)
            line("DTSTAMP:" + e.stamp)
            line(time("DTSTART", e.start, zone))
            line(time("DTEND", e.end, zone))
            if let rrule = e.rrule { line("RRULE:" + rrule) }
            if !e.excluded.isEmpty {
                let values = e.excluded.map { zone == .utc ? $0.icsUTC : $0.icsLocal }.joined(separator: ",")
                line((zone == .utc ? "EXDATE:" : "EXDATE;TZID=Asia/Shanghai:") + values)
            }
            line("SUMMARY:" + escape(e.summary))
            if let l = e.location, !l.isEmpty { line("LOCATION:" + escape(l)) }
            if let d = e.description, !d.isEmpty { line("DESCRIPTION:" + escape(d)) }
            if !e.categories.isEmpty { line("CATEGORIES:" + e.categories.map(escape).joined(separator: ",")) }
            line("END:VEVENT")
        }
        line("END:VCALENDAR")
        return out
    }

    static func time(_ name: String, _ t: EventTime, _ zone: Zone) -> String {
        zone == .utc ? name + ":" + t.icsUTC : name + ";TZID=Asia/Shanghai:" + t.icsLocal
    }

    /// A TEXT value with `\`, `;`, `,` and line breaks escaped (RFC 5545 3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var lastWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !lastWasCR { out += "\\n" }
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {  // other controls are not allowed
                    out.unicodeScalars.append(" ")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            lastWasCR = scalar == "\r"
        }
        return out
    }

    /// Appends `line` folded: at most 75 octets per physical line (the leading space of a
    /// continuation counts), never inside a UTF-8 sequence, each ending in CRLF.
    public static func fold(_ line: String, into out: inout String) {
        if line.utf8.count <= 75 {
            out += line
            out += "\r\n"
            return
        }
        var width = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let n = UTF8.width(scalar)
            if width + n > limit {
                out += "\r\n "
                width = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            width += n
        }
        out += "\r\n"
    }
}
