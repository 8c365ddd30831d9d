import ArgumentParser
import Foundation
import GSLCore
import GSLStore
import GSLTabular

/// Import options shared by every `import` command.
struct ImportFlags: ParsableArguments {
    @Argument(help: "文件 file (.csv, .json, .ndjson, .xlsx)") var file: String
    @Option(help: "格式 format: csv|json|ndjson|xlsx (default: by extension)") var inputFormat: String?
    @Option(help: "工作表 sheet of an .xlsx (default: the first)") var sheet: String?
    @Option(help: "编码 encoding: auto|utf8|gb18030") var encoding: InputEncoding = .auto
    @Option(name: .customLong("on-conflict"), help: "已存在时 on existing key: fail|skip|update") var onConflict:
        ConflictPolicy = .fail
    @Flag(name: .customLong("dry-run"), help: "只校验不写入 validate and report, write nothing") var dryRun = false

    /// The options, with a progress bar on a terminal when `bar` is given.
    func options(bar: ProgressBar? = nil) throws(GSLError) -> ImportOptions {
        var format: TabularFormat?
        if let inputFormat {
            guard let f = TabularFormat(rawValue: inputFormat.lowercased()) else {
                throw GSLError.usage(
                    "未知的输入格式「\(inputFormat)」（csv、json、ndjson、xlsx）",
                    en: "unknown input format '\(inputFormat)' (csv, json, ndjson, xlsx)")
            }
            format = f
        }
        var progress: ImportProgress?
        if let bar { progress = { done, total in bar.update(done, total) } }
        var options = ImportOptions(
            path: file, format: format, encoding: encoding, onConflict: onConflict, dryRun: dryRun,
            progress: progress)
        options.sheet = sheet
        if ProcessInfo.processInfo.environment["GSL_TIMINGS"] != nil {
            // Phase timings for tuning, one line each on stderr.
            options.timings = { phase, duration in
                let ms =
                    duration.components.seconds * 1000 + duration.components.attoseconds
                    / 1_000_000_000_000_000
                FileHandle.standardError.write(Data("timings: \(phase) \(ms) ms\n".utf8))
            }
        }
        return options
    }
}
