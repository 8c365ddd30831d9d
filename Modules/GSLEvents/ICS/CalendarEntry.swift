import GSLCore

/// One VEVENT of an exported calendar: a session, or a repeating event's rule.
public struct CalendarEntry: Sendable, Hashable {
    /// A stable unique id (the same entry gets the same UID in every export).
    public var uid: String
    /// When the entry was last revised in the store (UTC, `YYYYMMDDTHHMMSSZ`).
    public var stamp: String
    /// Start (Beijing time).
    public var start: EventTime
    /// End (Beijing time).
    public var end: EventTime
    /// The title.
    public var summary: String
    /// The venue.
    public var location: String?
    /// Type, organiser, themes, description.
    public var description: String?
    /// The RRULE value of a repeating event.
    public var rrule: String?
    /// Occurrences of the rule that do not take place (at the start's time of day).
    public var excluded: [EventTime]
    /// Categories (the event type).
    public var categories: [String]

    /// An entry.
    public init(
        uid: String, stamp: String, start: EventTime, end: EventTime, summary: String,
        location: String? = nil,
        description: String? = nil, rrule: String? = nil, excluded: [EventTime] = [],
        categories: [String] = []
    ) {
        self.uid = uid
        self.stamp = stamp
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
        self.rrule = rrule
        self.excluded = excluded
        self.categories = categories
    }
}
