import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLStore
import Testing

/// A note on a request's timeline without a transition, and the SLA view read a page at a time
/// (what the dashboard and the overdue queue of the full-screen app read).
@Suite struct CaseNoteAndSLAPageTests {
    static let context = MutationContext(
        actor: "测试", command: "casework test", at: "2025-03-01T02:00:00.000Z")
    static func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

    /// A store with one enterprise and `count` requests opened on successive days from 2025-03-03,
    /// every third one paused (its clock stopped), every fifth one answered.
    static func service(count: Int) throws -> CaseService {
        let store = try Store(inMemory: Store.coreMigrations + CaseSchema.migrations)
        _ = try OrganisationRepository(store: store).add(
            try OrganisationDraft.parse(
                FieldReader(["name": "宁波甬联科技有限公司", "uscc": "91330200711192037M"]), defaultKind: .enterprise),
            context: context)
        let service = try CaseService(store: store)
        for i in 0..<count {
            let opened = day("2025-03-03").adding(days: i)
            let id = try service.open(
                .init(
                    organisation: "宁波甬联科技有限公司", category: "融资信贷", source: .visit, priority: .normal,
                    title: "续贷困难 \(i)", description: nil, date: opened), context: context
            ).record.id
            guard i % 3 == 0 || i % 5 == 0 else { continue }
            for action in [CaseAction.assign(lead: "市金融办", assisting: []), .start] {
                _ = try service.act(
                    action, caseID: id, on: opened.adding(days: 1), note: nil, expectedVersion: nil,
                    context: context)
            }
            _ = try service.act(
                i % 3 == 0 ? .pause : .answer, caseID: id, on: opened.adding(days: 2), note: nil,
                expectedVersion: nil, context: context)
        }
        return service
    }

    @Test func noteKeepsTheStateAndTheClocks() throws {
        let service = try Self.service(count: 2)
        let before = try service.show(2)
        let sla = try service.slaView(.all, today: Self.day("2025-04-30")).first { $0.0.id == 2 }?.1
        let noted = try service.note(
            caseID: 2, text: "企业来电补充材料", on: Self.day("2025-03-06"), expectedVersion: before.record.version,
            context: Self.context)
        #expect(
            noted.record.state == before.record.state && noted.record.version == before.record.version + 1)
        #expect(noted.events.count == before.events.count + 1 && noted.events.last?.action == .note)
        #expect(noted.events.last?.note == "企业来电补充材料" && noted.events.last?.from == noted.events.last?.to)
        #expect(noted.events.last?.summary.zh == "2025-03-06 测试 备注：企业来电补充材料")
        // The clocks do not move for a note.
        #expect(try service.slaView(.all, today: Self.day("2025-04-30")).first { $0.0.id == 2 }?.1 == sla)
        // A blank note is refused and writes nothing.
        let blank = #expect(throws: GSLError.self) {
            try service.note(
                caseID: 2, text: "  ", on: Self.day("2025-03-07"), expectedVersion: nil, context: Self.context
            )
        }
        #expect(blank?.cause == .caseActionInvalid && blank?.kind == .data)
        #expect(try service.show(2).events == noted.events)
        // A backdated note is refused like any action.
        let early = #expect(throws: GSLError.self) {
            try service.note(
                caseID: 2, text: "补记", on: Self.day("2025-03-01"), expectedVersion: nil, context: Self.context
            )
        }
        #expect(early?.cause == .caseBackdated)
    }

    @Test func pagesCoverTheViewMostUrgentFirst() throws {
        let service = try Self.service(count: 40)
        let today = Self.day("2025-05-30")
        let whole = try service.slaView(.overdue, today: today)
        #expect(whole.count > 20 && whole.count < 40, "\(whole.count)")
        var pages: [[(CaseRecord, SLAReport)]] = []
        var cursor: SLAPage.Cursor?
        repeat {
            let page = try service.slaPage(.overdue, today: today, after: cursor, limit: 7)
            #expect(page.candidates >= whole.count)
            pages.append(page.items)
            cursor = page.next
            #expect(page.items.count <= 7)
        } while cursor != nil && pages.count < 20
        let paged = pages.flatMap { $0 }
        // Every overdue request once, with the report the whole view computes.
        #expect(paged.map(\.0.id).sorted() == whole.map(\.0.id).sorted())
        let reports = Dictionary(uniqueKeysWithValues: whole.map { ($0.0.id, $0.1) })
        #expect(paged.allSatisfy { reports[$0.0.id] == $0.1 })
        // Most urgent first: the earliest due date of a running clock never decreases.
        let dues = paged.map { $0.1.statuses.filter(\.isRunning).map(\.due).min()! }
        #expect(dues == dues.sorted(), "\(dues)")
        // A page of the past (something happened after that day) is the whole view of that day.
        let past = try service.slaPage(.overdue, today: Self.day("2025-03-20"), after: nil, limit: 3)
        #expect(past.next == nil)
        #expect(
            past.items.map(\.0.id)
                == (try service.slaView(.overdue, today: Self.day("2025-03-20"))).map(\.0.id))
    }
}
