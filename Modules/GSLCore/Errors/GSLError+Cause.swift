extension GSLError {
    /// Why an error happened, as a stable, language-independent identifier (`module.reason`) that
    /// callers and tests match on instead of message text. Each module declares its causes in an
    /// extension (`GSLError.Cause.caseActionNotAllowed`); the message stays free to change.
    public struct Cause: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        /// The identifier, e.g. `casework.action-not-allowed`.
        public let rawValue: String

        /// A cause named `rawValue`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A cause named `name`.
        public init(_ name: String) { self.rawValue = name }

        /// The identifier.
        public var description: String { rawValue }
    }

    /// This error with `cause` set.
    public func because(_ cause: Cause) -> GSLError {
        var copy = self
        copy.cause = cause
        return copy
    }
}
