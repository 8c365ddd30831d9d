import ArgumentParser
import Foundation
import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLTabular

extension InfoGrouping: LenientArgument {}

/// `gsl info …`: information reports (社情民意信息) from draft to adoptions, instructions and scores.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "社情民意信息 information reports",
        discussion: """
            例 examples:
              gsl info draft --title 民营企业融资成本偏高 --author 张三 --chamber 宁波市温州商会 --date 2025-03-01
              gsl info submit 1 --date 2025-03-02
              gsl info adopt 1 --level national --body 全国政协办公厅 --date 2025-04-10
              gsl info instruct 1 --level provincial --leader 省领导 --date 2025-05-10
              gsl info score --by author --period 2025 [--points points.yaml]
            """,
        subcommands: [Draft.self, Submit.self, Adopt.self, Instruct.self, List.self, Show.self, Score.self])
}

/// Options every event on a report takes.
struct InfoEventOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("信息编号 report id", valueName: "id")) var id: Int64
    @Option(help: "日期 date (default today)") var date: String?
    @Option(name: .customLong("expect-version"), help: "期望的版本号 expected version (optimistic lock)")
    var expectVersion: Int64?
}

/// Records one event and prints the report.
enum InfoEventRunner {
    static func run(
        _ kind: InfoEventKind, level: String?, body: String?, _ options: InfoEventOptions,
        _ global: GlobalOptions,
        _ out: Output
    ) throws(GSLError) {
        let day = try global.day(options.date)
        let parsedLevel = try optionValue(level) { (t: String) throws(GSLError) in try InfoLevel.parse(t) }
        let view = try InfoService(store: global.openStore()).record(
            kind, reportID: options.id, level: parsedLevel, body: body, date: day,
            expectedVersion: options.expectVersion, context: global.context())
        InfoPresenter.show(view.report, events: view.events, out)
    }
}

extension InfoCommand {
    struct Draft: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "draft", abstract: "起草信息 draft a report",
            discussion: "例：gsl info draft --title 中小企业用工缺口 --author 李四 --chamber 宁波市温州商会")
        @OptionGroup var global: GlobalOptions
        @Option(help: "标题 title") var title: String
        @Option(help: "作者 author") var author: String
        @Option(help: "商会（编号、信用代码或名称） chamber") var chamber: String?
        @Option(help: "正文 text") var body: String?
        @Option(help: "起草日期 date (default today)") var date: String?

        func execute(_ out: Output) throws(GSLError) {
            let day = try global.day(date)
            let view = try InfoService(store: global.openStore()).draft(
                title: title, author: author, chamber: chamber, body: body, date: day,
                context: global.context())
            InfoPresenter.show(view.report, events: view.events, out)
        }
    }

    struct Submit: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit", abstract: "报送 submit",
            discussion: "例：gsl info submit 1 --date 2025-03-02")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: InfoEventOptions
        func execute(_ out: Output) throws(GSLError) {
            try InfoEventRunner.run(.submit, level: nil, body: nil, options, global, out)
        }
    }

    struct Adopt: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "adopt", abstract: "采用（可多次） record an adoption (repeatable)",
            discussion: "例：gsl info adopt 1 --level national --body 全国政协办公厅 --date 2025-04-10")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: InfoEventOptions
        @Option(help: "级别 level: national|provincial|municipal（国家级|省级|市级）") var level: String
        @Option(help: "采用单位 adopting body") var body: String
        func execute(_ out: Output) throws(GSLError) {
            try InfoEventRunner.run(.adopt, level: level, body: body, options, global, out)
        }
    }

    struct Instruct: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "instruct", abstract: "领导批示（可多次） record a leader's instruction (repeatable)",
            discussion: "例：gsl info instruct 1 --level provincial --leader 省领导 --date 2025-05-10")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: InfoEventOptions
        @Option(help: "级别 level: national|provincial|municipal（国家级|省级|市级）") var level: String
        @Option(help: "批示领导 instructing leader") var leader: String
        func execute(_ out: Output) throws(GSLError) {
            try InfoEventRunner.run(.instruct, level: level, body: leader, options, global, out)
        }
    }

    struct List: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出信息 list reports",
            discussion: "例：gsl info list --period 2025H1")
        @OptionGroup var global: GlobalOptions
        @Option(help: "起草期间 period drafted (2025, 2025H1, 2025Q2, 2025-03)") var period: String?
        @Option(help: "最多条数 limit") var limit = 1000

        func execute(_ out: Output) throws(GSLError) {
            let p = try period.map { (t: String) throws(GSLError) in try Period.parse(t) }
            let reports = try InfoService(store: global.openStore()).list(period: p, limit: limit)
            out.table(InfoPresenter.columns(out), reports.map { InfoPresenter.row($0, out) })
        }
    }

    struct Show: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "查看信息及其采用、批示 show a report and its events")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("信息编号 report id", valueName: "id")) var id: Int64

        func execute(_ out: Output) throws(GSLError) {
            let view = try InfoService(store: global.openStore()).show(id)
            InfoPresenter.show(view.report, events: view.events, out)
        }
    }

    struct Score: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "score", abstract: "积分与排名 scores and rankings",
            discussion: """
                默认积分仅为示例，可用 --points 指定 JSON 或 YAML 积分表（见 Docs/info-and-proposals.md）。
                The default points are illustrative; give your own table with --points FILE (JSON or YAML).
                例：gsl info score --by chamber --period 2025 --points points.yaml
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "分组 by: author|chamber") var by: InfoGrouping = .author
        @Option(help: "期间（按事件日期） period, by event date") var period: String?
        @Option(help: "积分表文件 points table file (JSON or YAML)") var points: String?

        func execute(_ out: Output) throws(GSLError) {
            let p = try period.map { (t: String) throws(GSLError) in try Period.parse(t) }
            var table = InfoPointsTable.standard
            if let points {
                let data = try InputFile.bytes(points, what: Message("积分表文件", en: "points table file"))
                do {
                    table = try InfoPointsTable.parse(String(decoding: data, as: UTF8.self))
                } catch {
                    var named = GSLError(
                        error.kind,
                        Message("\(points)：" + error.message.zh, en: "\(points): " + error.message.en))
                    named.cause = error.cause
                    throw named
                }
            }
            let scores = try InfoService(store: global.openStore()).score(by: by, period: p, table: table)
            out.table(InfoPresenter.scoreColumns(out, by), scores.map { InfoPresenter.scoreRow($0, out) })
        }
    }
}
