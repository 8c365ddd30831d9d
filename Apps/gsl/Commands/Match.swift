import ArgumentParser
import GSLCore
import GSLMatching
import GSLMatchingStore
import GSLTabular

/// `gsl match …`: supply–demand (融通), bank–enterprise (银企) and school–enterprise (校企)
/// matching: postings, explained recommendations, whole-market runs, follow-through to deals.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: "供需对接 matching (融通 · 银企 · 校企)",
        discussion: """
            例 examples:
              gsl match post --side demand --kind project --org 甬恒模具 --title 求注塑模具合作 --amount 500万
              gsl match import 供需信息.csv --dry-run
              gsl match recommend D001 --top 10
              gsl match explain D001 S017
              gsl match run --kind credit --mode capacity
              gsl match introduce 3 && gsl match negotiate 3 && gsl match deal 3 --amount 1.2亿
              gsl match stats --period 2025
            推荐 → 对接 → 洽谈 → 成交（金额、日期）| 未成（原因）。
            """,
        subcommands: [
            Post.self, Import.self, List.self, Show.self, Close.self, Explain.self, Recommend.self,
            Propose.self,
            Run.self, Proposals.self, Proposal.self, Introduce.self, Negotiate.self, Deal.self, Fail.self,
            Stats.self, Profile.self, Generate.self, Recall.self,
        ])
}

/// Parses a matching enumeration option (a bad value is a usage error).
func matchOption<T: MatchingLabelled>(_ text: String?, _ type: T.Type, _ what: Message) throws(GSLError) -> T?
{
    try optionValue(text) { (t: String) throws(GSLError) in try T.parse(t, what: what) }
}

extension MatchCommand {
    struct Post: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "post", abstract: "发布需求或供给 post a demand or supply",
            discussion: """
                类别 kind: product|service|project|credit|talent|training（产品、服务、项目、信贷、人才、培训）
                例：gsl match post --side supply --kind credit --org 宁波银行 --title 科创贷
                      --amount-min 100万 --amount-max 3000万 --rate 3.45% --sizes 小型,微型 --exclude-industries K
                    gsl match post --side supply --kind training --org 宁波职业技术学院 --title 模具定制班
                      --majors 模具设计,数控 --capacity 40 --customised
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "编号 external reference") var ref: String?
        @Option(help: "供需 side: demand|supply") var side: String
        @Option(help: "类别 kind") var kind: String
        @Option(help: "组织（编号、信用代码或名称） organisation") var org: String
        @Option(help: "标题 title") var title: String
        @Option(help: "内容 text") var text: String?
        @Option(help: "行业代码 industry (default: the organisation's)") var industry: String?
        @Option(help: "区划代码 region (default: the organisation's)") var region: String?
        @Option(help: "金额 amount (500万, 1.2亿)") var amount: String?
        @Option(name: .customLong("amount-min"), help: "金额下限 least amount") var amountMin: String?
        @Option(name: .customLong("amount-max"), help: "金额上限 largest amount") var amountMax: String?
        @Option(help: "年利率 rate (3.45%)") var rate: String?
        @Option(help: "适用规模 size classes (小型,微型)") var sizes: String?
        @Option(name: .customLong("exclude-industries"), help: "排除行业 excluded industry codes") var exclude:
            String?
        @Option(help: "专业 majors") var majors: String?
        @Option(help: "容量/名额 capacity") var capacity: String?
        @Flag(help: "定制班 customised class") var customised = false
        @Option(help: "截止日期 deadline") var deadline: String?
        @Option(help: "发布日期 date (default today)") var date: String?

        func execute(_ out: Output) throws(GSLError) {
            let fields: [String: String?] = [
                "ref": ref, "side": side, "kind": kind, "org": org, "title": title, "text": text,
                "industry": industry, "region": region, "amount": amount, "amount_min": amountMin,
                "amount_max": amountMax, "rate": rate, "sizes": sizes, "exclude_industries": exclude,
                "majors": majors, "capacity": capacity, "customised": customised ? "yes" : nil,
                "deadline": deadline, "date": date,
            ]
            let posting = try MatchService(store: global.openStore()).post(
                fields: fields, today: try global.day(nil), context: global.context())
            MatchPresenter.showPosting(posting, out)
        }
    }

    struct Import: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入供需信息 import postings",
            discussion: """
                列 columns: 编号 供需 类别 组织 标题 内容 行业代码 区划代码 金额 金额下限 金额上限 利率
                适用规模 排除行业 专业 名额 定制班 截止日期 发布日期（或英文 ref side kind org …）
                例：gsl match import 供需信息.csv --dry-run
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: ImportFlags

