import ArgumentParser

/// Options shared by every `gsl solve` subcommand.
struct SolveOptions: ParsableArguments {
    /// The instance file (JSON).
    @Argument(help: "实例文件 instance file (JSON)")
    var file: String

    /// Output language of messages (also read from the raw command line by `GSL.main`).
    @Option(help: "语言 language: zh | en")
    var lang: String?
}
