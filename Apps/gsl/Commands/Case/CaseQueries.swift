import ArgumentParser
import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLStore
import GSLTabular

extension CaseRateRepository.RateGrouping: LenientArgument {}

extension CaseCommand {
    struct Open: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "open", abstract: "登记并受理诉求 open and receive a request",
            discussion:
                "例：gsl case open --org 宁波甬联科技有限公司 --category 融资信贷 --source visit --priority high --title 续贷困难"
        )
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("org"), help: "企业（编号、信用代码或名称） enterprise") var organisation: String
        @Option(help: "类别 category (融资信贷, 用工人才, …)") var category: String
        @Option(help: "来源 source: visit|hotline|online|chamber|letter|event") var source: CaseSource = .visit
        @Option(help: "活动编号（来源为 event 时） event id, with --source event") var event: Int64?
        @Option(help: "优先级 priority: urgent|high|normal|low") var priority: CasePriority = .normal
        @Option(help: "标题 title") var title: String
        @Option(help: "描述 description") var description: String?
        @Option(help: "受理日期 date (default today)") var date: String?

        func execute(_ out: Output) throws(GSLError) {
            let view = try CaseService(store: global.openStore()).open(
                .init(
                    organisation: organisation, category: category, source: source, priority: priority,
                    title: title, description: description, date: try global.day(date), eventID: event),
                context: global.context())
            CasePresenter.show(view.record, events: view.events, out)
        }
    }

    struct List: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出诉求 list requests",
            discussion: "例：gsl case list --state in_progress --department 市金融办 --limit 50")
        @OptionGroup var global: GlobalOptions
        @Option(help: "状态 state") var state: String?
        @Option(help: "主办部门 lead department") var department: String?
        @Option(help: "类别 category") var category: String?
        @Option(name: .customLong("org"), help: "企业 enterprise") var organisation: String?
        @Option(help: "最多条数 limit") var limit = 100

        func execute(_ out: Output) throws(GSLError) {
            let service = try CaseService(store: global.openStore())
            let filter = CaseRepository.Filter(
                state: try optionValue(state) { (t: String) throws(GSLError) in try CaseState.parse(t) },
                department: department,
                category: category)
            out.table(
                CasePresenter.columns(out),
                try service.list(filter, organisation: organisation, limit: limit).map {
                    CasePresenter.row($0, out)
                })
        }
    }

    struct Show: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "查看诉求与办理时间线 show a request and its timeline")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("诉求编号 request id", valueName: "id")) var id: Int64

        func execute(_ out: Output) throws(GSLError) {
            let view = try CaseService(store: global.openStore()).show(id)
            CasePresenter.show(view.record, events: view.events, out)
        }
    }

    struct SLA: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "sla", abstract: "时限（按工作日，含调休） SLA on the Chinese work calendar",
            discussion: "例：gsl case sla --overdue；gsl case sla --due-within 2 --today 2025-01-24")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "只看已超期 overdue only") var overdue = false
        @Option(name: .customLong("due-within"), help: "N 个工作日内到期 due within N working days") var dueWithin:
            Int?
        @Option(help: "以某日为今天 as of date (default today)") var today: String?

        func execute(_ out: Output) throws(GSLError) {
            if overdue && dueWithin != nil {
                throw GSLError.usage(
                    "--overdue 与 --due-within 只能选一个", en: "give --overdue or --due-within, not both")
            }
            let filter: SLAFilter = overdue ? .overdue : dueWithin.map { .dueWithin(workdays: $0) } ?? .all
            let rows = try CaseService(store: global.openStore()).slaView(
                filter, today: try global.day(today))
            if rows.contains(where: { $0.1.statuses.contains { !$0.withinCalendar } }) {
                out.notice(
                    Message(
                        "注意：部分时限超出节假日数据覆盖年份，按周一至周五计算",
                        en: "note: some deadlines fall outside the holiday data; Monday–Friday counted there")
                )
            }
            out.table(CasePresenter.slaColumns(out), rows.map { CasePresenter.slaRow($0.0, $0.1, out) })
        }
    }

    struct Escalate: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalate", abstract: "记录到期的预警、催办、通报（重复运行不重复记录） record due escalations once")
        @OptionGroup var global: GlobalOptions
        @Option(help: "以某日为今天 as of date") var today: String?

        func execute(_ out: Output) throws(GSLError) {
            let recorded = try CaseService(store: global.openStore()).escalate(
                today: try global.day(today), context: global.context())
            out.table(
                [
                    Column("case", title: out.t("诉求", "request"), alignRight: true),
                    Column("clock", title: out.t("时限", "clock")),
                    Column("level", title: out.t("级别", "level")), Column("due", title: out.t("到期日", "due")),
                ],
                recorded.map {
                    [
                        .text($0.caseID), .text($0.clock.rawValue),
                        out.enumValue("\($0.level)", $0.level.label.text(out.lang)),
                        .text($0.due.iso),
                    ]
                })
            out.notice(Message("新记录 \(recorded.count) 条", en: "\(recorded.count) new escalations recorded"))
        }
    }

    struct Rates: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "rates", abstract: "三率：响应率、解决率、满意率及综合 service rates",
            discussion: """
                已并案的诉求不计入（计入其并入的诉求）；草稿不计入。
                Merged requests are not counted (the request they were merged into is); drafts neither.
                例：gsl case rates --by department --period 2025
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "分组 by: department|county|category") var by: CaseRateRepository.RateGrouping =
            .department
        @Option(help: "时期 period (2025, 2025H1, 2025Q3, 2025-05)") var period: String?

        func execute(_ out: Output) throws(GSLError) {
            let p = try period.map { (t: String) throws(GSLError) in try Period.parse(t) }
            let view = try CaseService(store: global.openStore()).serviceRates(by: by, period: p)
            // Group labels: category and county names as `visit stats` shows them, by language; the
            // codes themselves in JSON.
            func label(_ key: String) -> Cell {
                switch key {
                case "（未交办）": return out.isJSON ? .null : .text(out.t("（未交办）", "(not assigned)"))
                case "（未知）": return out.isJSON ? .null : .text(out.t("（未知）", "(unknown)"))
                default: break
                }
                if out.isJSON { return .text(key) }
                switch by {
                case .category: return .text(CasePresenter.category(key, out))
                case .county: return .text(view.countyNames[key] ?? key)
                case .department: return .text(key)
                }
            }
            // Tables show percentages to 0.01 for reading; csv/json carry the rates themselves as
            // fractions 0–1 at full precision (rates are ratios, and ×100 would add float noise).
            let pct = RatePresenter.cell(out)
            out.table(
                [
                    Column("group", title: out.t("分组", "group")),
                    Column("cases", title: out.t("诉求数", "requests"), alignRight: true),
                    Column("valid_callbacks", title: out.t("有效回访", "valid callbacks"), alignRight: true),
                    RatePresenter.column("response_rate", "响应率", "response", out),
                    RatePresenter.column("resolution_rate", "解决率", "resolution", out),
                    RatePresenter.column("satisfaction_rate", "满意率", "satisfaction", out),
                    RatePresenter.column("composite", "综合", "composite", out),
                ],
                view.rows.map {
                    [
                        label($0.0), .int(Int64($0.1.cases)), .int(Int64($0.1.validCallbacks)),
                        pct($0.1.responseRate),
                        pct($0.1.resolutionRate), pct($0.1.satisfactionRate), pct($0.1.composite),
                    ]
                })
        }
    }

    struct Import: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入诉求（企业、类别、标题、描述、来源、优先级、受理日期） import requests",
            discussion: "例：gsl case import 走访诉求.csv --dry-run")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: ImportFlags

        func execute(_ out: Output) throws(GSLError) {
            let report = try CaseService(store: global.openStore()).importFile(
                flags.options(), today: try global.day(nil), context: global.context())
            ImportReporting.show(report, entity: Message("诉求", en: "requests"), out)
        }
    }

    struct Export: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "导出诉求 export requests",
            discussion: "例：gsl case export --format csv --bom > 诉求台账.csv")
        @OptionGroup var global: GlobalOptions
        @Option(help: "状态 state") var state: String?
        @Option(help: "主办部门 lead department") var department: String?
        @Option(help: "最多条数 limit") var limit = 1_000_000

        func execute(_ out: Output) throws(GSLError) {
            let filter = CaseRepository.Filter(
                state: try optionValue(state) { (t: String) throws(GSLError) in try CaseState.parse(t) },
                department: department)
            let rows = try CaseService(store: global.openStore()).list(filter, limit: limit)
            out.stream(CasePresenter.exportColumns(out), rows.lazy.map { CasePresenter.exportRow($0, out) })
        }
    }

    struct Similar: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "similar", abstract: "相似的在办诉求（用于并案） similar open requests")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("诉求编号 request id", valueName: "id")) var id: Int64
        @Option(help: "最多条数 limit") var limit = 10

        func execute(_ out: Output) throws(GSLError) {
            let hits = try CaseService(store: global.openStore()).similar(to: id, limit: limit)
            out.table(
                [Column("score", title: out.t("相似度", "score"), alignRight: true)]
                    + CasePresenter.columns(out),
                hits.map { [.measure($0.1, places: 3)] + CasePresenter.row($0.0, out) })
        }
    }
}
