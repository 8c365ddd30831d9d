import ArgumentParser
import Foundation
import GSLCore
import GSLPairing
import GSLPairingStore
import GSLStore

extension PairingStatsRepository.Grouping: LenientArgument {}
extension DistanceLevel: LenientArgument {}

/// `gsl pair …`: 商会联村·助力共富 — member enterprises paired with villages.
struct PairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pair", abstract: "商会联村结对（方案、结对、投资、共富工坊） pair firms with villages",
        discussion: """
            例 examples:
              gsl pair village import 村档案.csv
              gsl pair firm import 企业结对能力.csv
              gsl pair plan --campaign 商会联村2025 --min-per-village 1 --max-per-village 3 --max-per-enterprise 2
              gsl pair explain 1 --village 330206101201
              gsl pair apply 1 --date 2025-03-01
              gsl pair invest --org 宁波甬联科技有限公司 --village 330206101201 --kind project --amount 120万
              gsl pair workshop add --village 330206101201 --org 宁波甬联科技有限公司 --name 甬联共富工坊 \\
                --kind processing --opened 2025-05-01 --jobs 40 --wages 36万
              gsl pair stats --period 2025 --by county
            """,
        subcommands: [
            Village.self, Firm.self, Plan.self, Apply.self, Explain.self, Add.self, End.self, List.self,
            Invest.self, Workshop.self, Stats.self,
        ])

    struct Village: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "village", abstract: "村档案（集体经济收入、薄弱村、人口、需求） village profiles",
            subcommands: [VillageImport.self])
    }

    struct VillageImport: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "导入村档案 import village profiles",
            discussion: """
                列 columns: 村代码, 村集体经济收入, 薄弱村(是/否), 人口, 需求行业(门类字母或行业代码，用;分隔), 需求说明
                例：gsl pair village import 村档案.csv --on-conflict update
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: ImportFlags

        func execute(_ out: Output) throws(GSLError) {
            let report = try PairService(store: global.openStore()).importVillages(
                flags.options(), context: global.context())
            ImportReporting.show(report, entity: Message("村档案", en: "village profiles"), out)
        }
    }

    struct Firm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "firm", abstract: "企业结对档案（结对能力、预算） firm profiles", subcommands: [FirmImport.self])
    }

    struct FirmImport: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入企业结对能力与预算 import firm capacities and budgets",
            discussion: """
                列 columns: 统一社会信用代码或企业名称, 结对能力(可结对村数), 预算, 备注
                例：gsl pair firm import 企业结对能力.csv
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: ImportFlags

        func execute(_ out: Output) throws(GSLError) {
            let report = try PairService(store: global.openStore()).importFirms(
                flags.options(), context: global.context())
            ImportReporting.show(report, entity: Message("企业结对档案", en: "firm profiles"), out)
        }
    }

    struct Plan: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan", abstract: "求解结对方案（最小费用流，带下界） solve a pairing plan",
            discussion: """
                成本 = 距离（同乡镇 < 同区县 < 同市 < 其他）+ 行业不匹配 + 村的优先级（薄弱村、低收入村优先）。
                无可行方案时列出无法覆盖的村及原因，退出码 65，不写入。
                --format json 输出方案与网络（可用 gsl solve flow 重解 .network）。
                例：gsl pair plan --campaign 商会联村2025 --region 宁海县 --max-per-enterprise 2
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "结对活动 campaign (created when new)") var campaign: String
        @Option(help: "只含此区划下的村 villages under this division") var region: String?
        @Flag(name: .customLong("weak-only"), help: "只含薄弱村 weak villages only") var weakOnly = false
        @Option(name: .customLong("firm-region"), help: "只含此区划下的企业 firms under this division") var firmRegion:
            String?
        @Option(help: "只含此商会的会员企业 members of this chamber") var chamber: String?
        @Option(name: .customLong("min-per-village"), help: "每村最少结对企业数 (default 1)") var minPerVillage = 1
        @Option(name: .customLong("max-per-village"), help: "每村最多结对企业数 (default 3)") var maxPerVillage = 3
        @Option(name: .customLong("min-per-enterprise"), help: "每企业最少结对村数 (default 1)") var minPerEnterprise =
            1
        @Option(name: .customLong("max-per-enterprise"), help: "每企业最多结对村数 (default 3; 另受结对能力限制)")
        var maxPerEnterprise = 3
        @Option(help: "最远 farthest pair: town|county|city|elsewhere (default elsewhere)") var within:
            DistanceLevel = .elsewhere
        @Option(help: "每方候选数，0 为全网络 candidates per side, 0 = full network (default 20)") var candidates = 20
        @Flag(name: .customLong("dry-run"), help: "只求解不保存 solve without storing") var dryRun = false

        func execute(_ out: Output) throws(GSLError) {
            var timings: (@Sendable (String, Duration) -> Void)?
            if global.environment["GSL_TIMINGS"] != nil {
                timings = { phase, duration in
                    let ms =
                        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds)
                        / 1e15
                    FileHandle.standardError.write(Data("timings: \(phase) \(ms) ms\n".utf8))
                }
            }
            let selection = PairingProfileRepository.Selection(
                villageRegion: region, weakOnly: weakOnly, firmRegion: firmRegion, chamber: chamber)
            let bounds = PairingBounds(
                minPerVillage: minPerVillage, maxPerVillage: maxPerVillage, minPerFirm: minPerEnterprise,
                maxPerFirm: maxPerEnterprise, within: within, candidates: candidates)
            let result = try PairService(store: global.openStore()).plan(
                campaign: campaign, selection: selection, bounds: bounds, keepNetwork: out.isJSON,
                dryRun: dryRun,
                context: global.context(), timings: timings)
            switch result {
            case .planned(let view): PairPresenter.plan(view, out)
            case .infeasible(let view):
                PairPresenter.infeasible(view, out)
                throw view.error
            }
        }
    }

    struct Apply: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply", abstract: "按方案建立结对 turn a plan into pairings",
            discussion: "例：gsl pair apply 3 --date 2025-03-01")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "方案编号 plan number") var plan: Int64
        @Option(help: "结对开始日期 start date (default today)") var date: String?

        func execute(_ out: Output) throws(GSLError) {
            let day = try global.day(date)
            let (made, kept) = try PairService(store: global.openStore()).apply(
                plan: plan, on: day, context: global.context())
            out.notice(
                Message(
                    "方案 #\(plan) 已实施：新建结对 \(made) 个，已有 \(kept) 个",
                    en: "plan #\(plan) applied: \(made) pairings made, \(kept) already active"))
        }
    }

    struct Explain: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain", abstract: "解释某村的结对理由 why a village got its partners",
            discussion: "例：gsl pair explain 3 --village 330226102201")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "方案编号 plan number") var plan: Int64
        @Option(help: "村代码 village code") var village: String

        func execute(_ out: Output) throws(GSLError) {
            PairPresenter.explain(
                try PairService(store: global.openStore()).explain(plan: plan, village: village), out)
        }
    }
}
