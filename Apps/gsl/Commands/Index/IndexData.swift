import ArgumentParser
import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTabular

extension IndexCommand {
    /// `gsl index data import|list|generate`.
    struct DataCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "data", abstract: "指标数据 indicator data",
            subcommands: [Import.self, List.self, Generate.self])

        /// `gsl index data import FILE`.
        struct Import: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "import", abstract: "导入指标数据（长表或宽表） import data (long or wide)",
                discussion: """
                    长表列：unit/单位, period/时期, indicator/指标, value/值。宽表：每个指标一列。
                    例：gsl index data import 2023数据.csv --framework qinqing@v2 --dataset ningbo
                    """)
            @OptionGroup var global: GlobalOptions
            @Argument(help: "文件 file (CSV/JSON/NDJSON)") var file: String
            @Option(help: "指标体系 framework code@version") var framework: String
            @Option(help: "数据集名称 dataset name") var dataset = "default"
            @Option(name: .customLong("unit-column"), help: "宽表单位列 wide: unit column") var unitColumn: String?
            @Option(name: .customLong("period-column"), help: "宽表时期列 wide: period column") var periodColumn:
                String?
            @Option(help: "宽表时期 wide: the period of every row") var period: String?
            @Option(name: .customLong("name-column"), help: "宽表名称列 wide: unit name column") var nameColumn:
                String?
            @Option(name: .customLong("group"), help: "分组列（可多次） group column (repeatable)") var groups:
                [String] = []
            @Option(name: .customLong("ignore"), help: "忽略的列（可多次） column to ignore") var ignored: [String] =
                []
            @Option(help: "编码 encoding: auto|utf8|gb18030") var encoding: InputEncoding = .auto
            @Flag(help: "单位须为已载入的区划代码 units must be loaded division codes") var regions = false
            @Flag(name: .customLong("dry-run"), help: "只校验不写入 validate only") var dryRun = false

            func execute(_ out: Output) throws(GSLError) {
                let layout = IndexService.DataLayout(
                    unitColumn: unitColumn, periodColumn: periodColumn, period: period,
                    nameColumn: nameColumn, groupColumns: groups, ignoredColumns: ignored)
                let r = try IndexService(store: global.openStore()).importData(
                    path: file, framework: framework, dataset: dataset, layout: layout, encoding: encoding,
                    unitsAreRegions: regions, dryRun: dryRun,
                    context: global.context())
                IndexDataPresenter.imported(r, dataset: dataset, dryRun: dryRun, out)
            }
        }

        /// `gsl index data list`.
        struct List: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "列出数据集 list datasets")
            @OptionGroup var global: GlobalOptions

            func execute(_ out: Output) throws(GSLError) {
                let sets = try IndexService(store: global.openStore()).datasets()
                IndexDataPresenter.list(sets, out)
            }
        }

        /// `gsl index data generate`: seeded synthetic data for Ningbo's ten county-level units.
        struct Generate: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "generate", abstract: "生成宁波 10 个区县 2019–2023 的合成数据 seeded synthetic Ningbo data",
                discussion: "例：gsl index data generate --framework qinqing@v2 --dataset ningbo --seed 2025")
            @OptionGroup var global: GlobalOptions
            @Option(help: "指标体系 framework code@version") var framework: String
            @Option(help: "数据集名称 dataset name") var dataset = "ningbo"
            @Option(help: "随机种子 seed") var seed: UInt64 = 2025

            func execute(_ out: Output) throws(GSLError) {
                let g = try IndexService(store: global.openStore()).generateSyntheticData(
                    framework: framework, dataset: dataset, seed: seed, context: global.context())
                IndexDataPresenter.generated(g, out)
            }
        }
    }
}
