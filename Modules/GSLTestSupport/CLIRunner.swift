import Foundation

/// Runs the built `gsl` executable, as a user would, for end-to-end tests.
public struct CLIRunner: Sendable {
    /// The store file every run uses.
    public let database: String
    /// A scratch folder for input files.
    public let directory: URL
    /// Extra environment for every run.
    public var environment: [String: String]

    /// A runner with a fresh folder and store path (the store is created by the first command).
    public init() throws {
        directory = try Fixtures.temporaryDirectory()
        database = directory.appendingPathComponent("test.sqlite").path
        environment = ["GSL_ACTOR": "tester", "GSL_LANG": "zh"]
    }

    /// The `gsl` binary built beside the test bundle, else under `.build/debug`.
    public static var executable: URL {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            bundleDir.appendingPathComponent("gsl"),
            bundleDir.deletingLastPathComponent().appendingPathComponent("gsl"),
            Fixtures.repositoryRoot.appendingPathComponent(".build/debug/gsl"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// Runs `gsl ARGS --db <store>` and collects its output.
    @discardableResult
    public func run(_ arguments: [String], useDatabase: Bool = true, stdin: String? = nil) throws -> CLIResult
    {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments + (useDatabase ? ["--db", database] : [])
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "GSL_DB")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `gsl ARGS`, treating a non-zero exit as a test failure with its stderr.
    @discardableResult
    public func ok(_ arguments: [String]) throws -> CLIResult {
        let result = try run(arguments)
        if result.status != 0 {
            throw CLIFailure(arguments: arguments, result: result)
        }
        return result
    }

    /// Runs `gsl ARGS` expecting it to fail, with `GSL_ERRORS=json`, and returns the reported error;
    /// a run that succeeds or reports no JSON error throws.
    public func fail(_ arguments: [String], useDatabase: Bool = true, stdin: String? = nil) throws
        -> CLIErrorReport
    {
        var runner = self
        runner.environment["GSL_ERRORS"] = "json"
        let result = try runner.run(arguments, useDatabase: useDatabase, stdin: stdin)
        guard result.status != 0, let report = CLIErrorReport(result) else {
            throw CLIFailure(arguments: arguments, result: result)
        }
        return report
    }

    /// Writes a text file into the scratch folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes raw bytes into the scratch folder and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
