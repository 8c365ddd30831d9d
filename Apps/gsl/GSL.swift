import ArgumentParser

/// The `gsl` command: the federation workbench.
@main
struct GSL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gsl",
        abstract: "工商联工作台 gsl — federation workbench",
        subcommands: []
    )
}
