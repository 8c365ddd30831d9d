import GRDB
import GSLCore
import GSLEvents
import GSLEventsStore
import GSLStore
import Testing

/// The events service on an in-memory store: registration with the waiting list, check-in,
/// outcomes, statistics and reach, and bad input that writes nothing.
@Suite struct EventServiceTests {
    static let context = MutationContext(actor: "测试", command: "events test", at: "2023-03-01T02:00:00.000Z")

    /// A store with a federation, a chamber, two member firms and five people.
    static func prepared() throws -> EventService {
        let store = try Store(inMemory: Store.coreMigrations + EventsSchema.migrations)
        try store.write(context) { m in
            func org(_ name: String, _ kind: String) throws -> Int64 {
                try m.insert(
                    into: "organisations", entity: "organisation",
                    values: [
                        ("kind", kind.databaseValue), ("name", name.databaseValue),
                        ("created_at", m.context.at.databaseValue),
                        ("updated_at", m.context.at.databaseValue),
                    ])
            }
            let fed = try org("宁波市工商联", "federation")
            let chamber = try org("宁波市温州商会", "chamber")
            let a = try org("宁波甬联科技有限公司", "enterprise")
            let b = try org("宁波天一模具有限公司", "enterprise")
            _ = fed
            for firm in [a, b] {
                try m.insert(
                    into: "memberships", entity: "membership",
                    values: [
                        ("chamber_id", chamber.databaseValue), ("member_org_id", firm.databaseValue),
                        ("start_date", "2020-01-01".databaseValue),
                        ("created_at", m.context.at.databaseValue),
                        ("updated_at", m.context.at.databaseValue),
                    ])
            }
            for (name, firm) in [("张伟", a), ("张伟", b), ("李娜", a), ("王芳", a), ("刘洋", Int64?.none)] {
                try m.insert(
                    into: "people", entity: "person",
                    values: [
                        ("kind", "entrepreneur".databaseValue), ("name", name.databaseValue),
                        ("organisation_id", firm.databaseValue), ("created_at", m.context.at.databaseValue),
                        ("updated_at", m.context.at.databaseValue),
                    ])
            }
        }
        return EventService(store: store)
    }

    static func auditCount(_ s: EventService) throws -> Int {
        try s.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log")! }
    }

    func t(_ s: String) -> EventTime { try! EventTime.parse(s) }
    func d(_ s: String) -> LocalDate { try! LocalDate.parse(s) }

    func lecture(_ s: EventService, capacity: Int? = 2) throws -> Int64 {
        try s.create(
            .init(
                title: "甬商大讲堂第1期", type: .lecture, series: "甬商大讲堂", organiser: "宁波市工商联", venue: "报告厅",
                capacity: capacity,
                sessions: [.init(start: t("2023-03-07 14:00"), end: t("2023-03-07 16:30"))]),
            context: Self.context
        ).event.id
    }

    @Test func listsUpcomingInOrderAndThePastLatestFirst() throws {
        let s = try Self.prepared()
        for (title, type, day) in [
            ("座谈会一", EventType.forum, "2023-03-01"), ("讲堂", .lecture, "2023-05-01"),
            ("座谈会二", .forum, "2023-07-01"),
        ] {
            _ = try s.create(
                .init(
                    title: title, type: type, series: nil, organiser: "宁波市工商联", venue: nil, capacity: nil,
                    sessions: [.init(start: t("\(day) 09:00"), end: t("\(day) 11:00"))]),
                context: Self.context)
        }
        let upcoming = try s.list(.init(from: d("2023-04-01")), limit: 10)
        #expect(upcoming.map(\.title) == ["讲堂", "座谈会二"])
        let past = try s.list(.init(to: d("2023-06-30"), newestFirst: true), limit: 10)
        #expect(past.map(\.title) == ["讲堂", "座谈会一"])
        #expect(try s.list(.init(type: .forum, newestFirst: true), limit: 1).map(\.title) == ["座谈会二"])
    }

