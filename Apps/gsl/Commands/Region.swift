import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

extension DivisionLevel: LenientArgument {}

/// `gsl region …`: administrative divisions.
struct RegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region", abstract: "行政区划 administrative divisions",
        subcommands: [Import.self, List.self, Show.self])

    /// `gsl region import FILE`.
    struct Import: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入区划 import divisions (code, name, parent_code, kind)",
            discussion: "例：gsl region import towns.csv（上级须已存在或在同一文件中）")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: ImportFlags

        func execute(_ out: Output) throws(GSLError) {
            let report = try RecordsService(store: global.openStore()).importRegions(
                [flags.options()], context: global.context())
            ImportReporting.show(report, entity: Message("区划", en: "divisions"), out)
        }
    }

    /// `gsl region list`.
    struct List: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出区划 list divisions",
            discussion: "例：gsl region list --parent 330203；gsl region list --parent 宁海县 --level village")
        @OptionGroup var global: GlobalOptions
        @Option(help: "上级（代码或名称） parent code or name") var parent: String?
        @Option(help: "层级 level: county|town|village") var level: DivisionLevel?
        @Option(help: "最多条数 limit") var limit: Int?

        func execute(_ out: Output) throws(GSLError) {
            let regions = try RecordsService(store: global.openStore()).regionList(
                parent: parent, level: level, limit: limit)
            out.table(RegionPresenter.columns(out), regions.map { RegionPresenter.row($0, out) })
        }
    }

    /// `gsl region show CODE`.
    struct Show: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "查看区划及其上级路径 show a division and its path from the top",
            discussion: "例：gsl region show 330226100201")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "代码或名称 code or name") var ref: String

        func execute(_ out: Output) throws(GSLError) {
            let view = try RecordsService(store: global.openStore()).region(ref)
            out.table(RegionPresenter.columns(out), view.path.map { RegionPresenter.row($0, out) })
            out.notice(Message("下级 \(view.children) 个", en: "\(view.children) direct subdivisions"))
        }
    }
}
