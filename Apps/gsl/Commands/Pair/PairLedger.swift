import ArgumentParser
import GSLCore
import GSLPairing
import GSLPairingStore
import GSLStore

extension PairCommand {
    struct Add: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "手工新增结对 pair a firm with a village by hand",
            discussion: "例：gsl pair add --org 宁波甬联科技有限公司 --village 330226102201 --campaign 商会联村2025")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("org"), help: "企业 enterprise") var organisation: String
        @Option(help: "村代码 village code") var village: String
        @Option(help: "结对活动 campaign") var campaign: String
        @Option(help: "开始日期 start (default today)") var date: String?

        func execute(_ out: Output) throws(GSLError) {
            let day = try global.day(date)
            let id = try PairService(store: global.openStore()).add(
                organisation: organisation, village: village, campaign: campaign, on: day,
                context: global.context())
            out.notice(Message("已新增结对 #\(id)", en: "pairing #\(id) added"))
        }
    }

    struct End: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "end", abstract: "结束结对（保留历史） end a pairing, keeping its history",
            discussion: "例：gsl pair end 12 --date 2025-12-31 --reason 项目完成")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "结对编号 pairing number") var pairing: Int64
        @Option(help: "结束日期 end (default today)") var date: String?
        @Option(help: "原因 reason") var reason: String?

        func execute(_ out: Output) throws(GSLError) {
            let day = try global.day(date)
            try PairService(store: global.openStore()).end(
                pairing: pairing, on: day, reason: reason, context: global.context())
            out.notice(Message("结对 #\(pairing) 已结束", en: "pairing #\(pairing) ended"))
        }
    }

    struct List: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出结对 list pairings", discussion: "例：gsl pair list --history")
        @OptionGroup var global: GlobalOptions
        @Option(help: "结对活动 campaign") var campaign: String?
        @Option(name: .customLong("org"), help: "企业 enterprise") var organisation: String?
        @Option(help: "村代码 village code") var village: String?
        @Flag(help: "含已结束的结对 include ended pairings") var history = false
        @Option(help: "最多条数 limit") var limit = 1000

        func execute(_ out: Output) throws(GSLError) {
            let rows = try PairService(store: global.openStore()).list(
                campaign: campaign, organisation: organisation, village: village, history: history,
                limit: limit)
            PairPresenter.pairings(rows, out)
        }
    }

    struct Invest: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "invest", abstract: "登记投资（产业项目或公益捐助） record an investment",
            discussion:
                "例：gsl pair invest --org 宁波甬联科技有限公司 --village 330226102201 --kind project --amount 120万 --date 2025-04-01"
        )
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("org"), help: "企业 enterprise") var organisation: String
        @Option(help: "村代码 village code") var village: String
        @Option(help: "类别 kind: project|charity (产业项目|公益捐助)") var kind: String
        @Option(help: "金额 amount (120万, 1.2亿元)") var amount: String
        @Option(help: "日期 date (default today)") var date: String?
        @Option(help: "项目名称 project") var project: String?

        func execute(_ out: Output) throws(GSLError) {
            guard let k = InvestmentKind.parse(kind) else {
                throw GSLError.usage(
                    "未知的投资类别「\(kind)」（project 产业项目、charity 公益捐助）",
                    en: "unknown investment kind '\(kind)' (project, charity)")
            }
            let day = try global.day(date)
            let id = try PairService(store: global.openStore()).invest(
                organisation: organisation, village: village, kind: k, amount: amount, on: day,
                project: project,
                context: global.context())
            out.notice(Message("已登记投资 #\(id)", en: "investment #\(id) recorded"))
        }
    }

    struct Workshop: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workshop", abstract: "共富工坊 common-prosperity workshops",
            subcommands: [WorkshopAdd.self, WorkshopList.self])
    }

    struct WorkshopAdd: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "登记共富工坊 record a workshop",
            discussion: """
                类型 kinds: processing 来料加工, agriculture 农产品, ecommerce 电商直播, craft 手工艺, service 服务文旅, other 其他
                例：gsl pair workshop add --village 330226102201 --org 宁波甬联科技有限公司 --name 甬联共富工坊 \\
                  --kind processing --opened 2025-05-01 --jobs 40 --wages 36万
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "村代码 village code") var village: String
        @Option(name: .customLong("org"), help: "主办企业 sponsoring enterprise") var organisation: String
        @Option(help: "工坊名称 name") var name: String
        @Option(help: "类型 kind") var kind: String
        @Option(help: "开办日期 opening date") var opened: String
        @Option(help: "带动就业人数 jobs") var jobs: Int
        @Option(help: "已发工资 wages paid (36万)") var wages = "0"

        func execute(_ out: Output) throws(GSLError) {
            guard let k = WorkshopKind.parse(kind) else {
                throw GSLError.usage(
                    "未知的工坊类型「\(kind)」（\(WorkshopKind.allCases.map(\.rawValue).joined(separator: "、"))）",
                    en:
                        "unknown workshop kind '\(kind)' (\(WorkshopKind.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            let id = try PairService(store: global.openStore()).addWorkshop(
                .init(
                    village: village, organisation: organisation, name: name, kind: k,
                    opened: try LocalDate.parse(opened), jobs: jobs, wages: wages),
                context: global.context())
            out.notice(Message("已登记共富工坊 #\(id)", en: "workshop #\(id) recorded"))
        }
    }

    struct WorkshopList: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出共富工坊 list workshops")
        @OptionGroup var global: GlobalOptions
        @Option(help: "最多条数 limit") var limit = 1000

        func execute(_ out: Output) throws(GSLError) {
            PairPresenter.workshops(try PairService(store: global.openStore()).workshops(limit: limit), out)
        }
    }

    struct Stats: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "结对统计 figures: firms, villages, investment, workshops, jobs, weak coverage",
            discussion: "例：gsl pair stats --period 2025 --by county")
        @OptionGroup var global: GlobalOptions
        @Option(help: "时期 period (2025, 2025Q1, 2025-03)") var period: String
        @Option(help: "分组 by: total|county|town") var by: PairingStatsRepository.Grouping = .total

        func execute(_ out: Output) throws(GSLError) {
            let rows = try PairService(store: global.openStore()).stats(
                period: try Period.parse(period), by: by)
            PairPresenter.stats(rows, by: by, out)
        }
    }
}
