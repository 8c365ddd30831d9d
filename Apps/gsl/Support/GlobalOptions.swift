import ArgumentParser
import Foundation
import GSLCore
import GSLStore
import GSLTabular

extension OutputFormat: LenientArgument {}
extension ConflictPolicy: LenientArgument {}
extension InputEncoding: LenientArgument {}

/// Options every command takes: store, output format, language, actor.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "数据库文件 database file (else $GSL_DB, else ./gsl.sqlite)")
    var db: String?

    @Option(name: .long, help: "输出格式 output: table|csv|json|ndjson (table on a terminal, csv when piped)")
    var format: OutputFormat?

    @Option(name: .long, help: "语言 language: zh|en (else $GSL_LANG)")
    var lang: String?

    @Option(name: .long, help: "操作人 actor (else $GSL_ACTOR, else login name)")
    var actor: String?

    @Flag(name: .long, help: "CSV 加 BOM 并用 CRLF，便于 Excel 打开")
    var bom = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The resolved language.
    var language: Lang { Lang.resolve(flag: lang, environment: environment) }

    /// The resolved store path.
    var databasePath: String { db ?? environment["GSL_DB"] ?? "gsl.sqlite" }

    /// The resolved output format.
    var outputFormat: OutputFormat { format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .csv) }

    /// The resolved actor.
    var actorName: String {
        if let actor, !actor.isEmpty { return actor }
        if let env = environment["GSL_ACTOR"], !env.isEmpty { return env }
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        return "unknown"
    }

    /// Opens (and migrates) the store; only `create` (for `gsl init`) makes a missing file.
    func openStore(create: Bool = false) throws(GSLError) -> Store {
        try Store(path: databasePath, migrations: Schema.all, create: create)
    }

    /// Unmasked personal data is going to standard output: keeps a file that stdout was
    /// redirected to private (mode 0600), as it holds ID-card and phone numbers. The services
    /// record the disclosure in the audit log themselves (`unmask:` on their calls).
    func protectUnmaskedOutput() {
        var info = stat()
        if fstat(STDOUT_FILENO, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == getuid() {
            fchmod(STDOUT_FILENO, 0o600)
        }
    }

    /// The audit context for a command; the command line is recorded as typed.
    func context() -> MutationContext {
        MutationContext(actor: actorName, command: CommandLine.arguments.dropFirst().joined(separator: " "))
    }

    /// The day a command acts on: the given date, else today on the machine's clock (Beijing
    /// time). The clock is read here, at the edge; modules take the day as a parameter.
    func day(_ text: String?) throws(GSLError) -> LocalDate {
        try text.map { (t: String) throws(GSLError) in try LocalDate.parse(t) } ?? LocalDate.today()
    }

    /// Rendering options from the flags.
    var renderOptions: RenderOptions {
        var o = RenderOptions()
        o.bom = bom
        o.crlf = bom
        return o
    }
}
