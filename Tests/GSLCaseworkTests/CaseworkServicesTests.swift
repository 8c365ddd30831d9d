import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLStore
import Testing

/// The casework services on an in-memory store: each call returns the record with what the
/// commands show beside it (events, adoptions).
@Suite struct CaseworkServicesTests {
    static let context = MutationContext(
        actor: "测试", command: "casework test", at: "2025-03-01T02:00:00.000Z")

    /// A fresh store with the core and casework schemas.
    static func store() throws -> Store {
        try Store(
            inMemory: Store.coreMigrations + CaseSchema.migrations + InfoSchema.migrations
                + ProposalSchema.migrations)
    }

    @Test func proposalViewHasEventsAndAdoptions() throws {
        let service = ProposalService(store: try Self.store())
        let filed = try service.file(
            title: "关于缓解民营企业融资难的建议", proposer: "张三", chamber: nil, body: nil,
            date: try LocalDate.parse("2025-01-15"), context: Self.context)
        #expect(
            filed.proposal.state == .filed && filed.events.map(\.to) == [.filed] && filed.adoptions.isEmpty)
        let id = filed.proposal.id
        let assigned = try service.act(
            .assign(lead: "市金融办", assisting: ["市财政局"]), proposalID: id, on: try LocalDate.parse("2025-02-01"),
            note: nil, expectedVersion: nil, context: Self.context)
        #expect(assigned.proposal.state == .assigned && assigned.proposal.leadDepartment == "市金融办")
        #expect(assigned.events.map(\.to) == [.filed, .assigned])
        let adopted = try service.act(
            .adopt(level: .national, body: "全国政协"), proposalID: id, on: try LocalDate.parse("2025-03-01"),
            note: nil, expectedVersion: nil, context: Self.context)
        #expect(adopted.adoptions.map(\.body) == ["全国政协"] && adopted.adoptions[0].level == .national)
        #expect(adopted.adoptions[0].date == "2025-03-01")
        let shown = try service.show(id)
        #expect(shown.proposal == adopted.proposal && shown.events == adopted.events)
        #expect(shown.adoptions == adopted.adoptions)
        #expect(try service.list(period: nil, state: .assigned, limit: 10).map(\.id) == [id])
    }

    @Test func caseViewHasTheTimelineAndListResolvesTheEnterprise() throws {
        let store = try Self.store()
        let org = try OrganisationRepository(store: store).add(
            try OrganisationDraft.parse(
                FieldReader(["name": "宁波甬联科技有限公司", "uscc": "91330200711192037M"]), defaultKind: .enterprise),
            context: Self.context)
        let service = try CaseService(store: store)
        let opened = try service.open(
            .init(
                organisation: "宁波甬联科技有限公司", category: "融资信贷", source: .visit, priority: .normal,
                title: "续贷困难", description: nil, date: try LocalDate.parse("2025-03-03")),
            context: Self.context)
        #expect(opened.record.state == .received && opened.events.map(\.to) == [.received])
        let assigned = try service.act(
            .assign(lead: "市金融办", assisting: []), caseID: opened.record.id,
            on: try LocalDate.parse("2025-03-04"), note: nil, expectedVersion: nil, context: Self.context)
        #expect(assigned.record.state == .assigned && assigned.events.map(\.to) == [.received, .assigned])
        #expect(try service.show(opened.record.id).events == assigned.events)
        let listed = try service.list(.init(), organisation: String(org.id), limit: 10)
        #expect(listed.map(\.id) == [opened.record.id])
        #expect(throws: GSLError.self) { try service.list(.init(), organisation: "不存在的企业", limit: 10) }
    }

    @Test func infoReportViewHasItsEvents() throws {
        let service = InfoService(store: try Self.store())
        let drafted = try service.draft(
            title: "民营企业融资成本偏高", author: "张三", chamber: nil, body: nil,
            date: try LocalDate.parse("2025-03-01"), context: Self.context)
        #expect(drafted.report.state == .draft && drafted.events.isEmpty)
        let id = drafted.report.id
        _ = try service.record(
            .submit, reportID: id, level: nil, body: nil, date: try LocalDate.parse("2025-03-02"),
            expectedVersion: nil, context: Self.context)
        let adopted = try service.record(
            .adopt, reportID: id, level: .national, body: "全国政协办公厅", date: try LocalDate.parse("2025-04-10"),
            expectedVersion: nil, context: Self.context)
        #expect(adopted.events.map(\.kind) == [.submit, .adopt])
        #expect(adopted.events[1].level == .national && adopted.events[1].body == "全国政协办公厅")
        let shown = try service.show(id)
        #expect(shown.report == adopted.report && shown.events == adopted.events)
    }
}
