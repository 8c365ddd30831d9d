import ArgumentParser
import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLStore
import GSLTabular

extension VisitRepository.CoverageGrouping: LenientArgument {}

/// `gsl visit …`: campaigns with target lists, and the visits staff log.
struct VisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit", abstract: "走访企业（走企连心、问千家进百企） enterprise visits",
        discussion: """
            例 examples:
              gsl visit campaign 问千家进百企2025 --from 2025-01-01 --to 2025-12-31
              gsl visit targets 问千家进百企2025 --file 名单.csv
              gsl visit log --org 宁波甬联科技有限公司 --date 2025-03-06 --staff 王芳 --campaign 问千家进百企2025
              gsl visit import 走访记录.csv
              gsl visit stats 问千家进百企2025 --by county
            """,
        subcommands: [Campaign.self, Targets.self, Log.self, Import.self, List.self, Stats.self])

    struct Campaign: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "campaign", abstract: "新建走访活动 create a campaign")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "活动名称 name") var name: String
        @Option(help: "开始日期 start") var from: String
        @Option(help: "结束日期 end") var to: String
        @Option(help: "说明 note") var note: String?

        func execute(_ out: Output) throws(GSLError) {
            let id = try VisitService(store: global.openStore()).addCampaign(
                name: name, from: try LocalDate.parse(from), to: try LocalDate.parse(to), note: note,
                context: global.context())
            out.notice(Message("已创建活动 #\(id)：\(name)", en: "campaign #\(id) created: \(name)"))
        }
    }

    struct Targets: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "targets", abstract: "添加目标企业（名单文件或 --org） add target enterprises")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "活动 campaign (id or name)") var campaign: String
        @Option(name: .customLong("org"), help: "企业（可多次） enterprise (repeatable)") var organisations:
            [String] = []
        @Option(help: "名单文件（统一社会信用代码或名称列） list file") var file: String?

        func execute(_ out: Output) throws(GSLError) {
            let added = try VisitService(store: global.openStore()).addTargets(
                campaign: campaign, organisations: organisations, file: file.map { ImportOptions(path: $0) },
                context: global.context())
            out.notice(Message("新增目标企业 \(added) 家", en: "\(added) target enterprises added"))
        }
    }

    struct Log: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "log", abstract: "登记一次走访 log a visit")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("org"), help: "企业 enterprise") var organisation: String
        @Option(help: "日期 date (default today)") var date: String?
        @Option(help: "走访人 staff") var staff: String
        @Option(help: "活动 campaign") var campaign: String?
        @Option(help: "走访情况 notes") var notes: String?
        @Option(help: "发现问题 findings") var findings: String?

        func execute(_ out: Output) throws(GSLError) {
            let day = try global.day(date)
            let id = try VisitService(store: global.openStore()).log(
                .init(
                    organisation: organisation, date: day, staff: staff, campaign: campaign, notes: notes,
                    findings: findings),
                context: global.context())
            out.notice(Message("已登记走访 #\(id)", en: "visit #\(id) logged"))
        }
    }

    struct Import: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入走访记录（企业、日期、走访人、活动、情况、发现问题） import visits")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: ImportFlags

        func execute(_ out: Output) throws(GSLError) {
            let report = try VisitService(store: global.openStore()).importFile(
                flags.options(), context: global.context())
            ImportReporting.show(report, entity: Message("走访", en: "visits"), out)
        }
    }

    struct List: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出走访 list visits")
        @OptionGroup var global: GlobalOptions
        @Option(help: "活动 campaign") var campaign: String?
        @Option(help: "时期 period") var period: String?
        @Option(help: "最多条数 limit") var limit = 100

        func execute(_ out: Output) throws(GSLError) {
            let p = try period.map { (t: String) throws(GSLError) in try Period.parse(t) }
            let rows = try VisitService(store: global.openStore()).list(
                campaign: campaign, period: p, limit: limit)
            out.table(
                [
                    Column("id", title: "#", alignRight: true), Column("date", title: out.t("日期", "date")),
                    Column("org", title: out.t("企业", "enterprise")),
                    Column("staff", title: out.t("走访人", "staff")),
                    Column("campaign", title: out.t("活动", "campaign")),
                    Column("findings", title: out.t("发现问题", "findings")),
                ],
                rows.map {
                    [
                        .int($0.id), .text($0.date), .text($0.organisation), .text($0.staff),
                        $0.campaign.map(Cell.text) ?? .null, $0.findings.map(Cell.text) ?? .null,
                    ]
                })
        }
    }

    struct Stats: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "走访覆盖率（已走访目标/目标） coverage of a campaign",
            discussion: "例：gsl visit stats 问千家进百企2025 --by county")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "活动 campaign") var campaign: String
        @Option(help: "分组 by: total|county|chamber") var by: VisitRepository.CoverageGrouping = .total

        func execute(_ out: Output) throws(GSLError) {
            let rows = try VisitService(store: global.openStore()).coverage(campaign: campaign, by: by)
            // The repository's placeholders (合计, （未知）, （无商会）) by language; null in JSON.
            func groupLabel(_ group: String, _ out: Output) -> Cell {
                let labels = [
                    "合计": Message("合计", en: "total"), "（未知）": Message("（未知）", en: "(unknown)"),
                    "（无商会）": Message("（无商会）", en: "(no chamber)"),
                ]
                guard let label = labels[group] else { return .text(group) }
                if out.isJSON { return by == .total ? .text("total") : .null }
                return .text(label.text(out.lang))
            }
            out.table(
                [
                    Column("group", title: out.t("分组", "group")),
                    Column("targets", title: out.t("目标", "targets"), alignRight: true),
                    Column("visited", title: out.t("已走访", "visited"), alignRight: true),
                    RatePresenter.column("coverage", "覆盖率", "coverage", out),
                    Column("visits", title: out.t("走访次数", "visits"), alignRight: true),
                ],
                rows.map { r in
                    [
                        groupLabel(r.group, out), .int(Int64(r.targets)), .int(Int64(r.visited)),
                        RatePresenter.cell(out)(r.targets == 0 ? 0 : Double(r.visited) / Double(r.targets)),
                        .int(Int64(r.visits)),
                    ]
                })
        }
    }
}
