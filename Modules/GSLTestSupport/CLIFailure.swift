import Foundation

/// A `gsl` run that ended otherwise than the test expected (failed, or succeeded where it should fail).
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
