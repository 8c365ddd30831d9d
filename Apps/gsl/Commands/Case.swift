import ArgumentParser
import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLTabular

extension CaseSource: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
}

extension CasePriority: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
}

extension CaseSource {
    init(parsing text: String) throws(GSLError) { self = try CaseSource.parse(text) }
}

extension CasePriority {
    init(parsing text: String) throws(GSLError) { self = try CasePriority.parse(text) }
}

/// `gsl case …`: enterprise requests (诉求) from receipt to closure, on the Chinese work calendar.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "企业诉求办理 enterprise requests (诉求)",
        discussion: """
            例 examples:
              gsl case open --org 91330200711192037M --category 融资信贷 --source visit --title 贷款续贷困难
              gsl case assign 1 --lead 市金融办 --assist 人行宁波中心支行
              gsl case start 1 && gsl case answer 1 --note 已协调续贷
              gsl case evaluate 1 --contacted --solved --satisfaction 满意 && gsl case close 1
              gsl case note 1 企业来电补充材料
              gsl case sla --overdue;  gsl case escalate;  gsl case rates --by department --period 2025
            """,
        subcommands: [
            Open.self, Import.self, List.self, Show.self, Export.self, Receive.self, Assign.self, Start.self,
            Pause.self, Resume.self, Answer.self,
            Evaluate.self, Close.self, Reject.self, Merge.self, Reopen.self, Note.self, SLA.self,
            Escalate.self,
            Rates.self, Similar.self, Config.self,
        ])
}

/// Options every action takes.
struct CaseActionOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("诉求编号 request id", valueName: "id")) var id: Int64
    @Option(help: "日期 date (default today)") var date: String?
    @Option(help: "备注 note") var note: String?
    @Option(name: .customLong("expect-version"), help: "期望的版本号 expected version (optimistic lock)")
    var expectVersion: Int64?
}

/// Runs one action and prints the request.
enum CaseActionRunner {
    static func run(
        _ action: CaseAction, _ options: CaseActionOptions, _ global: GlobalOptions, _ out: Output
    ) throws(GSLError) {
        let view = try CaseService(store: global.openStore()).act(
            action, caseID: options.id, on: try global.day(options.date), note: options.note,
            expectedVersion: options.expectVersion, context: global.context())
        CasePresenter.show(view.record, events: view.events, out)
    }
}

extension CaseCommand {
    struct Note: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "note", abstract: "备注（不改变状态） add a note, no transition",
            discussion: "例：gsl case note 3 企业来电补充材料 --date 2025-03-05")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("诉求编号 request id", valueName: "id")) var id: Int64
        @Argument(help: ArgumentHelp("备注 note text", valueName: "text")) var text: String
        @Option(help: "日期 date (default today)") var date: String?
        @Option(name: .customLong("expect-version"), help: "期望的版本号 expected version (optimistic lock)")
        var expectVersion: Int64?
        func execute(_ out: Output) throws(GSLError) {
            let view = try CaseService(store: global.openStore()).note(
                caseID: id, text: text, on: try global.day(date), expectedVersion: expectVersion,
                context: global.context())
            CasePresenter.show(view.record, events: view.events, out)
        }
    }

    struct Receive: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "receive", abstract: "受理 receive")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CaseActionOptions
        func execute(_ out: Output) throws(GSLError) {
            try CaseActionRunner.run(.receive, options, global, out)
        }
    }

    struct Assign: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "交办（主办、协办） assign lead and assisting departments")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CaseActionOptions
        @Option(help: "主办部门 lead department") var lead: String
        @Option(name: .customLong("assist"), help: "协办部门（可多次） assisting department (repeatable)")
        var assisting: [String] = []
        func execute(_ out: Output) throws(GSLError) {
            try CaseActionRunner.run(.assign(lead: lead, assisting: assisting), options, global, out)
        }
    }

    struct Start: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "start", abstract: "开始办理 start work")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CaseActionOptions
        func execute(_ out: Output) throws(GSLError) {
            try CaseActionRunner.run(.start, options, global, out)
        }
    }

    struct Pause: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "pause", abstract: "待反馈（暂停计时） pending, SLA paused")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CaseActionOptions
        func execute(_ out: Output) throws(GSLError) {
            try CaseActionRunner.run(.pause, options, global, out)
        }
    }

    struct Resume: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "resume", abstract: "恢复办理 resume")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CaseActionOptions
        func execute(_ out: Output) throws(GSLError) {
            try CaseActionRunner.run(.resume, options, global, out)
        }
    }

    struct Answer: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "answer", abstract: "答复 answer")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CaseActionOptions
        func execute(_ out: Output) throws(GSLError) {
            try CaseActionRunner.run(.answer, options, global, out)
        }
    }

    struct Evaluate: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluate", abstract: "回访 callback: contacted, solved, satisfaction",
            discussion: "例：gsl case evaluate 3 --contacted --solved --satisfaction 基本满意")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CaseActionOptions
        @Flag(help: "已联系上 contacted") var contacted = false
        @Flag(help: "已解决 solved") var solved = false
        @Option(help: "满意度 满意|基本满意|不满意") var satisfaction: String?
        @Flag(help: "无效回访（不计入三率） invalid callback") var invalid = false
        func execute(_ out: Output) throws(GSLError) {
            let s = try optionValue(satisfaction) { (t: String) throws(GSLError) in try Satisfaction.parse(t)
            }
            try CaseActionRunner.run(
                .evaluate(Callback(contacted: contacted, solved: solved, satisfaction: s, valid: !invalid)),
                options, global, out)
        }
    }

    struct Close: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "办结 close")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CaseActionOptions
        func execute(_ out: Output) throws(GSLError) {
            try CaseActionRunner.run(.close, options, global, out)
        }
    }

    struct Reject: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject", abstract: "不予受理（须说明理由） reject with a reason")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CaseActionOptions
        @Option(help: "理由 reason") var reason: String
        func execute(_ out: Output) throws(GSLError) {
            try CaseActionRunner.run(.reject(reason: reason), options, global, out)
        }
    }

    struct Merge: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge", abstract: "并案 merge into another open request")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CaseActionOptions
        @Option(help: "并入的诉求编号 target request id") var into: Int64
        func execute(_ out: Output) throws(GSLError) {
            try CaseActionRunner.run(.merge(into: String(into), targetState: .received), options, global, out)
        }
    }

    struct Reopen: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen", abstract: "重新办理（回访不满意后） reopen after an unsatisfied callback")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: CaseActionOptions
        func execute(_ out: Output) throws(GSLError) {
            try CaseActionRunner.run(.reopen, options, global, out)
        }
    }
}
