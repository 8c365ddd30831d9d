/// The one error type that reaches the CLI edge: a kind (which sets the exit code), a bilingual
/// message and an optional location.
public struct GSLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; each kind has its own exit code.
    public enum Kind: String, Sendable, Equatable {
        /// The command line was wrong (exit 64).
        case usage
        /// Input data was wrong (exit 65).
        case data
        /// A named record or file does not exist (exit 66).
        case notFound
        /// A concurrent change or a duplicate key (exit 75).
        case conflict
        /// A file could not be created (exit 73).
        case cannotCreate
        /// The file or directory may not be written, e.g. a read-only store (exit 77).
        case permission
        /// A bug or an environment failure (exit 70).
        case internalError

        /// The process exit code for this kind (sysexits.h).
        public var exitCode: Int32 {
            switch self {
            case .usage: 64
            case .data: 65
            case .notFound: 66
            case .conflict: 75
            case .cannotCreate: 73
            case .permission: 77
            case .internalError: 70
            }
        }
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// What went wrong, in both languages.
    public var message: Message
    /// Where, when the input has positions.
    public var location: SourceLocation?
    /// Why, for callers to match (nil where no module has named the cause).
    public var cause: Cause?

    /// An error of `kind` with a bilingual message.
    public init(_ kind: Kind, _ message: Message, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// A data error (exit 65).
    public static func data(_ zh: String, en: String, at location: SourceLocation? = nil) -> GSLError {
        GSLError(.data, Message(zh, en: en), at: location)
    }

    /// A usage error (exit 64).
    public static func usage(_ zh: String, en: String) -> GSLError {
        GSLError(.usage, Message(zh, en: en))
    }

    /// A not-found error (exit 66).
    public static func notFound(_ zh: String, en: String) -> GSLError {
        GSLError(.notFound, Message(zh, en: en))
    }

    /// A conflict error (exit 75).
    public static func conflict(_ zh: String, en: String) -> GSLError {
        GSLError(.conflict, Message(zh, en: en))
    }

    /// The one-line text shown to a user: `location: message`.
    public func rendered(_ lang: Lang) -> String {
        guard let location, !location.description.isEmpty else { return message.text(lang) }
        return "\(location): \(message.text(lang))"
    }

    /// The Chinese one-line text.
    public var description: String { rendered(.zh) }

    /// This error with a location (file name added, line/column kept when already set).
    public func at(_ location: SourceLocation) -> GSLError {
        var copy = self
        if var existing = copy.location {
            existing.file = existing.file ?? location.file
            existing.line = existing.line ?? location.line
            existing.column = existing.column ?? location.column
            existing.field = existing.field ?? location.field
            copy.location = existing
        } else {
            copy.location = location
        }
        return copy
    }
}
