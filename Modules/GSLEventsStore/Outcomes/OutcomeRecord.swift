import GRDB
import GSLCore
import GSLEvents

/// One entry of the outcomes ledger: what an event produced.
public struct OutcomeRecord: Sendable, Equatable {
    /// Its number.
    public var id: Int64
    /// The event.
    public var eventID: Int64
    /// The event's title.
    public var eventTitle: String
    /// Kind.
    public var kind: OutcomeKind
    /// What was agreed.
    public var title: String?
    /// Amount (nil: none stated).
    public var amount: Money?
    /// The day it was signed.
    public var date: String
    /// Evidence (document, photo, news item).
    public var evidence: String?
    /// The organisations party to it: id and name.
    public var parties: [Party]

    /// An organisation party to an outcome.
    public struct Party: Sendable, Equatable {
        /// Its id.
        public var id: Int64
        /// Its name.
        public var name: String
    }
}
