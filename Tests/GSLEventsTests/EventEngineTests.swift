import GSLCore
import GSLEvents
import Testing

/// Times, registration rules, sign-in matching and conflicts, by hand.
@Suite struct EventEngineTests {
    @Test(arguments: [
        ("2023-05-06 14:00", "2023-05-06T14:00"), ("2023-05-06T09:30:00", "2023-05-06T09:30"),
        ("2023/5/6 8:05", "2023-05-06T08:05"), ("2023年5月6日 14:00", "2023-05-06T14:00"),
        ("2023年5月6日14时30分", "2023-05-06T14:30"), ("２０２３-05-06 14：00", "2023-05-06T14:00"),
        ("2023-05-06", "2023-05-06T00:00"),
    ])
    func timesPeopleType(_ text: String, _ iso: String) throws {
        #expect(try EventTime.parse(text).iso == iso)
    }

    @Test(arguments: ["2023-05-06 25:00", "2023-05-06 14:61", "2023-13-06 14:00", "tomorrow"])
    func badTimes(_ text: String) {
        #expect { try EventTime.parse(text) } throws: { ($0 as? GSLError)?.cause == .eventInvalidTime }
    }

    @Test func icsForms() throws {
        let t = try EventTime.parse("2023-05-06 07:30")
        #expect(t.icsLocal == "20230506T073000")
        #expect(t.icsUTC == "20230505T233000Z")  // Beijing is UTC+8
    }

    @Test func admissionWaitingAndModeration() throws {
        #expect(RegistrationRules.admit(capacity: 2, seated: 1, waiting: 0, moderated: false) == .registered)
        #expect(RegistrationRules.admit(capacity: 2, seated: 2, waiting: 0, moderated: false) == .waitlisted)
        // A seat freed while people wait goes to them, not to a newcomer.
        #expect(RegistrationRules.admit(capacity: 2, seated: 1, waiting: 1, moderated: false) == .waitlisted)
        #expect(
            RegistrationRules.admit(capacity: nil, seated: 900, waiting: 0, moderated: false) == .registered)
        #expect(RegistrationRules.admit(capacity: 2, seated: 0, waiting: 0, moderated: true) == .pending)
        #expect(try RegistrationRules.approve(.pending, capacity: 2, seated: 1) == .approved)
        #expect(try RegistrationRules.approve(.pending, capacity: 2, seated: 2) == .waitlisted)
        #expect { try RegistrationRules.approve(.registered, capacity: 2, seated: 0) } throws: {
            ($0 as? GSLError)?.cause == .eventRegistrationNotAllowed
        }
        #expect(try RegistrationRules.cancel(.waitlisted) == .cancelled)
        #expect(throws: GSLError.self) { try RegistrationRules.cancel(.attended) }
        #expect(RegistrationRules.promotions(capacity: 3, seated: 1, waiting: 5) == 2)
        #expect(RegistrationRules.promotions(capacity: 3, seated: 3, waiting: 5) == 0)
        #expect(RegistrationRules.promotions(capacity: nil, seated: 3, waiting: 5) == 5)
    }

    @Test func signInNamesMatchWithinTheEnterpriseAndNeverGuess() {
        let matcher = SignInMatcher(candidates: [
            .init(personID: 1, name: "张伟", organisation: "宁波甬联科技有限公司"),
            .init(personID: 2, name: "张伟", organisation: "宁波天一模具有限公司"),
            .init(personID: 3, name: "李娜", organisation: "宁波甬联科技有限公司"),
        ])
        #expect(matcher.match(.init(line: 2, name: "张 伟", organisation: "宁波甬联科技有限公司")) == .person(1))
        #expect(matcher.match(.init(line: 3, name: "张伟", organisation: nil)) == .ambiguous([1, 2]))
        #expect(matcher.match(.init(line: 4, name: "张伟", organisation: "别的公司")) == .unknown)
        #expect(matcher.match(.init(line: 5, name: "李娜", organisation: nil)) == .person(3))
        let lines: [SignInMatcher.Line] = [
            .init(line: 2, name: "李娜", organisation: nil),
            .init(line: 3, name: "李娜", organisation: "宁波甬联科技有限公司"),
        ]
        // Two lines that are one person are a duplicate, even written differently.
        let dup = SignInMatcher.duplicate(in: lines, matches: lines.map(matcher.match))
        #expect(dup?.line.line == 3 && dup?.earlier == 2)
    }

    @Test func conflictsOfVenuesAndPeople() throws {
        func t(_ s: String) -> EventTime { try! EventTime.parse(s) }
        let slots: [ConflictFinder.Slot] = [
            .init(
                sessionID: 1, eventID: 1, venue: "报告厅", start: t("2023-03-16 14:00"),
                end: t("2023-03-16 16:00"), people: [7]),
            .init(
                sessionID: 2, eventID: 2, venue: "报 告厅", start: t("2023-03-16 15:00"),
                end: t("2023-03-16 17:00"), people: [8]),
            // Back to back is no conflict.
            .init(
                sessionID: 3, eventID: 3, venue: "报告厅", start: t("2023-03-16 17:00"),
                end: t("2023-03-16 18:00"), people: [7]),
            .init(
                sessionID: 4, eventID: 4, venue: "二楼", start: t("2023-03-16 17:30"),
                end: t("2023-03-16 19:00"), people: [7, 8]),
        ]
        let found = ConflictFinder.find(slots)
        #expect(found.count == 2)
        #expect(
            found[0].resource == .venue("报告厅") && found[0].first.sessionID == 1
                && found[0].second.sessionID == 2)
        #expect(
            found[1].resource == .person(7) && found[1].first.sessionID == 3 && found[1].second.sessionID == 4
        )
    }

    @Test func typesInChineseAndEnglish() throws {
        #expect(try EventType.parse("培训班") == .training)
        #expect(try EventType.parse("恳谈会") == .dialogue)
        #expect(try EventType.parse("On-site meeting") == .onsite)
        #expect(try EventType.parse("study tour") == .tour)
        #expect { try EventType.parse("宴会") } throws: { ($0 as? GSLError)?.cause == .eventUnknownValue }
    }
}
