import GSLCore

/// How the full-screen app runs: the store's path (for the command line's child processes), who
/// acts, the language, the key trace file and the `gsl` executable that `:` runs.
public struct TUIOptions: Sendable {
    /// The store file.
    public var databasePath: String
    /// The actor recorded on every write.
    public var actor: String
    /// Language of the labels.
    public var lang: Lang
    /// `GSL_TUI_TRACE`: a file that gets one line per key, `KEY<TAB>MICROSECONDS` (read to refresh).
    public var tracePath: String?
    /// The `gsl` executable the command line runs.
    public var executable: String
    /// The environment (NO_COLOR, GSL_*), passed to the terminal and to child commands.
    public var environment: [String: String]

    /// Options.
    public init(
        databasePath: String, actor: String, lang: Lang, tracePath: String?, executable: String,
        environment: [String: String]
    ) {
        self.databasePath = databasePath
        self.actor = actor
        self.lang = lang
        self.tracePath = tracePath
        self.executable = executable
        self.environment = environment
    }
}
