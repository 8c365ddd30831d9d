import ArgumentParser
import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTabular

extension IndexCommand {
    /// `gsl index framework import|list|show|diff`.
    struct Framework: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "framework", abstract: "指标体系（版本化） versioned indicator frameworks",
            subcommands: [Import.self, List.self, Show.self, Diff.self])

        /// `gsl index framework import FILE…`.
        struct Import: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "import", abstract: "导入指标体系 YAML import framework YAML files",
                discussion: "例：gsl index framework import Datasets/frameworks/*.yaml（已存版本不可修改）")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "YAML 文件 files") var files: [String]

            func execute(_ out: Output) throws(GSLError) {
                let imported = try IndexService(store: global.openStore()).importFrameworks(
                    paths: files, context: global.context())
                IndexFrameworkPresenter.imported(imported, out)
            }
        }

        /// `gsl index framework list`.
        struct List: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "列出已存版本 list stored versions")
            @OptionGroup var global: GlobalOptions

            func execute(_ out: Output) throws(GSLError) {
                let all = try IndexService(store: global.openStore()).frameworks()
                IndexFrameworkPresenter.list(all, out)
            }
        }

        /// `gsl index framework show REF`.
        struct Show: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "show", abstract: "显示指标树 show the indicator tree",
                discussion: "例：gsl index framework show qinqing@v2")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "代码@版本 code@version") var framework: String

            func execute(_ out: Output) throws(GSLError) {
                let view = try IndexService(store: global.openStore()).framework(framework)
                IndexFrameworkPresenter.tree(view, out)
            }
        }

        /// `gsl index framework diff A B`.
        struct Diff: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "diff", abstract: "比较两个版本 what changed between two versions",
                discussion: "例：gsl index framework diff qinqing@v1 qinqing@v2")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "旧版本 old") var old: String
            @Argument(help: "新版本 new") var new: String

            func execute(_ out: Output) throws(GSLError) {
                let c = try IndexService(store: global.openStore()).diffFrameworks(old, new)
                IndexFrameworkPresenter.diff(c, out)
            }
        }
    }
}
