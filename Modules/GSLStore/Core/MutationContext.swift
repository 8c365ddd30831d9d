import GSLCore

/// Who changes the store and by which command; recorded with every audit entry.
public struct MutationContext: Sendable {
    /// The person acting (`--actor`, `$GSL_ACTOR`, or the login name).
    public var actor: String
    /// The command line that caused the change, e.g. `org import firms.csv`.
    public var command: String
    /// The instant recorded in the audit log (UTC ISO-8601).
    public var at: String

    /// A context with an explicit time.
    public init(actor: String, command: String, at: String) {
        self.actor = actor
        self.command = command
        self.at = at
    }

    /// A context stamped now.
    public init(actor: String, command: String) {
        self.init(actor: actor, command: command, at: Timestamp.now())
    }
}
