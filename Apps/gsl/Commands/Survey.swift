import ArgumentParser
import Foundation
import GSLCore
import GSLDemo
import GSLStore
import GSLSurveys
import GSLSurveysStore
import GSLTabular

extension ProfileDimension: LenientArgument {}

/// `gsl survey …`: 问卷星 exports imported as they come, linked to people and enterprises,
/// weighted, tabulated and tested.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "问卷调查：导入问卷星、加权、频数、交叉表 surveys",
        discussion: """
            例 examples:
              gsl survey import All_Data_Readable.xlsx --survey 新生代2023
              gsl survey codebook 新生代2023 > 码本.yaml
              gsl survey freq 新生代2023 Q4;  gsl survey crosstab 新生代2023 Q2 Q5
              gsl survey weight 新生代2023 --margins 边际.yaml
              gsl survey mean 新生代2023 Q6;  gsl survey report 新生代2023 --out 报告.html
            """,
        subcommands: [
            Import.self, Codebook.self, List.self, Show.self, Freq.self, Crosstab.self, Mean.self,
            Weight.self,
            Profile.self, Report.self, Sample.self,
        ])
}

extension SurveyCommand {
    /// `gsl survey import FILE --survey NAME`.
    struct Import: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入问卷星答卷（按选项文本或序号；CSV/xlsx） import a 问卷星 export",
            discussion: """
                题目结构从表头推断；用 --codebook 给出或更正。序号重复、选项不在码本中、必答题为空等都会整份拒绝。
                已导入的序号再次导入时跳过（问卷星每次导出全部答卷）。
                例：gsl survey import All_Data_Readable.csv --survey 新生代2023 --title 新生代企业家调查
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: ImportFlags
        @Option(help: "调查名 survey name") var survey: String
        @Option(help: "码本文件 codebook (YAML)") var codebook: String?
        @Option(help: "问卷标题 title") var title: String?

        func execute(_ out: Output) throws(GSLError) {
            let report = try SurveyService(store: global.openStore()).importFile(
                try flags.options(), survey: survey, codebookFile: codebook, title: title,
                context: global.context())
            SurveyPresenter.imported(report, out)
        }
    }

    /// `gsl survey codebook NAME`.
    struct Codebook: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "codebook", abstract: "打印码本（YAML，可编辑后用 --codebook 导入） print the codebook")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "调查名 survey") var name: String

        func execute(_ out: Output) throws(GSLError) {
            let codebook = try SurveyService(store: global.openStore()).codebook(name)
            SurveyPresenter.codebook(codebook, out, explicitFormat: global.format != nil)
        }
    }

    /// `gsl survey list`.
    struct List: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "调查列表 list surveys")
        @OptionGroup var global: GlobalOptions

        func execute(_ out: Output) throws(GSLError) {
            SurveyPresenter.list(try SurveyService(store: global.openStore()).list(), out)
        }
    }

    /// `gsl survey show NAME`.
    struct Show: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "调查概况与受访者（匹配情况） a survey and its respondents",
            discussion: "例：gsl survey show 新生代2023 --status ambiguous（列出有歧义的受访者，不猜）")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "调查名 survey") var name: String
        @Option(help: "匹配状态 link status: matched|ambiguous|unmatched|not-asked") var status: String?
        @Flag(help: "显示姓名、手机号 unmask personal fields") var unmask = false

        func execute(_ out: Output) throws(GSLError) {
            let st = try optionValue(status) { (t: String) throws(GSLError) in
                guard let s = LinkStatus(rawValue: t) ?? LinkStatus.allCases.first(where: { $0.zh == t })
                else {
                    throw GSLError.usage(
                        "未知的匹配状态「\(t)」（matched、ambiguous、unmatched、not-asked）",
                        en: "unknown link status '\(t)' (matched, ambiguous, unmatched, not-asked)")
                }
                return s
            }
            let (record, respondents) = try SurveyService(store: global.openStore()).show(
                name, status: st, unmask: unmask)
            if unmask { global.protectUnmaskedOutput() }
            SurveyPresenter.show(record, respondents, out)
        }
    }

    /// `gsl survey weight NAME --margins FILE | --margins-from-store DIM=Q …`.
    struct Weight: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "weight", abstract: "按已知边际加权（事后分层/raking） weight to known margins",
            discussion: """
                边际文件（YAML）：
                  margins:
                    - question: 3
                      targets: {鄞州区: 1200, 余姚市: 800}
                    - question: [7, 9]        # 联合边际（各格）
                      targets: {鄞州区×小型: 300, 鄞州区×微型: 900, …}
                  trim: {lower: 0.3, upper: 3}
                各边际合计须相同（或都为比例、合计 1）。
                或取库中总体：--margins-from-store county=7 --margins-from-store size=9
                （维度 county 区县、size 规模、industry 行业；按选项名对应库中类别，“其他…”选项收其余；
                --population members 会员企业（默认）| enterprises 库中全部企业；--joint 按各维交叉格事后分层）
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "调查名 survey") var name: String
        @Option(help: "边际文件 margins file (YAML)") var margins: String?
        @Option(
            name: .customLong("margins-from-store"),
            help: "库中总体的边际 a margin from the store: county|size|industry=QUESTION (repeatable)")
        var fromStore: [String] = []
        @Option(help: "总体 population: members|enterprises") var population: String = "members"
        @Flag(help: "各维交叉为一个联合边际（事后分层） one joint margin over the cells") var joint = false
        @Option(help: "修剪界限 trim bounds relative to the mean weight, e.g. 0.3,3") var trim: String?
        @Flag(name: .customLong("dry-run"), help: "只计算不保存 compute, store nothing") var dryRun = false

        func execute(_ out: Output) throws(GSLError) {
            let service = try SurveyService(store: global.openStore())
            switch (margins, fromStore.isEmpty) {
            case (let file?, true):
                guard trim == nil, !joint else {
                    throw GSLError.usage(
                        "--trim 与 --joint 只用于 --margins-from-store；边际文件里写 trim",
                        en: "--trim and --joint go with --margins-from-store; a margins file has its own trim"
                    )
                }
                let summary = try service.weight(
                    name, marginsFile: file, context: global.context(), dryRun: dryRun)
                SurveyPresenter.weighting(summary, out)
            case (nil, false):
                guard let scope = PopulationScope(rawValue: population) else {
                    throw GSLError.usage(
                        "总体应为 members 或 enterprises：\(population)",
                        en: "population must be members or enterprises: \(population)")
                }
                var pairings: [PopulationMargins.Pairing] = []
                for text in fromStore { try pairings.append(PopulationMargins.Pairing.parse(text)) }
                let (summary, table) = try service.weight(
                    name, fromStore: pairings, scope: scope, joint: joint, trim: Self.trim(trim),
                    context: global.context(), dryRun: dryRun)
                SurveyPresenter.weighting(summary, population: table, out)
            default:
                throw GSLError.usage(
                    "请给出 --margins 文件或 --margins-from-store（二者取一）",
                    en: "give either --margins FILE or --margins-from-store (one of them)")
            }
        }

        /// Reads `0.3,3`.
        static func trim(_ text: String?) throws(GSLError) -> Raking.Trim? {
            guard let text else { return nil }
            let parts = text.split(whereSeparator: { $0 == "," || $0 == "，" }).compactMap {
                Double($0.trimmingCharacters(in: .whitespaces))
            }
            guard parts.count == 2, parts[0] > 0, parts[0] < 1, parts[1] > 1 else {
                throw GSLError.usage(
                    "--trim 应为 下限,上限（下限在 0 与 1 之间，上限大于 1）：\(text)",
                    en: "--trim must be lower,upper with 0 < lower < 1 < upper: \(text)"
                ).because(.surveysMarginInvalid)
            }
            return Raking.Trim(lower: parts[0], upper: parts[1])
        }
    }

    /// `gsl survey sample --out FILE`.
    struct Sample: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample", abstract: "生成模拟的新生代企业家问卷星导出 write a synthetic 问卷星 export",
            discussion: """
                例：gsl survey sample --out 新生代.csv --n 3262 --layout text；.xlsx 结尾写工作簿
                    gsl survey sample --out 新生代.xlsx --from-store   # 答卷人多为库中企业家，导入后关联到人员和企业
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "输出文件 output file (.csv or .xlsx)") var out: String
        @Option(help: "版式 layout: text|code") var layout: String = "text"
        @Option(help: "答卷数 respondents") var n: Int = 3262
        @Option(help: "随机种子 seed") var seed: UInt64 = 2023
        @Flag(
            name: .customLong("from-store"),
            help: "答卷人取自库中企业家（导入后可关联） respondents from the store's entrepreneurs")
        var fromStore = false

        func execute(_ output: Output) throws(GSLError) {
            guard let layout = SurveySampleLayout(rawValue: layout) else {
                throw GSLError.usage(
                    "未知的版式「\(layout)」（text、code）", en: "unknown layout '\(layout)' (text, code)")
            }
            guard n > 0 && n <= 1_000_000 else {
                throw GSLError.usage(
                    "答卷数应在 1 到 1000000 之间：\(n)", en: "--n must be between 1 and 1000000: \(n)")
            }
            let (columns, known) = try SurveyExportFile.write(
                out: out, n: n, layout: layout, seed: seed, year: 2023,
                store: fromStore ? global.openStore() : nil, context: global.context())
            output.notice(
                Message(
                    "已写入 \(out)：\(n) 份答卷，\(columns) 列（\(layout.rawValue)）\(fromStore ? "；其中 \(known) 份为库中企业家" : "")",
                    en:
                        "wrote \(out): \(n) respondents, \(columns) columns (\(layout.rawValue))\(fromStore ? "; \(known) of them the store's entrepreneurs" : "")"
                )
            )
        }
    }
}
