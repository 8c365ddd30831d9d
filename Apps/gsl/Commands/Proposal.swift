import ArgumentParser
import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLTabular

/// `gsl proposal …`: proposals (提案) from filing (立案) to closure (办结), with adoption records.
struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal", abstract: "提案办理 proposals",
        discussion: """
            例 examples:
              gsl proposal file --title 关于缓解民营企业融资难的建议 --proposer 张三 --date 2025-01-15
              gsl proposal assign 1 --lead 市金融办 --assist 市财政局 --date 2025-02-01
              gsl proposal answer 1 --grade A --date 2025-04-20
              gsl proposal evaluate 1 --satisfaction 满意 && gsl proposal close 1
              gsl proposal adopt 1 --level national --body 全国政协
            立案 → 交办 → 答复（A/B/C）→ 委员评价 → 办结；不满意可重新答复；采用可在任何状态记录。
            """,
        subcommands: [
            File.self, Assign.self, Answer.self, Evaluate.self, Close.self, Adopt.self, List.self, Show.self,
        ])
}

/// Options every action on a proposal takes.
struct ProposalActionOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("提案编号 proposal id", valueName: "id")) var id: Int64
    @Option(help: "日期 date (default today)") var date: String?
    @Option(help: "备注 note") var note: String?
    @Option(name: .customLong("expect-version"), help: "期望的版本号 expected version (optimistic lock)")
    var expectVersion: Int64?
}

/// Runs one action and prints the proposal.
enum ProposalActionRunner {
    static func run(
        _ action: ProposalAction, _ options: ProposalActionOptions, _ global: GlobalOptions, _ out: Output
    ) throws(GSLError) {
        let day = try global.day(options.date)
        let view = try ProposalService(store: global.openStore()).act(
            action, proposalID: options.id, on: day, note: options.note,
            expectedVersion: options.expectVersion,
            context: global.context())
        InfoPresenter.showProposal(view.proposal, events: view.events, adoptions: view.adoptions, out)
    }
}

extension ProposalCommand {
    struct File: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "file", abstract: "立案 file a proposal",
            discussion: "例：gsl proposal file --title 关于优化营商环境的建议 --proposer 张三 --chamber 宁波市温州商会")
        @OptionGroup var global: GlobalOptions
        @Option(help: "标题 title") var title: String
        @Option(help: "提案人 proposer") var proposer: String
        @Option(help: "商会 chamber") var chamber: String?
        @Option(help: "正文 text") var body: String?
        @Option(help: "立案日期 date (default today)") var date: String?

        func execute(_ out: Output) throws(GSLError) {
            let day = try global.day(date)
            let view = try ProposalService(store: global.openStore()).file(
                title: title, proposer: proposer, chamber: chamber, body: body, date: day,
                context: global.context())
            InfoPresenter.showProposal(view.proposal, events: view.events, adoptions: view.adoptions, out)
        }
    }

    struct Assign: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "交办（主办、协办） assign lead and assisting departments")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ProposalActionOptions
        @Option(help: "主办单位 lead department") var lead: String
        @Option(name: .customLong("assist"), help: "协办单位（可多次） assisting department (repeatable)")
        var assisting: [String] = []
        func execute(_ out: Output) throws(GSLError) {
            try ProposalActionRunner.run(.assign(lead: lead, assisting: assisting), options, global, out)
        }
    }

    struct Answer: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "answer", abstract: "答复（A/B/C 类） answer with a grade",
            discussion: "A 已解决或基本解决；B 正在解决或列入计划；C 留作参考")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ProposalActionOptions
        @Option(help: "答复类别 grade: A|B|C") var grade: String
        func execute(_ out: Output) throws(GSLError) {
            try ProposalActionRunner.run(
                .answer(try optionValue(grade, AnswerGrade.parse)!), options, global, out)
        }
    }

    struct Evaluate: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluate", abstract: "委员评价 the proposer's evaluation",
            discussion: "例：gsl proposal evaluate 1 --satisfaction 基本满意")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ProposalActionOptions
        @Option(help: "满意度 满意|基本满意|不满意") var satisfaction: String
        func execute(_ out: Output) throws(GSLError) {
            try ProposalActionRunner.run(
                .evaluate(try optionValue(satisfaction, Satisfaction.parse)!), options, global, out)
        }
    }

    struct Close: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "办结 close")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ProposalActionOptions
        func execute(_ out: Output) throws(GSLError) {
            try ProposalActionRunner.run(.close, options, global, out)
        }
    }

    struct Adopt: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "adopt", abstract: "采用记录（可多次） record an adoption (repeatable)",
            discussion: "例：gsl proposal adopt 1 --level national --body 全国政协")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ProposalActionOptions
        @Option(help: "级别 level: national|provincial|municipal") var level: String
        @Option(help: "采用单位 adopting body") var body: String
        func execute(_ out: Output) throws(GSLError) {
            try ProposalActionRunner.run(
                .adopt(level: try optionValue(level, InfoLevel.parse)!, body: body), options, global, out)
        }
    }

    struct List: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出提案 list proposals",
            discussion: "例：gsl proposal list --period 2025 --state answered")
        @OptionGroup var global: GlobalOptions
        @Option(help: "立案期间 period filed") var period: String?
        @Option(help: "状态 state: filed|assigned|answered|evaluated|closed") var state: String?
        @Option(help: "最多条数 limit") var limit = 1000

        func execute(_ out: Output) throws(GSLError) {
            let p = try period.map { (t: String) throws(GSLError) in try Period.parse(t) }
            var s: ProposalState?
            if let state {
                guard
                    let parsed = ProposalState.allCases.first(where: {
                        $0.rawValue == state.lowercased() || $0.label.zh == state
                    })
                else {
                    throw GSLError.usage(
                        "未知的提案状态“\(state)”；可用：filed、assigned、answered、evaluated、closed",
                        en:
                            "unknown proposal state '\(state)'; known: filed, assigned, answered, evaluated, closed"
                    ).because(.caseUnknownValue)
                }
                s = parsed
            }
            let rows = try ProposalService(store: global.openStore()).list(
                period: p, state: s, limit: limit)
            out.table(InfoPresenter.proposalColumns(out), rows.map { InfoPresenter.proposalRow($0, out) })
        }
    }

    struct Show: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "查看提案与时间线 show a proposal and its timeline")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("提案编号 proposal id", valueName: "id")) var id: Int64

        func execute(_ out: Output) throws(GSLError) {
            let view = try ProposalService(store: global.openStore()).show(id)
            InfoPresenter.showProposal(view.proposal, events: view.events, adoptions: view.adoptions, out)
        }
    }
}