        func execute(_ out: Output) throws(GSLError) {
            let report = try MatchService(store: global.openStore()).importFile(
                flags.options(), today: try global.day(nil), context: global.context())
            ImportReporting.show(report, entity: Message("供需信息", en: "postings"), out)
        }
    }

    struct List: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出供需信息 list postings",
            discussion: "例：gsl match list --side supply --kind credit --state open")
        @OptionGroup var global: GlobalOptions
        @Option(help: "供需 side") var side: String?
        @Option(help: "类别 kind") var kind: String?
        @Option(help: "状态 state: open|closed") var state: String?
        @Option(help: "最多条数 limit") var limit = 1000

        func execute(_ out: Output) throws(GSLError) {
            let filter = PostingFilter(
                side: try matchOption(side, PostingSide.self, Message("供需方向", en: "side")),
                kind: try matchOption(kind, PostingKind.self, Message("类别", en: "kind")),
                state: try matchOption(state, PostingState.self, Message("状态", en: "state")), limit: limit)
            let rows = try MatchService(store: global.openStore()).list(filter)
            MatchPresenter.postings(rows, out)
        }
    }

    struct Show: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "查看供需信息 show a posting")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("编号或 #id posting", valueName: "posting")) var posting: String

        func execute(_ out: Output) throws(GSLError) {
            MatchPresenter.showPosting(try MatchService(store: global.openStore()).show(posting), out)
        }
    }

    struct Close: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "close", abstract: "关闭供需信息 close a posting")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("编号或 #id posting", valueName: "posting")) var posting: String
        @Option(help: "日期 date (default today)") var date: String?
        @Option(name: .customLong("expect-version"), help: "期望的版本号 expected version") var expectVersion:
            Int64?

        func execute(_ out: Output) throws(GSLError) {
            let p = try MatchService(store: global.openStore()).close(
                posting, on: try global.day(date), expectedVersion: expectVersion, context: global.context())
            MatchPresenter.showPosting(p, out)
        }
    }

    struct Explain: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain", abstract: "解释匹配得分 explain a pair's score",
            discussion: "每项特征：取值 × 权重 = 贡献，贡献之和即得分。例：gsl match explain D001 S017")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("需求 demand", valueName: "demand")) var demand: String
        @Argument(help: ArgumentHelp("供给 supply", valueName: "supply")) var supply: String

        func execute(_ out: Output) throws(GSLError) {
            let view = try MatchService(store: global.openStore()).explain(demand: demand, supply: supply)
            MatchPresenter.explain(view, out)
        }
    }

    struct Recommend: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "recommend", abstract: "为需求推荐供给 recommend supplies for a demand",
            discussion: "例：gsl match recommend D001 --top 10")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("需求 demand", valueName: "demand")) var demand: String
        @Option(help: "前 K 个 top K") var top = 10

        func execute(_ out: Output) throws(GSLError) {
            guard top > 0 else { throw GSLError.usage("--top 应为正整数", en: "--top must be positive") }
            let view = try MatchService(store: global.openStore()).recommend(demand: demand, top: top)
            MatchPresenter.recommend(view, out)
        }
    }

    struct Propose: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "propose", abstract: "把一对供需记为推荐 propose one pair",
            discussion: "例：gsl match propose D001 S017 --date 2025-03-01")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("需求 demand", valueName: "demand")) var demand: String
        @Argument(help: ArgumentHelp("供给 supply", valueName: "supply")) var supply: String
        @Option(help: "日期 date (default today)") var date: String?
        @Option(help: "备注 note") var note: String?

        func execute(_ out: Output) throws(GSLError) {
            let view = try MatchService(store: global.openStore()).propose(
                demand: demand, supply: supply, date: try global.day(date), note: note,
                context: global.context())
            MatchPresenter.showProposal(view, out)
        }
    }

    struct Run: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: "全市场匹配 whole-market run",
            discussion: """
                assignment 一对一最优指派；stable 稳定匹配（供给有容量）；capacity 容量约束下总分最大（最小费用流）。
                例：gsl match run --kind credit --mode capacity --date 2025-03-01
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "类别 kind") var kind: String
        @Option(help: "方式 mode: assignment|stable|capacity") var mode = "assignment"
        @Option(help: "日期 date (default today)") var date: String?
        @Option(help: "候选图写入 CSV write the candidate graph (demand,supply,score_micro)") var graph: String?

        func execute(_ out: Output) throws(GSLError) {
            let view = try MatchService(store: global.openStore()).run(
                kind: try matchOption(kind, PostingKind.self, Message("类别", en: "kind"))!,
                mode: try matchOption(mode, MatchMode.self, Message("匹配方式", en: "mode"))!,
                date: try global.day(date), keepGraph: graph != nil, context: global.context())
            if let graph { try MatchPresenter.writeGraph(view, to: graph) }
            MatchPresenter.run(view, out)
        }
    }

    struct Proposals: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "proposals", abstract: "列出匹配推荐 list match proposals",
            discussion: "例：gsl match proposals --kind credit --state deal")
        @OptionGroup var global: GlobalOptions
        @Option(help: "类别 kind") var kind: String?
        @Option(help: "状态 state: proposed|introduced|negotiating|deal|failed") var state: String?
        @Option(help: "匹配批次 run id") var run: Int64?
        @Option(help: "最多条数 limit") var limit = 1000

        func execute(_ out: Output) throws(GSLError) {
            let rows = try MatchService(store: global.openStore()).proposalList(
                kind: try matchOption(kind, PostingKind.self, Message("类别", en: "kind")),
                state: try matchOption(state, MatchState.self, Message("状态", en: "state")), runID: run,
                limit: limit)
            MatchPresenter.proposals(rows, out)
        }
    }

    struct Proposal: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "proposal", abstract: "查看匹配推荐与跟进记录 show a proposal and its log")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("推荐编号 proposal id", valueName: "id")) var id: Int64

        func execute(_ out: Output) throws(GSLError) {
            MatchPresenter.showProposal(try MatchService(store: global.openStore()).proposal(id), out)
        }
    }
}
