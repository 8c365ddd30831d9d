import Foundation

/// A failed run's error as the CLI reports it with `GSL_ERRORS=json`: tests match the cause and
/// the exit code, not the wording of the message.
public struct CLIErrorReport: Sendable, CustomStringConvertible {
    /// The process exit status.
    public let status: Int32
    /// The cause identifier (`casework.action-not-allowed`), nil when the error names none.
    public let cause: String?
    /// The kind (`usage`, `data`, `notFound`, …).
    public let kind: String
    /// The Chinese message.
    public let zh: String
    /// The English message.
    public let en: String
    /// The location's file, when the error has one.
    public let file: String?
    /// The location's 1-based line, when the error has one.
    public let line: Int?
    /// The location's 1-based column, when the error has one.
    public let column: Int?
    /// The location's field: a column header, a settings key or a JSON path (`$.arcs[0].to`).
    public let field: String?
    /// Everything the run wrote to stderr.
    public let stderr: String
    /// Everything the run wrote to stdout.
    public let stdout: String

    /// Reads the JSON object on the last line of `result.stderr`; nil when there is none.
    init?(_ result: CLIResult) {
        guard let last = result.stderr.split(separator: "\n").last,
            let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any],
            let error = object["error"] as? [String: Any]
        else { return nil }
        status = result.status
        cause = error["cause"] as? String
        kind = error["kind"] as? String ?? ""
        let message = error["message"] as? [String: String] ?? [:]
        zh = message["zh"] ?? ""
        en = message["en"] ?? ""
        let location = error["location"] as? [String: Any] ?? [:]
        file = location["file"] as? String
        line = location["line"] as? Int
        column = location["column"] as? Int
        field = location["field"] as? String
        stderr = result.stderr
        stdout = result.stdout
    }

    public var description: String {
        "exit \(status), cause \(cause ?? "none"): \(en) | \(zh)"
    }
}
