import ArgumentParser
import Foundation
import GSLCore
import GSLDemo
import GSLMatching
import GSLMatchingStore
import GSLStore
import GSLTabular

/// Options every follow-through step takes.
struct MatchStepOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("推荐编号 proposal id", valueName: "id")) var id: Int64
    @Option(help: "日期 date (default today)") var date: String?
    @Option(help: "备注 note") var note: String?
    @Option(name: .customLong("expect-version"), help: "期望的版本号 expected version (optimistic lock)")
    var expectVersion: Int64?
}

/// Runs one step and prints the proposal with its log.
enum MatchStepRunner {
    static func run(_ action: MatchAction, _ o: MatchStepOptions, _ global: GlobalOptions, _ out: Output)
        throws(GSLError)
    {
        let view = try MatchService(store: global.openStore()).act(
            action, proposal: o.id, on: try global.day(o.date), note: o.note,
            expectedVersion: o.expectVersion,
            context: global.context())
        MatchPresenter.showProposal(view, out)
    }
}

extension MatchCommand {
    struct Introduce: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "introduce", abstract: "对接 introduce")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: MatchStepOptions
        func execute(_ out: Output) throws(GSLError) {
            try MatchStepRunner.run(.introduce, options, global, out)
        }
    }

    struct Negotiate: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "negotiate", abstract: "洽谈 negotiate")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: MatchStepOptions
        func execute(_ out: Output) throws(GSLError) {
            try MatchStepRunner.run(.negotiate, options, global, out)
        }
    }

    struct Deal: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "deal", abstract: "成交 record a deal",
            discussion: """
                项目、产品、服务、信贷须有金额；人才、培训须有录用人数或金额。
                例：gsl match deal 3 --amount 1.2亿 --date 2025-06-30
                    gsl match deal 7 --hires 3 --salary-band 100万以上
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: MatchStepOptions
        @Option(help: "金额 amount (1.2亿, 500万)") var amount: String?
        @Option(help: "录用人数 talents hired") var hires: Int?
        @Option(name: .customLong("salary-band"), help: "薪酬档 salary band") var salaryBand: String?
        func execute(_ out: Output) throws(GSLError) {
            let money = try optionValue(amount) { (t: String) throws(GSLError) in try Money.parse(t) }
            try MatchStepRunner.run(
                .deal(amount: money, hires: hires, salaryBand: salaryBand), options, global, out)
        }
    }

    struct Fail: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "fail", abstract: "未成 record a failure",
            discussion: "例：gsl match fail 4 --reason 利率未谈拢")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: MatchStepOptions
        @Option(help: "原因 reason") var reason: String
        func execute(_ out: Output) throws(GSLError) {
            try MatchStepRunner.run(.fail(reason: reason), options, global, out)
        }
    }

    struct Stats: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "对接成效统计 outcomes by period",
            discussion: "推荐、对接、成交、金额、转化率、服务企业数。例：gsl match stats --period 2025 --kind credit")
        @OptionGroup var global: GlobalOptions
        @Option(help: "期间 period (2025, 2025Q1, 2025-03)") var period: String
        @Option(help: "类别 kind") var kind: String?

        func execute(_ out: Output) throws(GSLError) {
            let p = try optionValue(period) { (t: String) throws(GSLError) in try Period.parse(t) }!
            let rows = try MatchService(store: global.openStore()).stats(
                period: p, kind: try matchOption(kind, PostingKind.self, Message("类别", en: "kind")))
            MatchPresenter.stats(rows, out)
        }
    }

    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile", abstract: "评分权重 weights profile",
            subcommands: [ShowProfile.self, ImportProfile.self])

        struct ShowProfile: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "show", abstract: "显示权重（YAML） show the weights profile")
            @OptionGroup var global: GlobalOptions
            func execute(_ out: Output) throws(GSLError) {
                MatchPresenter.profile(try MatchService(store: global.openStore()).profile, out)
            }
        }

        struct ImportProfile: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "import", abstract: "导入权重 YAML import a weights profile",
                discussion: "例：gsl match profile show > 权重.yaml，修改后 gsl match profile import 权重.yaml")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "YAML 文件 file") var file: String
            func execute(_ out: Output) throws(GSLError) {
                let profile = try MatchProfile.parse(try InputFile.text(file), file: file)
                try MatchService.configure(
                    store: global.openStore(), profile: profile, context: global.context())
                out.notice(Message("已保存评分权重", en: "weights profile saved"))
            }
        }
    }

    struct Generate: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate", abstract: "生成含已知配对的合成市场 generate a planted synthetic market",
            discussion: """
                写出 企业.csv、供需.csv、配对.csv 到目录；区划取自已载入的乡镇街道（先 gsl ref load）。
                例：gsl match generate --demands 50 --supplies 500 --seed 7 --out market
                    gsl org import market/企业.csv && gsl match import market/供需.csv
                    gsl match recall market/配对.csv --top 10
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "需求数 demands") var demands = 50
        @Option(help: "供给数 supplies") var supplies = 500
        @Option(help: "类别 kind") var kind = "project"
        @Option(help: "随机种子 seed") var seed: UInt64 = 2025
        @Option(help: "输出目录 output folder") var out: String

        func execute(_ output: Output) throws(GSLError) {
            guard demands > 0, supplies >= demands else {
                throw GSLError.usage(
                    "需求数应为正数且不多于供给数", en: "demands must be positive and at most the supplies")
            }
            let towns = try RecordsService(store: global.openStore()).regionList(
                parent: nil, level: .town, limit: nil
            )
            .map(\.code)
            guard !towns.isEmpty else {
                throw GSLError.notFound(
                    "区划表为空，请先运行 gsl ref load", en: "no divisions loaded; run gsl ref load first")
            }
            let k = try matchOption(kind, PostingKind.self, Message("类别", en: "kind"))!
            let market = PlantedMarket(townCodes: towns, kind: k.rawValue)
                .generate(demands: demands, supplies: supplies, seed: seed)
            try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for (name, text) in [
                ("企业.csv", market.organisations), ("供需.csv", market.postings), ("配对.csv", market.planted),
            ] {
                let path = (out as NSString).appendingPathComponent(name)
                try OutputFile.write(text, to: path)
            }
            output.notice(
                Message(
                    "已生成 \(demands) 条需求、\(supplies) 条供给、\(demands) 组已知配对：\(out)",
                    en: "generated \(demands) demands, \(supplies) supplies, \(demands) planted pairs: \(out)"
                ))
        }
    }

    struct Recall: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "recall", abstract: "已知配对的前 K 召回率 top-K recall of planted pairs",
            discussion: "文件两列：需求、供给（编号）。例：gsl match recall market/配对.csv --top 10")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "配对文件 planted pairs file (.csv, .json, .ndjson)") var file: String
        @Option(help: "前 K 个 top K") var top = 10

        func execute(_ out: Output) throws(GSLError) {
            guard top > 0 else { throw GSLError.usage("--top 应为正整数", en: "--top must be positive") }
            let view = try MatchService(store: global.openStore()).recall(
                file: ImportOptions(path: file), top: top)
            MatchPresenter.recall(view, out)
        }
    }
}
