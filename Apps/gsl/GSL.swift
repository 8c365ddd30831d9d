import ArgumentParser
import Foundation
import GSLCore

/// The `gsl` command: the federation workbench.
@main
struct GSL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gsl",
        abstract: "工商联工作台 gsl — federation workbench",
        discussion: """
            数据库：--db 文件，或 $GSL_DB，或 ./gsl.sqlite。语言：--lang en 或 GSL_LANG=en。
            例 examples:
              gsl init && gsl ref load
              gsl org import firms.csv --kind enterprise
              gsl org list --region 海曙区 --limit 20
              gsl search 融资
            """,
        subcommands: [
            Init.self, Status.self, DB.self, Ref.self, CalendarCommand.self, RegionCommand.self,
            Org.self, PersonCommand.self, Member.self, Search.self, Audit.self, VisitCommand.self,
            CaseCommand.self, InfoCommand.self, ProposalCommand.self, IndexCommand.self, Solve.self,
            Demo.self, EventCommand.self, MatchCommand.self, PairCommand.self,
            TUICommand.self, ReportCommand.self, SurveyCommand.self, PolicyCommand.self,
        ]
    )

    /// Runs the command line; a GSLError becomes one line on stderr (one JSON object with
    /// `GSL_ERRORS=json`) and its exit code.
    static func main() {
        let environment = ProcessInfo.processInfo.environment
        let lang = Lang.resolve(flag: Self.langFlag(CommandLine.arguments), environment: environment)
        let style = ErrorReport.style(environment: environment)
        do {
            var command = try parseAsRoot(Self.globalOptionsLast(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let error as GSLError {
            FileHandle.standardError.write(Data(ErrorReport.text(error, lang, style: style).utf8))
            Foundation.exit(error.kind.exitCode)
        } catch {
            let code = exitCode(for: error).rawValue
            if code != 0,
                let text = ErrorReport.argumentText(
                    message: message(for: error), exitCode: code, style: style)
            {
                FileHandle.standardError.write(Data(text.utf8))
                Foundation.exit(code)
            }
            exit(withError: error)
        }
    }

    /// Options shared by every command, typed before the subcommand (`gsl --db F org list`),
    /// moved after it, where the subcommand reads them.
    static func globalOptionsLast(_ arguments: [String]) -> [String] {
        let valued: Set<String> = ["--db", "--lang", "--format", "--actor"]
        var leading: [String] = []
        var i = 0
        while i < arguments.count, arguments[i].hasPrefix("--") {
            let arg = arguments[i]
            if valued.contains(arg), i + 1 < arguments.count {
                leading += [arg, arguments[i + 1]]
                i += 2
            } else if arg == "--bom" || valued.contains(where: { arg.hasPrefix($0 + "=") }) {
                leading.append(arg)
                i += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, i < arguments.count else { return arguments }
        return Array(arguments[i...]) + leading
    }

    /// The value of `--lang` on the raw command line, so that parse errors can be localised too.
    static func langFlag(_ arguments: [String]) -> String? {
        for (i, arg) in arguments.enumerated() {
            if arg == "--lang", i + 1 < arguments.count { return arguments[i + 1] }
            if arg.hasPrefix("--lang=") { return String(arg.dropFirst(7)) }
        }
        return nil
    }
}
