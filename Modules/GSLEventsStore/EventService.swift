import GSLCore
import GSLEvents
import GSLStore
import GSLTabular

/// Events as the federation runs them: what each `gsl event` command does is one call here, so
/// the CLI, the TUI, reports and the demo generator do the same thing.
public struct EventService: Sendable {
    /// The store.
    public let store: Store
    /// Events and sessions.
    public let events: EventRepository
    /// Registrations.
    public let registrations: RegistrationRepository
    /// Check-in.
    public let attendance: AttendanceRepository
    /// Outcomes ledger.
    public let outcomes: OutcomeRepository
    /// Reports.
    public let reports: EventReportRepository

    /// The service over `store`.
    public init(store: Store) {
        self.store = store
        events = EventRepository(store: store)
        registrations = RegistrationRepository(store: store)
        attendance = AttendanceRepository(store: store)
        outcomes = OutcomeRepository(store: store)
        reports = EventReportRepository(store: store)
    }

    /// Creates an event with its sessions; returns it as `show` does.
    public func create(_ new: EventRepository.NewEvent, context: MutationContext) throws(GSLError)
        -> EventView
    {
        try events.view(try events.create(new, context: context))
    }

    /// Edits an event; returns it and the registrations moved up by a larger capacity.
    public func edit(
        _ id: Int64, _ changes: EventRepository.Changes, expectedVersion: Int64?, context: MutationContext
    ) throws(GSLError) -> (EventView, [RegistrationChange]) {
        let promoted = try events.edit(id, changes, expectedVersion: expectedVersion, context: context)
        return (try events.view(id), promoted)
    }

    /// Cancels an event and its sessions.
    public func cancel(_ id: Int64, expectedVersion: Int64?, context: MutationContext) throws(GSLError)
        -> EventView
    {
        try events.cancel(id, expectedVersion: expectedVersion, context: context)
        return try events.view(id)
    }

    /// Events matching a filter.
    public func list(_ filter: EventRepository.Filter, limit: Int) throws(GSLError) -> [EventRecord] {
        try events.list(filter, limit: limit)
    }

    /// One event with its sessions, staff, registrations, attendance, outcomes and requests.
    public func show(_ id: Int64) throws(GSLError) -> EventView { try events.view(id) }

    /// Registers a person.
    public func register(
        eventID: Int64, person: String, on day: LocalDate, note: String?, context: MutationContext
    )
        throws(GSLError) -> RegistrationChange
    {
        try registrations.register(eventID: eventID, person: person, on: day, note: note, context: context)
    }

    /// Cancels a registration; returns it and the promotions it caused.
    public func cancelRegistration(
        eventID: Int64, person: String, on day: LocalDate, context: MutationContext
    )
        throws(GSLError) -> [RegistrationChange]
    {
        try registrations.cancel(eventID: eventID, person: person, on: day, context: context)
    }

    /// Approves a pending registration.
    public func approve(eventID: Int64, person: String, on day: LocalDate, context: MutationContext)
        throws(GSLError) -> RegistrationChange
    {
        try registrations.approve(eventID: eventID, person: person, on: day, context: context)
    }

    /// Registrations of an event (of one status when given), and the log of their changes.
    public func registrationList(eventID: Int64, status: RegistrationStatus?) throws(GSLError)
        -> (registrations: [RegistrationRecord], log: [RegistrationChange])
    {
        (try registrations.list(eventID: eventID, status: status), try registrations.log(eventID: eventID))
    }

    /// Marks no-shows after an event.
    public func markNoShows(eventID: Int64, on day: LocalDate, context: MutationContext) throws(GSLError)
        -> [RegistrationChange]
    {
        try registrations.markNoShows(eventID: eventID, on: day, context: context)
    }

    /// Checks in people one by one.
    public func checkIn(
        eventID: Int64, sessionID: Int64?, people: [String], day: LocalDate, context: MutationContext
    ) throws(GSLError) -> CheckInReport {
        try attendance.checkIn(
            eventID: eventID, sessionID: sessionID, people: people, day: day, context: context)
    }

    /// Checks in from a sign-in sheet.
    public func checkInSheet(
        eventID: Int64, sessionID: Int64?, _ options: ImportOptions, day: LocalDate, context: MutationContext
    ) throws(GSLError) -> CheckInReport {
        try attendance.checkInSheet(
            eventID: eventID, sessionID: sessionID, options, day: day, context: context)
    }

    /// Double bookings.
    public func conflicts(from: LocalDate?, to: LocalDate?) throws(GSLError) -> ConflictsView {
        try reports.conflicts(from: from, to: to)
    }

    /// Records an outcome; returns it.
    public func addOutcome(_ new: OutcomeRepository.NewOutcome, context: MutationContext) throws(GSLError)
        -> OutcomeRecord
    {
        let id = try outcomes.add(new, context: context)
        return try outcomes.list(eventID: new.eventID, from: nil, to: nil).first { $0.id == id }!
    }

    /// Outcomes of an event or a period.
    public func outcomeList(eventID: Int64?, period: Period?) throws(GSLError) -> [OutcomeRecord] {
        try outcomes.list(eventID: eventID, from: period?.start, to: period?.end)
    }

    /// The calendar (RFC 5545 text) of scheduled sessions between two days, of one series when named.
    public func calendar(from: LocalDate?, to: LocalDate?, series: String?, zone: ICalendarWriter.Zone)
        throws(GSLError) -> String
    {
        ICalendarWriter.render(
            try reports.calendar(from: from, to: to, series: series), zone: zone, name: series)
    }

    /// Figures per group over a period.
    public func stats(period: Period, by grouping: EventStatsGrouping) throws(GSLError) -> [EventStatsRow] {
        try reports.stats(period: period, by: grouping)
    }

    /// Which member firms attended nothing in a period.
    public func reach(period: Period, chamber: String?) throws(GSLError) -> ReachReport {
        try reports.reach(period: period, chamber: chamber)
    }
}
