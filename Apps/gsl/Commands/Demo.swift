import ArgumentParser
import Foundation
import GSLCore
import GSLDemo
import GSLDemoYear
import GSLStore
import GSLTabular

/// `gsl demo …`: deterministic synthetic data for demos and benchmarks.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "演示数据 synthetic demo data", subcommands: [Generate.self])

    /// `gsl demo generate`.
    struct Generate: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "生成一个工商联年度，或合成企业名录 CSV generate a federation year, or a synthetic enterprise CSV",
            discussion: """
                --year：经各模块的服务写入一个宁波量级的年度（商会与会员、走访与诉求、信息与提案、活动、对接、商会联村、指数数据），
                全部在一个事务中；同一种子得到同样的库内容。计划见 Datasets/demo/ningbo-year.yaml。
                without --year: a synthetic enterprise CSV (towns from the loaded divisions; run gsl ref load first).
                例：gsl demo generate --year 2023 --seed 2025
                    gsl demo generate --year 2023 --scale 10
                    gsl demo generate --orgs 3300 --seed 2025 --out firms.csv
                --survey FILE：写一份模拟的新生代企业家问卷星导出（.csv 或 .xlsx），答卷人多为库中企业家（可与 --year 同用，先生成年度）。
                    gsl demo generate --year 2023 --survey out/新生代2023.xlsx
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "生成这一年的工作记录 generate this year's records into the store") var year: Int?
        @Option(help: "规模倍数 scale of the year (0.01–100)") var scale: Double = 1
        @Option(help: "年度计划 YAML year plan (default Datasets/demo/ningbo-year.yaml)") var plan: String?
        @Flag(help: "在标准错误输出各阶段耗时 print each phase's time on stderr") var timings = false
        @Option(help: "企业数 number of enterprises (CSV mode)") var orgs: Int = 1000
        @Option(help: "随机种子 seed") var seed: UInt64 = 2025
        @Option(help: "输出文件 output file (default stdout; CSV mode)") var out: String?
        @Option(help: "问卷星导出文件 write a synthetic 问卷星 export of the store's entrepreneurs") var survey: String?
        @Option(help: "问卷答卷数 respondents in the export") var respondents: Int = 3262

        func execute(_ output: Output) throws(GSLError) {
            if let year { try generateYear(year, output) }
            if let survey {
                guard respondents > 0 && respondents <= 1_000_000 else {
                    throw GSLError.usage(
                        "--respondents 应在 1 到 1000000 之间", en: "--respondents must be 1–1000000")
                }
                let (columns, known) = try SurveyExportFile.write(
                    out: survey, n: respondents, layout: .text, seed: seed, year: year ?? 2023,
                    store: global.openStore(), context: global.context())
                output.notice(
                    Message(
                        "已写入问卷星导出 \(survey)：\(respondents) 份答卷（其中 \(known) 份为库中企业家），\(columns) 列",
                        en:
                            "wrote the 问卷星 export \(survey): \(respondents) respondents (\(known) of them the store's), \(columns) columns"
                    ))
            }
            if year != nil || survey != nil { return }
            guard orgs > 0 else { throw GSLError.usage("--orgs 应为正数", en: "--orgs must be positive") }
            let towns = try RecordsService(store: global.openStore()).regionList(
                parent: nil, level: .town, limit: nil
            ).map(\.code)
            guard !towns.isEmpty else {
                throw GSLError.notFound(
                    "区划表为空，请先运行 gsl ref load", en: "no divisions loaded; run gsl ref load first")
            }
            let generator = SyntheticOrganisations(regionCodes: towns)
            var text = ""
            let bar = orgs >= 10_000 ? ProgressBar.onTerminal(output.t("生成", "generate")) : nil
            defer { bar?.finish() }
            generator.writeCSV(
                count: orgs, seed: seed, progress: { i in if i % 4_096 == 0 { bar?.update(i, orgs) } },
                to: { text += $0 })
            bar?.update(orgs, orgs)
            bar?.finish()
            if let out {
                try OutputFile.write(text, to: out)
                output.notice(Message("已生成 \(orgs) 家企业：\(out)", en: "generated \(orgs) enterprises: \(out)"))
            } else {
                output.line(text)
            }
        }
    }
}

extension Demo.Generate {
    /// Generates a federation year into the store through the modules' services.
    func generateYear(_ year: Int, _ output: Output) throws(GSLError) {
        guard (2000...2100).contains(year) else {
            throw GSLError.usage(
                "--year 应在 2000–2100 之间：\(year)", en: "--year must lie in 2000–2100: \(year)")
        }
        guard scale.isFinite, (0.001...100).contains(scale) else {
            throw GSLError.usage("--scale 应在 0.001–100 之间", en: "--scale must lie in 0.001–100")
        }
        let datasets = URL(fileURLWithPath: try DatasetLocator.referenceDirectory(explicit: nil))
            .deletingLastPathComponent()
        let planPath = plan ?? datasets.appendingPathComponent("demo/ningbo-year.yaml").path
        guard let text = try? String(contentsOfFile: planPath, encoding: .utf8) else {
            throw GSLError.notFound("找不到年度计划：\(planPath)", en: "year plan not found: \(planPath)")
                .because(.fileNotFound)
        }
        let yearPlan = try YearPlan.parse(yaml: text, file: planPath)
        let framework =
            yearPlan.index.framework.hasPrefix("/")
            ? yearPlan.index.framework
            : datasets.deletingLastPathComponent().appendingPathComponent(yearPlan.index.framework).path
        let store = try global.openStore()
        let bar = ProgressBar.onTerminal(output.t("生成 \(year) 年度", "generating \(year)"))
        let phaseTimer = PhaseLaps()
        defer { bar?.finish() }
        let summary = try YearGenerator(store: store).generate(
            .init(
                year: year, seed: seed, scale: scale, plan: yearPlan, frameworkPath: framework,
                actor: global.actorName),
            progress: { name, i, n in
                bar?.update(i, n)
                if timings { phaseTimer.lap(name.text(output.lang)) }
            })
        output.table(
            [
                Column("what", title: output.t("内容", "what")),
                Column("count", title: output.t("数量", "count"), alignRight: true),
            ],
            summary.counts.map { [.text($0.label.text(output.lang)), .int(Int64($0.count))] })
    }
}

/// Times between the generator's phases, printed on stderr (`--timings`).
final class PhaseLaps {
    let clock = ContinuousClock()
    var last: ContinuousClock.Instant
    var name: String?

    init() { last = clock.now }

    /// Ends the running phase (printing its time) and starts `next`.
    func lap(_ next: String) {
        let now = clock.now
        if let name {
            let ms = (now - last).components
            let millis = ms.seconds * 1000 + ms.attoseconds / 1_000_000_000_000_000
            FileHandle.standardError.write(Data("\(name)\t\(millis) ms\n".utf8))
        }
        name = next
        last = now
    }
}