    @Test func fullEventWaitlistsAndACancellationPromotesTheNextInOrder() throws {
        let s = try Self.prepared()
        let id = try lecture(s)
        #expect(
            try s.register(eventID: id, person: "1", on: d("2023-03-01"), note: nil, context: Self.context).to
                == .registered)
        #expect(
            try s.register(eventID: id, person: "李娜", on: d("2023-03-01"), note: nil, context: Self.context)
                .to == .registered)
        #expect(
            try s.register(eventID: id, person: "王芳", on: d("2023-03-02"), note: nil, context: Self.context)
                .to == .waitlisted)
        #expect(
            try s.register(eventID: id, person: "刘洋", on: d("2023-03-02"), note: nil, context: Self.context)
                .to == .waitlisted)
        let changes = try s.cancelRegistration(
            eventID: id, person: "李娜", on: d("2023-03-03"), context: Self.context)
        #expect(changes.map(\.name) == ["李娜", "王芳"] && changes.map(\.to) == [.cancelled, .registered])
        #expect(changes[1].reason == "promoted")
        let list = try s.registrationList(eventID: id, status: nil)
        #expect(list.registrations.map(\.status) == [.registered, .cancelled, .registered, .waitlisted])
        #expect(list.log.last?.reason == "promoted" && list.log.count == 6)
        // Registering again after cancelling goes to the end of the queue.
        #expect(
            try s.register(eventID: id, person: "李娜", on: d("2023-03-04"), note: nil, context: Self.context)
                .to == .waitlisted)
        #expect(
            try s.registrationList(eventID: id, status: .waitlisted).registrations.map(\.name) == [
                "刘洋", "李娜",
            ])
        // A larger capacity moves the waiting list up.
        let (_, promoted) = try s.edit(id, .init(capacity: 3), expectedVersion: nil, context: Self.context)
        #expect(promoted.map(\.name) == ["刘洋"])
    }

    @Test func moderatedRegistrationIsApprovedIntoASeatOrTheWaitingList() throws {
        let s = try Self.prepared()
        let id = try s.create(
            .init(
                title: "亲清思享会", type: .salon, capacity: 1, moderated: true,
                sessions: [.init(start: t("2023-04-01 14:00"), end: t("2023-04-01 16:00"))]),
            context: Self.context
        ).event.id
        #expect(
            try s.register(eventID: id, person: "李娜", on: d("2023-03-01"), note: nil, context: Self.context)
                .to == .pending)
        #expect(
            try s.register(eventID: id, person: "王芳", on: d("2023-03-01"), note: nil, context: Self.context)
                .to == .pending)
        #expect(
            try s.approve(eventID: id, person: "李娜", on: d("2023-03-02"), context: Self.context).to
                == .approved)
        #expect(
            try s.approve(eventID: id, person: "王芳", on: d("2023-03-02"), context: Self.context).to
                == .waitlisted)
        #expect {
            try s.approve(eventID: id, person: "李娜", on: d("2023-03-02"), context: Self.context)
        } throws: {
            ($0 as? GSLError)?.cause == .eventRegistrationNotAllowed
        }
    }

    @Test func checkInCountsOncePerSessionAndMarksNoShows() throws {
        let s = try Self.prepared()
        let id = try s.create(
            .init(
                title: "新生代企业家培训", type: .training, capacity: 10,
                sessions: [
                    .init(start: t("2023-05-06 09:00"), end: t("2023-05-06 12:00")),
                    .init(start: t("2023-05-07 09:00"), end: t("2023-05-07 12:00")),
                ]), context: Self.context
        ).event.id
        _ = try s.register(eventID: id, person: "李娜", on: d("2023-05-01"), note: nil, context: Self.context)
        _ = try s.register(eventID: id, person: "王芳", on: d("2023-05-01"), note: nil, context: Self.context)
        // Two sessions: the day picks one.
        let first = try s.checkIn(
            eventID: id, sessionID: nil, people: ["李娜", "刘洋"], day: d("2023-05-06"), context: Self.context)
        #expect(
            first.checkedIn.map(\.name) == ["李娜", "刘洋"] && first.checkedIn.map(\.walkIn) == [false, true])
        let again = try s.checkIn(
            eventID: id, sessionID: first.sessionID, people: ["李娜"], day: d("2023-05-06"),
            context: Self.context)
        #expect(again.checkedIn.isEmpty && again.repeated.map(\.name) == ["李娜"])
        _ = try s.checkIn(
            eventID: id, sessionID: nil, people: ["李娜"], day: d("2023-05-07"), context: Self.context)
        #expect {
            try s.checkIn(
                eventID: id, sessionID: nil, people: ["李娜"], day: d("2023-05-09"), context: Self.context)
        } throws: {
            ($0 as? GSLError)?.cause == .eventSessionNotFound
        }
        let view = try s.show(id)
        #expect(view.personTimes == 3 && view.uniquePeople == 2)
        let noShows = try s.markNoShows(eventID: id, on: d("2023-05-08"), context: Self.context)
        #expect(noShows.map(\.name) == ["王芳"])
        let stats = try s.stats(period: try Period.parse("2023H1"), by: .type)
        #expect(stats.first { $0.key == "training" }?.personTimes == 3)
        #expect(stats.last?.key == "total" && stats.last?.uniquePeople == 2 && stats.last?.sessions == 2)
    }

    @Test func outcomesFeedStatsAndMemberFirmsThatAttendedNothingAreOneQuery() throws {
        let s = try Self.prepared()
        let id = try s.create(
            .init(
                title: "甬商展", type: .exhibition, organiser: "宁波市温州商会",
                sessions: [.init(start: t("2023-06-01 09:00"), end: t("2023-06-03 17:00"))]),
            context: Self.context
        ).event.id
        let o = try s.addOutcome(
            .init(
                eventID: id, kind: .agreement, amount: try Money.parse("3.6亿"), date: d("2023-06-02"),
                evidence: "签约仪式", parties: ["宁波甬联科技有限公司", "宁波天一模具有限公司"]), context: Self.context)
        #expect(
            o.parties.map(\.name).sorted() == ["宁波天一模具有限公司", "宁波甬联科技有限公司"] && o.amount?.fen == 36_000_000_000)
        _ = try s.addOutcome(
            .init(
                eventID: id, kind: .intent, amount: try Money.parse("5000万"), date: d("2023-07-02"),
                parties: ["1"]),
            context: Self.context)
        let h1 = try s.stats(period: try Period.parse("2023H1"), by: .organiser)
        #expect(h1.last?.outcomes == 1 && h1.last?.amount.fen == 36_000_000_000)
        #expect(h1.first { $0.name == "宁波市温州商会" }?.events == 1)
        #expect(try s.outcomeList(eventID: nil, period: try Period.parse("2023")).count == 2)
        _ = try s.checkIn(
            eventID: id, sessionID: nil, people: ["李娜"], day: d("2023-06-01"), context: Self.context)
        let reach = try s.reach(period: try Period.parse("2023"), chamber: "宁波市温州商会")
        #expect(reach.members == 2 && reach.reached == 1 && reach.unreached.map(\.name) == ["宁波天一模具有限公司"])
        #expect(try s.reach(period: try Period.parse("2022"), chamber: nil).reached == 0)
    }

    @Test func badInputIsRefusedWithOneCauseAndWritesNothing() throws {
        let s = try Self.prepared()
        let id = try lecture(s, capacity: 2)
        _ = try s.register(eventID: id, person: "李娜", on: d("2023-03-01"), note: nil, context: Self.context)
        _ = try s.register(eventID: id, person: "王芳", on: d("2023-03-01"), note: nil, context: Self.context)
        let before = try Self.auditCount(s)
        func refused(_ cause: GSLError.Cause, _ work: () throws -> Void) {
            #expect { try work() } throws: { ($0 as? GSLError)?.cause == cause }
        }
        refused(.eventEndBeforeStart) {
            _ = try s.create(
                .init(
                    title: "x", type: .forum,
                    sessions: [.init(start: t("2023-03-07 16:00"), end: t("2023-03-07 14:00"))]),
                context: Self.context)
        }
        refused(.eventCapacityBelowRegistrations) {
            _ = try s.edit(id, .init(capacity: 1), expectedVersion: nil, context: Self.context)
        }
        refused(.storeReferenceNotFound) {
            _ = try s.register(
                eventID: id, person: "查无此人", on: d("2023-03-01"), note: nil, context: Self.context)
        }
        refused(.eventRecurrenceInvalid) {
            _ = try s.create(
                .init(
                    title: "思享会", type: .salon,
                    sessions: [.init(start: t("2023-03-06 14:00"), end: t("2023-03-06 16:00"))],
                    recurrence: try Recurrence(frequency: .weekly, count: 3, weekdays: [2])),
                context: Self.context)
        }
        refused(.eventOrganiserKind) {
            _ = try s.create(
                .init(
                    title: "x", type: .forum, organiser: "宁波甬联科技有限公司",
                    sessions: [.init(start: t("2023-03-07 14:00"), end: t("2023-03-07 16:00"))]),
                context: Self.context)
        }
        #expect(try Self.auditCount(s) == before)
        _ = try s.cancel(id, expectedVersion: nil, context: Self.context)
        let afterCancel = try Self.auditCount(s)
        refused(.eventCancelled) {
            _ = try s.register(
                eventID: id, person: "刘洋", on: d("2023-03-01"), note: nil, context: Self.context)
        }
        refused(.eventCancelled) {
            _ = try s.checkIn(
                eventID: id, sessionID: nil, people: ["李娜"], day: d("2023-03-07"), context: Self.context)
        }
        #expect(try Self.auditCount(s) == afterCancel)
    }

    @Test func aRepeatingEventHasOneSessionPerOccurrenceAndOneCalendarEntry() throws {
        let s = try Self.prepared()
        let rule = try Recurrence(
            frequency: .weekly, interval: 2, count: 6, weekdays: [4], excluded: [d("2023-03-30")])
        let view = try s.create(
            .init(
                title: "亲清思享会", type: .salon, series: "亲清思享会", venue: "报告厅",
                sessions: [.init(start: t("2023-03-02 14:00"), end: t("2023-03-02 16:00"))], recurrence: rule),
            context: Self.context)
        #expect(view.sessions.count == 5 && view.sessions.last?.end.iso == "2023-05-11T16:00")
        let ics = try s.calendar(from: nil, to: nil, series: "亲清思享会", zone: .shanghai)
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count == 2)
        #expect(ics.contains("RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=6;BYDAY=TH\r\n"))
        #expect(ics.contains("EXDATE;TZID=Asia/Shanghai:20230330T140000\r\n"))
        #expect(ics.contains("UID:gsl-event-\(view.event.id)@gsl\r\n"))
        #expect { try s.calendar(from: nil, to: nil, series: "无此系列", zone: .utc) } throws: {
            ($0 as? GSLError)?.cause == .eventSeriesNotFound
        }
    }
}
