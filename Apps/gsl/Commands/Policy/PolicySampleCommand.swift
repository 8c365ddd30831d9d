import ArgumentParser
import Foundation
import GSLCore
import GSLDemo
import GSLPolicyStore
import GSLStore

extension PolicyCommand {
    /// `gsl policy sample --out DIR --seed S`: the science-and-technology policy example.
    struct Sample: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample", abstract: "生成科技创新政策评估样例数据 write the S&T policy example",
            discussion: """
                为库中企业生成 企业面板.csv 与 受惠企业.csv；--standalone 另生成 企业.csv（先用 gsl org import 导入），
                不读库。真实效应：研发投入在政策当年提高 12%，此后每年再加 4 个百分点。
                例：gsl policy sample --out 样例 --seed 7
                    gsl policy sample --out 样例 --standalone --firms 2000
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "输出目录 output directory") var out: String
        @Option(help: "随机种子 seed") var seed: UInt64 = 1
        @Option(help: "企业数（至多）firms, at most (default 600)") var firms = 600
        @Option(help: "起始年份 first year") var firstYear = 2017
        @Option(help: "年数 years") var years = 8
        @Option(help: "政策批次数 adoption years") var cohorts = 3
        @Flag(help: "自带企业，不读库 self-contained firms (writes 企业.csv)") var standalone = false

        func execute(_ output: Output) throws(GSLError) {
            guard (1...5_000_000).contains(firms), (3...60).contains(years) else {
                throw GSLError.usage("企业数 1–5000000，年数 3–60", en: "firms 1–5000000, years 3–60")
            }
            let sample = PolicySample(firstYear: firstYear, years: years, cohortCount: cohorts, seed: seed)
            var files: [(String, String)] = []
            let usccs: [String]
            if standalone {
                let generator = SyntheticOrganisations(regionCodes: ["330203"])
                let orgs = generator.csv(count: firms, seed: seed)
                usccs = (0..<firms).map { SyntheticOrganisations.uscc(index: $0, region: "330203") }
                files.append(("企业.csv", orgs))
            } else {
                usccs = try PolicyService(store: global.openStore()).enterprises(limit: firms).map(\.uscc)
                guard !usccs.isEmpty else {
                    throw GSLError.notFound(
                        "库中没有带信用代码的企业（可加 --standalone）",
                        en: "no enterprises with a USCC in the store (try --standalone)")
                }
            }
            let (panel, treatments) = sample.csv(usccs: usccs)
            files.append(("企业面板.csv", panel))
            files.append(("受惠企业.csv", treatments))
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw GSLError(.cannotCreate, Message("无法创建目录 \(out)", en: "cannot create directory \(out)"))
            }
            for (name, text) in files {
                try PolicyPresenter.write(text, to: (out as NSString).appendingPathComponent(name))
            }
            output.notice(
                Message(
                    "已写出 \(files.map(\.0).joined(separator: "、"))（\(usccs.count) 家企业，\(years) 年）到 \(out)",
                    en:
                        "wrote \(files.map(\.0).joined(separator: ", ")) (\(usccs.count) firms, \(years) years) to \(out)"
                ))
        }
    }
}
