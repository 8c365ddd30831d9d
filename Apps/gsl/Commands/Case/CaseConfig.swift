import ArgumentParser
import Foundation
import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLTabular

extension CaseCommand {
    /// `gsl case config show|import`: the federation's taxonomy, SLA policies and 三率 weights.
    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config", abstract: "诉求设置：类别、时限、三率权重 categories, SLA policies, rate weights",
            subcommands: [Show.self, Import.self])

        struct Show: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "show", abstract: "显示当前设置（JSON，可修改后导入） print the settings as JSON")
            @OptionGroup var global: GlobalOptions

            func execute(_ out: Output) throws(GSLError) {
                out.line(try CaseService(store: global.openStore()).effectiveSettings.json())
            }
        }

        struct Import: GSLCommand {
            static let configuration = CommandConfiguration(
                commandName: "import", abstract: "导入设置 JSON（缺省部分沿用默认） import settings JSON",
                discussion: "例：gsl case config show > 诉求设置.json，修改后 gsl case config import 诉求设置.json")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "JSON 文件 file") var file: String

            func execute(_ out: Output) throws(GSLError) {
                let text = try InputFile.text(file)
                let settings = try CaseSettings.parse(text, file: file)
                let changed = try CaseService.configure(
                    store: global.openStore(), settings: settings, context: global.context())
                out.notice(
                    Message(
                        "已保存诉求设置；\(changed) 件在办诉求的到期日按新时限重算",
                        en: "casework settings saved; due dates of \(changed) open requests recomputed"))
            }
        }
    }
}
