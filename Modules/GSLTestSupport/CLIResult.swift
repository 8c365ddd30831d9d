import Foundation

/// What one run of the `gsl` binary produced.
public struct CLIResult: Sendable {
    /// Exit status.
    public let status: Int32
    /// Standard output.
    public let stdout: String
    /// Standard error.
    public let stderr: String
}
