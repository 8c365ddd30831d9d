import ArgumentParser
import Foundation
import GSLCore
import GSLStore

/// The options of a command that writes a document (a report in Markdown, HTML…): its own
/// `--format` clashes with the global one, so it takes these instead of `GlobalOptions`.
struct DocumentOptions: ParsableArguments {
    @Option(help: "输出文件 output file (default: stdout)") var out: String?
    @Option(help: "数据库文件 database file (default: $GSL_DB or gsl.sqlite)") var db: String?
    @Option(help: "语言 language: zh|en (else $GSL_LANG)") var lang: String?

    /// The language from `--lang` or the environment.
    var language: Lang { Lang.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) }

    /// Opens (and migrates) the store.
    func openStore() throws(GSLError) -> Store {
        try Store(
            path: db ?? ProcessInfo.processInfo.environment["GSL_DB"] ?? "gsl.sqlite", migrations: Schema.all)
    }

    /// Writes `text` to `--out` (saying so on stderr) or to standard output.
    func emit(_ text: String) throws(GSLError) {
        guard let out else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try OutputFile.write(text, to: out)
        FileHandle.standardError.write(
            Data((language == .zh ? "已生成报告：\(out)\n" : "report written: \(out)\n").utf8))
    }
}
