import GSLCore
import GSLEvents
import Testing

/// The iCalendar text: CRLF, folding by octets without splitting a character, escaping, zones.
@Suite struct ICalendarWriterTests {
    func entry(summary: String, description: String? = nil) throws -> CalendarEntry {
        CalendarEntry(
            uid: "gsl-event-1-session-1@gsl", stamp: "20230301T020000Z",
            start: try EventTime.parse("2023-05-06 14:00"),
            end: try EventTime.parse("2023-05-06 16:30"), summary: summary, location: "宁波市工商联; 三楼, 报告厅",
            description: description)
    }

    @Test func linesAreCRLFAndFoldedAt75OctetsOnCharacterBoundaries() throws {
        let long = String(repeating: "甬商大讲堂：数字经济与民营企业高质量发展", count: 6)
        let text = ICalendarWriter.render([try entry(summary: long, description: "第一行\n第二行")])
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(text.utf8)
        // Every LF follows a CR; no bare CR.
        for (i, b) in bytes.enumerated() where b == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        let lines = text.components(separatedBy: "\r\n").dropLast()
        for line in lines {
            #expect(line.utf8.count <= 75, "\(line.utf8.count): \(line)")
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        // Unfolding restores the value.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:" + long + "\r\n"))
        #expect(unfolded.contains("DESCRIPTION:第一行\\n第二行\r\n"))
        #expect(unfolded.contains("LOCATION:宁波市工商联\\; 三楼\\, 报告厅\r\n"))
        #expect(lines.filter { $0.hasPrefix(" ") }.count >= 4)
    }

    @Test func shanghaiZoneWithVTIMEZONEOrUTC() throws {
        let local = ICalendarWriter.render([try entry(summary: "讲堂")])
        for needle in [
            "VERSION:2.0\r\n", "PRODID:", "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n", "TZOFFSETTO:+0800\r\n",
            "DTSTART;TZID=Asia/Shanghai:20230506T140000\r\n", "DTEND;TZID=Asia/Shanghai:20230506T163000\r\n",
            "DTSTAMP:20230301T020000Z\r\n", "UID:gsl-event-1-session-1@gsl\r\n",
        ] {
            #expect(local.contains(needle), "\(needle)")
        }
        let utc = ICalendarWriter.render([try entry(summary: "讲堂")], zone: .utc)
        #expect(!utc.contains("VTIMEZONE") && utc.contains("DTSTART:20230506T060000Z\r\n"))
    }

    @Test func escapingBackslashesAndControls() {
        #expect(ICalendarWriter.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendarWriter.escape("x\r\ny\u{7}z") == "x\\ny z")
    }

    @Test func aFoldBoundaryInsideAThreeByteCharacterMovesItWhole() {
        var out = ""
        ICalendarWriter.fold("SUMMARY:" + String(repeating: "a", count: 66) + "讲讲", into: &out)
        let lines = out.components(separatedBy: "\r\n").dropLast()
        // 8 + 66 = 74 octets; the 3-octet character does not fit and moves to the next line.
        #expect(lines.map { $0.utf8.count } == [74, 7])
    }
}
