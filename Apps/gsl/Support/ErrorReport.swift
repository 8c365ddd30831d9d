import Foundation
import GSLCore

/// How a failed command reports on stderr: one line for people (the default), or one JSON object
/// for scripts and tests when `GSL_ERRORS=json` — the cause, kind, exit code, both messages, the
/// hint and the location, so that a caller can match `cause` instead of message text.
enum ErrorReport {
    /// The two report styles.
    enum Style: Equatable {
        case line
        case json
    }

    /// The style chosen by `GSL_ERRORS` (`json`, else one line).
    static func style(environment: [String: String]) -> Style {
        environment["GSL_ERRORS"]?.lowercased() == "json" ? .json : .line
    }

    /// The text written to stderr for `error` (ending in a newline).
    static func text(_ error: GSLError, _ lang: Lang, style: Style) -> String {
        switch style {
        case .line: return "gsl: " + ErrorHints.line(error, lang) + "\n"
        case .json: return json(error, lang).render(pretty: false) + "\n"
        }
    }

    /// The text written to stderr for an argument-parsing failure, which has no cause of its own:
    /// it reports as `cli.arguments` with ArgumentParser's message and exit code.
    static func argumentText(message: String, exitCode: Int32, style: Style) -> String? {
        guard style == .json else { return nil }
        let fields: [(String, JSONValue)] = [
            ("cause", .string("cli.arguments")), ("kind", .string("usage")),
            ("exit", .int(Int64(exitCode))), ("message", .object([("en", .string(message))])),
        ]
        return JSONValue.object([("error", .object(fields))]).render(pretty: false) + "\n"
    }

    /// The JSON object for `error`.
    static func json(_ error: GSLError, _ lang: Lang) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("cause", error.cause.map { .string($0.rawValue) } ?? .null),
            ("kind", .string(error.kind.rawValue)),
            ("exit", .int(Int64(error.kind.exitCode))),
            ("message", .object([("zh", .string(error.message.zh)), ("en", .string(error.message.en))])),
        ]
        if let hint = ErrorHints.hint(for: error.cause) {
            fields.append(("hint", .object([("zh", .string(hint.zh)), ("en", .string(hint.en))])))
        }
        if let location = error.location {
            var place: [(String, JSONValue)] = []
            if let file = location.file { place.append(("file", .string(file))) }
            if let line = location.line { place.append(("line", .int(Int64(line)))) }
            if let column = location.column { place.append(("column", .int(Int64(column)))) }
            if let field = location.field { place.append(("field", .string(field))) }
            fields.append(("location", .object(place)))
        }
        return .object([("error", .object(fields))])
    }
}
