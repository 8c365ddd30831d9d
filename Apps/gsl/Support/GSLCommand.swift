import ArgumentParser
import Foundation
import GSLCore

/// A command that takes the global options and fails with GSLError.
protocol GSLCommand: ParsableCommand {
    /// The shared options.
    var global: GlobalOptions { get }
    /// The work, rendering through `out`.
    func execute(_ out: Output) throws(GSLError)
}

extension GSLCommand {
    /// Runs `execute` with an output bound to the global options.
    func run() throws {
        try execute(Output(options: global))
    }
}
