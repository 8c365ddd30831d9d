import GSLCore
import GSLStore
import GSLTestSupport
import Testing

/// `RecordsService` on an in-memory store: pages with their totals, views with memberships, and
/// the disclosure recorded in the audit log only when unmasking.
@Suite struct RecordsServiceTests {
    static let context = MutationContext(actor: "测试", command: "records test", at: "2025-03-01T02:00:00.000Z")

    /// A valid USCC for serial `n` (ten enterprises registered in Ningbo).
    static func uscc(_ n: Int) -> String {
        let first17 = "9133020071119" + String(format: "%04d", n)
        return first17 + String(USCC.checkCharacter(forFirst17: first17)!)
    }

    /// A store with `count` enterprises in 海曙区, one chamber, and enterprise 1 a member of it.
    static func prepared(count: Int) throws -> RecordsService {
        let service = RecordsService(store: try makeStore())
        for n in 1...count {
            _ = try service.addOrganisation(
                try draft("宁波测试\(n)号有限公司", uscc(n)), allowDuplicateChamberName: false, context: context)
        }
        let chamber = try OrganisationDraft.parse(
            FieldReader(["name": "宁波市青年商会", "phone": "0574-87654321"]), defaultKind: .chamber)
        _ = try service.addOrganisation(chamber, allowDuplicateChamberName: false, context: context)
        _ = try service.addMembership(
            chamber: "宁波市青年商会", member: "1", isPerson: false, role: "理事", start: nil, note: nil,
            context: context)
        return service
    }

    /// The disclosures in the audit log, by subject.
    static func disclosures(_ service: RecordsService) throws -> [String] {
        try AuditRepository(store: service.store).log(
            entity: "disclosure", actor: nil, since: nil, limit: nil
        )
        .map(\.entityID)
    }

    @Test func organisationPageCountsPastAFullPageAndDisclosesOnlyWhenUnmasking() throws {
        let service = try Self.prepared(count: 7)
        let enterprises = OrganisationFilter(kind: .enterprise)
        let page = try service.organisationPage(
            enterprises, chamber: nil, limit: 3, offset: 2, unmask: false, context: Self.context)
        #expect(page.rows.map(\.name) == ["宁波测试3号有限公司", "宁波测试4号有限公司", "宁波测试5号有限公司"])
        #expect(page.offset == 2 && page.cut == ListCut(total: 7, moreThan: nil))
        #expect(try Self.disclosures(service).isEmpty)

        let last = try service.organisationPage(
            enterprises, chamber: nil, limit: 3, offset: 5, unmask: true, context: Self.context)
        #expect(last.rows.count == 2 && last.cut == nil)
        #expect(try Self.disclosures(service) == ["organisation:*"])

        let all = try service.organisationPage(
            OrganisationFilter(), chamber: nil, limit: nil, offset: 0, unmask: false, context: Self.context)
        #expect(all.rows.count == 8 && all.cut == nil)

        let members = try service.organisationPage(
            OrganisationFilter(), chamber: "宁波市青年商会", limit: 50, offset: 0, unmask: false,
            context: Self.context)
        #expect(members.rows.map(\.name) == ["宁波测试1号有限公司"])
        #expect(throws: GSLError.self) {
            try service.organisationPage(
                OrganisationFilter(), chamber: "不存在的商会", limit: 50, offset: 0, unmask: false,
                context: Self.context)
        }
    }

    @Test func organisationViewHasMembershipsAndRecordsTheDisclosure() throws {
        let service = try Self.prepared(count: 2)
        let masked = try service.organisation(Self.uscc(1), unmask: false, context: Self.context)
        #expect(masked.organisation.name == "宁波测试1号有限公司")
        #expect(masked.memberships.count == 1 && masked.memberships[0].role == "理事")
        #expect(try Self.disclosures(service).isEmpty)

        let shown = try service.organisation("宁波测试2号有限公司", unmask: true, context: Self.context)
        #expect(shown.memberships.isEmpty)
        #expect(try Self.disclosures(service) == ["organisation:\(shown.organisation.id)"])

        var exported: [String] = []
        let count = try service.exportOrganisations(
            OrganisationFilter(kind: .enterprise), chamber: nil, unmask: true, context: Self.context
        ) { exported.append($0.name) }
        #expect(count == 2 && exported == ["宁波测试1号有限公司", "宁波测试2号有限公司"])
        #expect(
            try Self.disclosures(service).sorted() == [
                "organisation:*", "organisation:\(shown.organisation.id)",
            ])
    }

    @Test func personPageKnowsWhetherMoreExistWithoutCounting() throws {
        let service = try Self.prepared(count: 1)
        for name in ["张三", "李四", "王五"] {
            _ = try service.addPerson(
                try PersonDraft.parse(
                    FieldReader(["name": name, "phone": "13805741234"]), defaultKind: .entrepreneur),
                context: Self.context)
        }
        let page = try service.personPage(
            PersonFilter(), limit: 2, offset: 0, unmask: true, context: Self.context)
        #expect(page.rows.map(\.name) == ["张三", "李四"] && page.cut == ListCut(total: nil, moreThan: nil))
        let rest = try service.personPage(
            PersonFilter(), limit: 2, offset: 2, unmask: false, context: Self.context)
        #expect(rest.rows.map(\.name) == ["王五"] && rest.cut == nil)
        #expect(try Self.disclosures(service) == ["person:*"])
        let view = try service.person("王五", unmask: false, context: Self.context)
        #expect(view.person.name == "王五" && view.memberships.isEmpty)
    }

    @Test func auditLogDisclosesOnlyWhenUnmasking() throws {
        let service = try Self.prepared(count: 2)
        let audit = AuditService(store: service.store)
        let masked = try audit.log(
            entity: "organisation", actor: nil, since: nil, limit: nil, unmask: false, context: Self.context)
        #expect(masked.count == 3 && masked.allSatisfy { $0.entity == "organisation" })
        #expect(try Self.disclosures(service).isEmpty)
        let one = try audit.log(
            entity: "organisation:1", actor: nil, since: nil, limit: nil, unmask: true, context: Self.context)
        #expect(one.map(\.entityID) == ["1"])
        #expect(try Self.disclosures(service) == ["audit_log:*"])
    }

    @Test func auditVerifyChecksTheChainBeforeReadingAnAnchorFile() throws {
        let service = try Self.prepared(count: 2)
        let check = try AuditService(store: service.store).verify(anchorFile: nil, publicKey: nil)
        #expect(check.entries >= 5 && check.chainProblems.isEmpty && check.anchorProblems.isEmpty)
        #expect(check.anchored == nil)
        #expect(throws: GSLError.self) {
            try AuditService(store: service.store).verify(
                anchorFile: "/nonexistent/anchors.txt", publicKey: nil)
        }
    }

    @Test func regionViewHasItsPathAndChildren() throws {
        let service = RecordsService(store: try makeStore())
        let view = try service.region("海曙区")
        #expect(view.path.map(\.code) == ["33", "3302", "330203"] && view.children == 1)
        #expect(
            try service.regionList(parent: "3302", level: nil, limit: nil).map(\.code) == [
                "330203", "330226",
            ])
    }
}
