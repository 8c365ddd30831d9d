import ArgumentParser
import Foundation
import GSLCore
import GSLStore
import GSLTabular

extension OrganisationKind: ExpressibleByArgument {
    public init?(argument: String) {
        guard let kind = OrganisationKind.parse(argument) else { return nil }
        self = kind
    }
}

/// Field flags of `org add` and `org edit`.
struct OrgFieldFlags: ParsableArguments {
    @Option(help: "名称 name") var name: String?
    @Option(help: "统一社会信用代码 USCC") var uscc: String?
    @Option(name: .customLong("region"), help: "地区代码或名称 region") var regionText: String?
    @Option(name: .customLong("industry"), help: "行业代码 industry code") var industryText: String?
    @Option(name: .customLong("size"), help: "规模 size (derived when omitted)") var sizeText: String?
    @Option(help: "从业人员 employees") var employees: String?
    @Option(help: "营业收入 revenue, e.g. 3.6亿") var revenue: String?
    @Option(help: "资产总额 assets") var assets: String?
    @Option(name: .customLong("chamber-type"), help: "商会类型 direct|industry|out_of_town|town_street")
    var chamberType: String?
    @Option(help: "上级组织 parent organisation") var parent: String?
    @Option(help: "成立日期 established") var established: String?
    @Option(help: "地址 address") var address: String?
    @Option(help: "电话 phone") var phone: String?
    @Option(name: .customLong("legal-rep"), help: "法定代表人 legal representative") var legalRep: String?
    @Option(help: "备注 note") var note: String?

    /// Only the flags given, by import field key.
    var given: [String: String?] {
        let all: [String: String?] = [
            "name": name, "uscc": uscc, "region": regionText, "industry": industryText, "size": sizeText,
            "employees": employees, "revenue": revenue, "assets": assets, "chamber_type": chamberType,
            "parent": parent, "established": established, "address": address, "phone": phone,
            "legal_rep": legalRep, "note": note,
        ]
        return all.filter { $0.value != nil }
    }
}

/// `gsl org …`: organisations.
struct Org: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "组织：企业、商会、村、部门、银行、学校 organisations",
        subcommands: [Add.self, Import.self, List.self, Show.self, Edit.self, Export.self])

    /// `gsl org add`.
    struct Add: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "新增组织 add an organisation",
            discussion: """
                例：gsl org add --kind enterprise --name 宁波某某科技有限公司 \\
                      --uscc 91330200711192037M --region 海曙区 --industry C3011
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "类型 kind") var kind: OrganisationKind = .enterprise
        @OptionGroup var fields: OrgFieldFlags
        @Flag(name: .customLong("allow-duplicate-name"), help: "允许与已有商会同名 allow a chamber name that exists")
        var allowDuplicateName = false

        func execute(_ out: Output) throws(GSLError) {
            let draft = try OrganisationDraft.parse(FieldReader(fields.given), defaultKind: kind)
            let org = try RecordsService(store: global.openStore()).addOrganisation(
                draft, allowDuplicateChamberName: allowDuplicateName, context: global.context())
            OrgPresenter.show(org, memberships: [], out, unmask: false)
        }
    }

    /// `gsl org import FILE`.
    struct Import: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入组织 import organisations (CSV/JSON/NDJSON)",
            discussion: """
                表头可用中文或英文：名称/name, 统一社会信用代码/uscc, 所在地区/region, 行业代码/industry,
                规模/size, 从业人员/employees, 营业收入/revenue（表头写“营业收入(万元)”则按万元）…
                整个文件一个事务：任何一行有错则全部不写入。
                例：gsl org import firms.csv --kind enterprise --on-conflict update
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: ImportFlags
        @Option(help: "默认类型 default kind for rows without one") var kind: OrganisationKind?

        func execute(_ out: Output) throws(GSLError) {
            let service = RecordsService(store: try global.openStore())
            let bar = ProgressBar.onTerminal(out.t("导入", "import"))
            defer { bar?.finish() }
            let report = try service.importOrganisations(
                flags.options(bar: bar), defaultKind: kind, context: global.context())
            bar?.finish()
            ImportReporting.show(report, entity: Message("组织", en: "organisations"), out)
        }
    }

    /// `gsl org list`.
    struct List: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出组织 list organisations",
            discussion: "例：gsl org list --region 330203 --industry C --size 小 --limit 50")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: OrgFilterFlags
        @Option(help: "最多条数 limit") var limit: Int = 50
        @Option(help: "跳过条数 offset") var offset: Int = 0
        @Flag(help: "全部列出 no limit") var all = false
        @Flag(help: "显示完整电话 show phone numbers unmasked") var unmask = false

        func execute(_ out: Output) throws(GSLError) {
            let service = RecordsService(store: try global.openStore())
            let page = try service.organisationPage(
                filters.filter(), chamber: filters.chamber, limit: all ? nil : limit, offset: offset,
                unmask: unmask, context: global.context())
            out.listCut(page)
            if unmask { global.protectUnmaskedOutput() }
            out.table(
                OrgPresenter.listColumns(out), page.rows.map { OrgPresenter.listRow($0, out, unmask: unmask) }
            )
        }
    }

    /// `gsl org show REF`.
    struct Show: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "查看组织 show one organisation (id, USCC or name)",
            discussion: "例：gsl org show 91330200711192037M")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "编号、信用代码或名称 id, USCC or name") var ref: String
        @Flag(help: "显示完整电话 unmask phone numbers") var unmask = false

        func execute(_ out: Output) throws(GSLError) {
            let view = try RecordsService(store: global.openStore()).organisation(
                ref, unmask: unmask, context: global.context())
            if unmask { global.protectUnmaskedOutput() }
            OrgPresenter.show(view.organisation, memberships: view.memberships, out, unmask: unmask)
        }
    }

    /// `gsl org edit REF`.
    struct Edit: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "修改组织 edit an organisation",
            discussion: "例：gsl org edit 12 --phone 0574-87654321 --expect-version 3（版本不符则拒绝，退出码 75）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "编号、信用代码或名称 id, USCC or name") var ref: String
        @OptionGroup var fields: OrgFieldFlags
        @Option(name: .customLong("expect-version"), help: "期望的版本号 expected version (optimistic lock)")
        var expectVersion: Int64?

        func execute(_ out: Output) throws(GSLError) {
            guard !fields.given.isEmpty else {
                throw GSLError.usage("没有要修改的字段", en: "nothing to change: give at least one field option")
            }
            let org = try RecordsService(store: global.openStore()).editOrganisation(
                ref, changes: fields.given, expectedVersion: expectVersion, context: global.context())
            OrgPresenter.show(org, memberships: [], out, unmask: false)
        }
    }

    /// `gsl org export`.
    struct Export: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "导出组织 export organisations (re-importable)",
            discussion: "例：gsl org export --format csv --bom > 企业名录.csv（电话默认打码，--unmask 显示）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: OrgFilterFlags
        @Flag(help: "导出完整电话 export phone numbers unmasked") var unmask = false

        func execute(_ out: Output) throws(GSLError) {
            let service = RecordsService(store: try global.openStore())
            var rows: [[Cell]] = []
            try service.exportOrganisations(
                filters.filter(), chamber: filters.chamber, unmask: unmask, context: global.context()
            ) { rows.append(OrgPresenter.exportRow($0, unmask: unmask, out)) }
            if unmask { global.protectUnmaskedOutput() }
            out.stream(OrgPresenter.exportColumns(out), rows)
        }
    }
}
