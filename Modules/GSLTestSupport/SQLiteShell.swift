import Foundation

/// The sqlite3 shell, for tests that look at a store from outside gsl (its rows as another
/// program sees them, or a change made around gsl's audit log).
public enum SQLiteShell {
    /// Runs `sqlite3 [-readonly] DATABASE ARGUMENTS…` and returns its standard output; throws when
    /// the shell exits with a failure.
    @discardableResult
    public static func run(_ database: String, _ arguments: [String], readOnly: Bool = true) throws -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = (readOnly ? ["-readonly"] : []) + [database] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIFailure(
                arguments: ["sqlite3", database] + arguments,
                result: CLIResult(status: process.terminationStatus, stdout: "", stderr: ""))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
