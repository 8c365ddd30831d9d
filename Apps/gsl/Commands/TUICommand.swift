import ArgumentParser
import Foundation
import GSLCore
import GSLTUI

/// `gsl tui`: the full-screen app on the same store (`--db`, `$GSL_DB`), as `gsl-tui`.
struct TUICommand: GSLCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "全屏界面 full-screen terminal app",
        discussion: """
            键：↑↓←→/hjkl 移动，Tab 切换窗格，Enter 打开，Esc 返回，/ 搜索，: 运行 gsl 命令，? 帮助，q 退出。
            GSL_TUI_TRACE=文件：每个按键记录从读键到刷新完成的微秒数。
            """)
    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws(GSLError) {
        let store = try global.openStore()
        let environment = global.environment
        try TUI.run(
            store: store,
            options: TUIOptions(
                databasePath: global.databasePath, actor: global.actorName, lang: global.language,
                tracePath: environment["GSL_TUI_TRACE"].flatMap { $0.isEmpty ? nil : $0 },
                executable: Self.executable, environment: environment))
    }

    /// This very executable, for the command line's child commands.
    static var executable: String {
        if let path = Bundle.main.executablePath { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
