import ArgumentParser
import Foundation
import GSLCore
import GSLDemo
import GSLStore
import GSLTabular

/// `gsl demo …`: deterministic synthetic data for demos and benchmarks.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "演示数据 synthetic demo data", subcommands: [Generate.self])

    /// `gsl demo generate`.
    struct Generate: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate", abstract: "生成合成企业名录 CSV generate a synthetic enterprise CSV",
            discussion:
                "区划取自已载入的乡镇街道（先 gsl ref load）。例：gsl demo generate --orgs 3300 --seed 2025 --out firms.csv")
        @OptionGroup var global: GlobalOptions
        @Option(help: "企业数 number of enterprises") var orgs: Int = 1000
        @Option(help: "随机种子 seed") var seed: UInt64 = 2025
        @Option(help: "输出文件 output file (default stdout)") var out: String?

        func execute(_ output: Output) throws(GSLError) {
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
                guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
                    throw GSLError.notFound("无法写入 \(out)", en: "cannot write \(out)")
                }
                output.notice(Message("已生成 \(orgs) 家企业：\(out)", en: "generated \(orgs) enterprises: \(out)"))
            } else {
                output.line(text)
            }
        }
    }
}
