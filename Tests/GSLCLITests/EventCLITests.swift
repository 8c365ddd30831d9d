import Foundation
import GSLTestSupport
import Testing

/// `gsl event …` end to end: registration and the waiting list, check-in from a sign-in sheet
/// (GBK, BOM, spaces in names), outcomes, stats, the calendar read back by a standard iCalendar
/// parser, requests raised at a dialogue, and bad input that exits with its code and writes nothing.
@Suite struct EventCLITests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["org", "add", "--name", "宁波市工商联", "--kind", "federation"])
        try cli.ok(["org", "add", "--name", "宁波市温州商会", "--kind", "chamber"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M"])
        try cli.ok(["org", "add", "--name", "宁波天一模具有限公司", "--uscc", "91330200704800698F"])
        try cli.ok(["member", "add", "--chamber", "宁波市温州商会", "--org", "宁波甬联科技有限公司", "--since", "2020-01-01"])
        try cli.ok(["member", "add", "--chamber", "宁波市温州商会", "--org", "宁波天一模具有限公司", "--since", "2020-01-01"])
        for (name, org) in [
            ("张伟", "宁波甬联科技有限公司"), ("张伟", "宁波天一模具有限公司"), ("李娜", "宁波甬联科技有限公司"), ("王芳", "宁波甬联科技有限公司"),
        ] {
            try cli.ok(["person", "add", "--name", name, "--org", org])
        }
        try cli.ok(["person", "add", "--name", "刘洋"])
        return cli
    }

    func dump(_ cli: CLIRunner) throws -> String { try SQLiteShell.run(cli.database, [".dump"]) }

    @Test func registrationWaitingListAndCheckInFromAGBKSheet() throws {
        let cli = try prepared()
        let created =
            try json(
                try cli.ok([
                    "event", "create", "--title", "甬商大讲堂第1期", "--type", "讲堂", "--series", "甬商大讲堂",
                    "--organiser", "宁波市工商联",
                    "--start", "2023-03-07 14:00", "--end", "2023-03-07 16:30", "--venue", "市工商联报告厅",
                    "--capacity", "2",
                    "--format", "json",
                ]).stdout) as! [String: Any]
        #expect(created["id"] as? Int == 1 && created["type"] as? String == "lecture")
        for p in ["1", "李娜", "王芳"] {
            try cli.ok(["event", "register", "1", "--person", p, "--date", "2023-03-01"])
        }
        let cancel =
            try json(
                try cli.ok([
                    "event", "cancel", "1", "--person", "1", "--date", "2023-03-02", "--format", "json",
                ]).stdout)
            as! [[String: Any]]
        #expect(cancel.map { $0["to"] as? String } == ["cancelled", "registered"])
        #expect(cancel.last?["name"] as? String == "王芳" && cancel.last?["reason"] as? String == "promoted")
        // A sheet from Excel: GB18030, spaces inside a name, a walk-in, an unknown and an ambiguous name.
        let sheet = "姓名,单位\r\n李 娜,宁波甬联科技有限公司\r\n刘洋,\r\n张伟,\r\n赵六,某公司\r\n"
        let path = try cli.write("签到表.csv", bytes: Array(sheet.data(using: .init(rawValue: 0x8000_0632))!))
        let report =
            try json(try cli.ok(["event", "checkin", "1", "--sheet", path, "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(
            report.map { $0["result"] as? String } == ["checked_in", "checked_in", "unknown", "ambiguous"])
        #expect(report.last?["note"] as? String == "#1,#2")
        let again =
            try json(try cli.ok(["event", "checkin", "1", "--person", "李娜", "--format", "json"]).stdout)
            as! [[String: Any]]
        #expect(again.first?["result"] as? String == "repeated")
        let shown = try json(try cli.ok(["event", "show", "1", "--format", "json"]).stdout) as! [String: Any]
        #expect(shown["person_times"] as? Int == 2 && shown["unique_people"] as? Int == 2)
        let stats =
            try json(
                try cli.ok(["event", "stats", "--period", "2023H1", "--by", "type", "--format", "json"])
                    .stdout)
            as! [[String: Any]]
        #expect(stats.first?["group"] as? String == "lecture" && stats.first?["person_times"] as? Int == 2)
        // Duplicate lines refuse the whole sheet: nothing is written.
        let dup = try cli.write("dup.csv", "\u{FEFF}姓名,单位\n王芳,宁波甬联科技有限公司\n王芳,宁波甬联科技有限公司\n")
        let before = try dump(cli)
        let r = try cli.fail(["event", "checkin", "1", "--sheet", dup])
        #expect(r.status == 65 && r.cause == "import.duplicate-row" && r.line == 3, "\(r)")
        #expect(try dump(cli) == before)
        // Every events table is rebuilt from the audit log alone.
        let replay = cli.directory.appendingPathComponent("replay.sqlite").path
        try cli.ok(["audit", "replay", "--into", replay])
    }

    @Test func badInputExitsWithItsCodeAndWritesNothing() throws {
        let cli = try prepared()
        try cli.ok([
            "event", "create", "--title", "座谈会", "--type", "座谈会", "--start", "2023-04-01 09:00", "--end",
            "2023-04-01 11:00",
            "--capacity", "1",
        ])
        try cli.ok(["event", "register", "1", "--person", "李娜"])
        let before = try dump(cli)
        let cases: [([String], Int32, String)] = [
            (
                [
                    "event", "create", "--title", "x", "--type", "培训", "--start", "2023-04-01 11:00", "--end",
                    "2023-04-01 09:00",
                ], 65, "events.end-before-start"
            ),
            (["event", "edit", "1", "--capacity", "0"], 65, "events.capacity-below-registrations"),
            (["event", "register", "1", "--person", "查无此人"], 66, "store.reference-not-found"),
            (["event", "register", "1", "--person", "张伟"], 65, ""),
            (
                [
                    "event", "create", "--title", "x", "--type", "培训", "--start", "2023-04-03 09:00", "--end",
                    "2023-04-03 10:00", "--rule", "FREQ=HOURLY;COUNT=3",
                ], 65, "events.recurrence-invalid"
            ),
            (
                [
                    "event", "create", "--title", "x", "--type", "培训", "--start", "2023-04-03 09:00", "--end",
                    "2023-04-03 10:00", "--repeat", "weekly", "--count", "3", "--weekdays", "二",
                ], 65, "events.recurrence-invalid"
            ),
            (
                [
                    "event", "create", "--title", "x", "--type", "宴会", "--start", "2023-04-03 09:00", "--end",
                    "2023-04-03 10:00",
                ], 64, "events.unknown-value"
            ),
            (
                [
                    "event", "create", "--title", "x", "--type", "培训", "--start", "2023-04-03 25:00", "--end",
                    "2023-04-03 10:00",
                ], 64, "events.invalid-time"
            ),
            (["event", "show", "9"], 66, "events.event-not-found"),
            (
                ["event", "outcome", "add", "--event", "1", "--kind", "签约", "--amount", "1亿"], 65,
                "events.outcome-invalid"
            ),
        ]
        for (args, status, cause) in cases {
            let r = try cli.fail(args)
            #expect(r.status == status, "\(args): \(r)")
            if !cause.isEmpty { #expect(r.cause == cause, "\(args): \(r)") }
        }
        #expect(try dump(cli) == before)
        try cli.ok(["event", "cancel", "1"])
        let afterCancel = try dump(cli)
        let r = try cli.fail(["event", "register", "1", "--person", "王芳"])
        #expect(r.status == 75 && r.cause == "events.cancelled", "\(r)")
        #expect(try dump(cli) == afterCancel)
    }

    @Test func dialogueRaisesRequestsAndExhibitionOutcomesNameOrganisations() throws {
        let cli = try prepared()
        try cli.ok([
            "event", "create", "--title", "民营经济恳谈会", "--type", "恳谈会", "--organiser", "宁波市温州商会",
            "--start", "2023-03-16 15:00", "--end", "2023-03-16 17:00", "--venue", "报告厅",
        ])
        try cli.ok([
            "case", "open", "--org", "宁波甬联科技有限公司", "--category", "融资信贷", "--source", "event", "--event", "1",
            "--title", "续贷困难", "--date", "2023-03-16",
        ])
        let missing = try cli.fail([
            "case", "open", "--org", "宁波甬联科技有限公司", "--category", "融资信贷", "--source", "event", "--event", "7",
            "--title", "x",
        ])
        #expect(missing.status == 66, "\(missing)")
        try cli.ok([
            "event", "outcome", "add", "--event", "1", "--kind", "签约", "--party", "宁波甬联科技有限公司", "--party",
            "91330200704800698F", "--amount", "3.6亿", "--date", "2023-03-16", "--evidence", "签约仪式",
        ])
        let shown = try json(try cli.ok(["event", "show", "1", "--format", "json"]).stdout) as! [String: Any]
        let requests = shown["requests"] as! [[String: Any]]
        #expect(requests.count == 1 && requests[0]["state"] as? String == "received")
        let outcomes = shown["outcomes"] as! [[String: Any]]
        #expect(outcomes.first?["amount_fen"] as? Int == 36_000_000_000)
        #expect((outcomes.first?["parties"] as? [[String: Any]])?.count == 2)
        let list = try cli.ok(["event", "outcome", "list", "--period", "2023", "--format", "csv"]).stdout
        #expect(list.contains("360000000.00"))
        let reach = try cli.ok([
            "event", "reach", "--period", "2023", "--chamber", "宁波市温州商会", "--format", "csv",
        ])
        #expect(reach.stdout.contains("宁波天一模具有限公司") && reach.stdout.contains("宁波甬联科技有限公司"))
    }

    @Test func conflictsOfAVenueAndAPerson() throws {
        let cli = try prepared()
        try cli.ok([
            "event", "create", "--title", "讲堂", "--type", "讲堂", "--start", "2023-03-16 14:00", "--end",
            "2023-03-16 16:00",
            "--venue", "报告厅", "--speaker", "李娜",
        ])
        try cli.ok([
            "event", "create", "--title", "恳谈会", "--type", "恳谈会", "--start", "2023-03-16 15:00", "--end",
            "2023-03-16 17:00",
            "--venue", "报告厅", "--leader", "李娜",
        ])
        let rows =
            try json(try cli.ok(["event", "conflicts", "--format", "json"]).stdout) as! [[String: Any]]
        #expect(rows.map { $0["resource"] as? String } == ["venue", "person"])
    }

    /// A Python interpreter with the `icalendar` package: the system's, else a venv under
    /// .build-test (pip install, when the network allows); nil otherwise.
    static func icalendarPython() -> String? {
        func works(_ python: String) -> Bool {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: python)
            p.arguments = ["-c", "import icalendar"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            guard (try? p.run()) != nil else { return false }
            p.waitUntilExit()
            return p.terminationStatus == 0
        }
        if works("/usr/bin/python3") { return "/usr/bin/python3" }
        let venv = Fixtures.repositoryRoot.appendingPathComponent(".build-test/icalvenv").path
        if works(venv + "/bin/python") { return venv + "/bin/python" }
        let setup = Process()
        setup.executableURL = URL(fileURLWithPath: "/bin/sh")
        setup.arguments = [
            "-c", "python3 -m venv '\(venv)' && timeout 90 '\(venv)/bin/pip' install -q icalendar",
        ]
        setup.standardOutput = FileHandle.nullDevice
        setup.standardError = FileHandle.nullDevice
        guard (try? setup.run()) != nil else { return nil }
        setup.waitUntilExit()
        return works(venv + "/bin/python") ? venv + "/bin/python" : nil
    }

    @Test func calendarReadsBackInAStandardParser() throws {
        let cli = try prepared()
        try cli.ok([
            "event", "create", "--title", "亲清思享会：数字化转型、融资；政策解读", "--type", "思享会", "--series", "亲清思享会",
            "--start", "2023-03-02 14:00", "--end", "2023-03-02 16:00", "--repeat", "weekly", "--interval",
            "2", "--count", "6",
            "--weekdays", "四", "--except", "2023-03-30", "--venue", "宁波市工商联大楼三楼报告厅，海曙区", "--description",
            String(repeating: "民营企业高质量发展与亲清政商关系建设。", count: 5),
        ])
        try cli.ok([
            "event", "create", "--title", "新生代企业家培训", "--type", "培训", "--session", "2023-05-06 09:00~12:00",
            "--session", "2023-05-07 09:00~16:00",
        ])
        let ics = try cli.ok(["event", "ics"]).stdout
        // The project's own checks: CRLF only, no line over 75 octets.
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count == 4)
        let again = try cli.ok(["event", "ics"]).stdout
        #expect(again == ics)  // stable UIDs and stamps: the same export twice
        guard let python = Self.icalendarPython() else {
            print("skipped: Python icalendar is not available (no system package, pip unreachable)")
            return
        }
        let file = try cli.write("events.ics", ics)
        let script = """
            json, sys, icalendar = (__import__(m) for m in ('json', 'sys', 'icalendar'))
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            out = []
            for ev in cal.walk('VEVENT'):
                rr = ev.get('RRULE')
                ex = ev.get('EXDATE')
                exd = [] if ex is None else [d.dt.isoformat() for e in (ex if isinstance(ex, list) else [ex]) for d in e.dts]
                out.append({'uid': str(ev['UID']), 'summary': str(ev['SUMMARY']), 'location': str(ev.get('LOCATION', '')),
                            'start': ev.decoded('DTSTART').isoformat(), 'end': ev.decoded('DTEND').isoformat(),
                            'rrule': rr.to_ical().decode() if rr else None, 'exdates': exd,
                            'description': str(ev.get('DESCRIPTION', ''))})
            print(json.dumps({'version': str(cal['VERSION']), 'events': out}, ensure_ascii=False))
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script, file]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let parsed = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(parsed["version"] as? String == "2.0")
        let events = parsed["events"] as! [[String: Any]]
        #expect(events.count == 3)
        let salon = events[0]
        #expect(salon["summary"] as? String == "亲清思享会：数字化转型、融资；政策解读")
        #expect(salon["location"] as? String == "宁波市工商联大楼三楼报告厅，海曙区")
        #expect(salon["start"] as? String == "2023-03-02T14:00:00+08:00")
        let rule = Set(((salon["rrule"] as? String) ?? "").split(separator: ";").map(String.init))
        #expect(rule == ["FREQ=WEEKLY", "INTERVAL=2", "COUNT=6", "BYDAY=TH"])
        #expect(salon["exdates"] as? [String] == ["2023-03-30T14:00:00+08:00"])
        #expect(
            (salon["description"] as? String)?.hasSuffix(String(repeating: "民营企业高质量发展与亲清政商关系建设。", count: 5))
                == true)
        #expect(
            events[2]["start"] as? String == "2023-05-07T09:00:00+08:00"
                && events[2]["uid"] as? String == "gsl-event-2-session-7@gsl")  // the salon has sessions 1–5
    }
}
