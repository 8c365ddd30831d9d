import Foundation
import GSLCore
import GSLStore
import GSLTabular

/// Writes command results to stdout in the chosen format, and notices to stderr.
struct Output {
    let options: GlobalOptions
    /// The language, resolved once (reading the environment is not free).
    let lang: Lang
    /// The output format, resolved once.
    let format: OutputFormat
    /// Rendering options, resolved once.
    let renderOptions: RenderOptions

    init(options: GlobalOptions) {
        self.options = options
        self.lang = options.language
        self.format = options.outputFormat
        self.renderOptions = options.renderOptions
    }

    /// A list of records.
    func table(_ columns: [Column], _ rows: [[Cell]]) {
        emit(TableRenderer.render(columns: columns, rows: rows, format: format, options: renderOptions))
    }

    /// A streamed list (exports).
    func stream(_ columns: [Column], _ rows: some Sequence<[Cell]>) {
        TableRenderer.write(columns: columns, rows: rows, format: format, options: renderOptions) { emit($0) }
    }

    /// One record as label/value pairs.
    func record(_ fields: [(key: String, label: String, value: Cell)]) {
        emit(
            KeyValueRenderer.render(
                fields.map { KeyValueRenderer.Field(key: $0.key, label: $0.label, value: $0.value) },
                format: format, options: renderOptions))
    }

    /// A message for people on stderr (never mixed with data on stdout).
    func notice(_ message: Message) {
        FileHandle.standardError.write(Data((message.text(lang) + "\n").utf8))
    }

    /// A plain line on stdout.
    func line(_ text: String) { emit(text.hasSuffix("\n") ? text : text + "\n") }

    private func emit(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// An enumerated value: its stable code (`enterprise`) in JSON and NDJSON whatever the language,
    /// its label in the user's language in tables and CSV.
    func enumValue(_ code: String, _ label: String) -> Cell {
        format == .json || format == .ndjson ? .text(code) : .text(label)
    }

    /// Tells on stderr that a list stopped at its limit: "50 of 1,058; --limit/--all".
    func listCut<Row>(_ page: ListPage<Row>) {
        guard let cut = page.cut else { return }
        listCut(shown: page.rows.count, offset: page.offset, total: cut.total, moreThan: cut.moreThan)
    }

    /// The notice that a list was cut short (see `listCut(_:)`).
    func listCut(shown: Int, offset: Int, total: Int?, moreThan: Int? = nil) {
        let of =
            total.map { t in Message("，共 \(t.formatted(.number)) 条", en: " of \(t.formatted(.number))") }
            ?? moreThan.map { m in
                Message("，共超过 \(m.formatted(.number)) 条", en: " of more than \(m.formatted(.number))")
            }
        notice(
            Message(
                "只显示第 \(offset + 1)–\(offset + shown) 条\(of?.zh ?? "（还有更多）")；用 --limit N、--offset N 或 --all 查看其余",
                en:
                    "showing \(offset + 1)–\(offset + shown)\(of?.en ?? " (more match)"); use --limit N, --offset N or --all for the rest"
            ))
    }

    /// Label in the current language.
    func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
}
