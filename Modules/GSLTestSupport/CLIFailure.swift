import Foundation

/// A `gsl` run that should have succeeded.
public struct CLIFailure: Error, CustomStringConvertible {
    /// The arguments.
    public let arguments: [String]
    /// What it produced.
    public let result: CLIResult

    /// The command, its exit code and stderr.
    public var description: String {
        "gsl \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)"
    }
}
