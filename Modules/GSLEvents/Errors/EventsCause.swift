import GSLCore

/// The causes of events errors, for callers and tests to match (`error.cause == .eventEndBeforeStart`).
extension GSLError.Cause {
    /// A session (or event) that ends before it starts.
    public static let eventEndBeforeStart = Self("events.end-before-start")
    /// A capacity below the seats already taken.
    public static let eventCapacityBelowRegistrations = Self("events.capacity-below-registrations")
    /// A registration, check-in or edit on a cancelled event.
    public static let eventCancelled = Self("events.cancelled")
    /// A recurrence rule that cannot be read or yields no date.
    public static let eventRecurrenceInvalid = Self("events.recurrence-invalid")
    /// A type, status, role or outcome kind that events does not know.
    public static let eventUnknownValue = Self("events.unknown-value")
    /// A time of day or date-time that cannot be read.
    public static let eventInvalidTime = Self("events.invalid-time")
    /// No event with that number.
    public static let eventNotFound = Self("events.event-not-found")
    /// No session with that number, or a session of another event.
    public static let eventSessionNotFound = Self("events.session-not-found")
    /// A person with no registration for the event.
    public static let eventNotRegistered = Self("events.not-registered")
    /// A person already registered for the event.
    public static let eventAlreadyRegistered = Self("events.already-registered")
    /// A registration change its status does not allow (approve what is not pending, cancel twice).
    public static let eventRegistrationNotAllowed = Self("events.registration-not-allowed")
    /// An organiser that is neither the federation nor a chamber.
    public static let eventOrganiserKind = Self("events.organiser-kind")
    /// An outcome without parties, or with a negative amount.
    public static let eventOutcomeInvalid = Self("events.outcome-invalid")
    /// A series with that name exists with a different meaning, or is unknown.
    public static let eventSeriesNotFound = Self("events.series-not-found")
}
