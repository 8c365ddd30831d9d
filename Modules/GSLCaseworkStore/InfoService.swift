import GSLCasework
import GSLCore
import GSLStore

/// An information report with its events (submission, adoptions, instructions), oldest first.
public struct InfoReportView: Sendable {
    /// The report.
    public let report: InfoReport
    /// Its events.
    public let events: [InfoEvent]
}

/// Information reports (社情民意信息) as the federation's staff work them: what each `gsl info`
/// command does is one call here, so that the CLI, the TUI, the annual report and the demo
/// generator do the same thing.
public struct InfoService: Sendable {
    /// The store.
    public let store: Store
    /// Reports and their events.
    public let reports: InfoRepository

    /// The service over `store`.
    public init(store: Store) {
        self.store = store
        reports = InfoRepository(store: store)
    }

    /// Drafts a report (a draft has no events yet); `chamber` is a chamber reference.
    public func draft(
        title: String, author: String, chamber: String?, body: String?, date: LocalDate,
        context: MutationContext
    ) throws(GSLError) -> InfoReportView {
        let report = try reports.draft(
            title: title, author: author, chamber: chamber, body: body, date: date, context: context)
        return InfoReportView(report: report, events: [])
    }

    /// Records one event (submission, adoption or instruction) on `date` and returns the report
    /// with its events.
    public func record(
        _ kind: InfoEventKind, reportID: Int64, level: InfoLevel?, body: String?, date: LocalDate,
        expectedVersion: Int64?, context: MutationContext
    ) throws(GSLError) -> InfoReportView {
        let report = try reports.record(
            kind, reportID: reportID, level: level, body: body, date: date, expectedVersion: expectedVersion,
            context: context)
        return InfoReportView(report: report, events: try reports.events(report.id))
    }

    /// One report with its events.
    public func show(_ id: Int64) throws(GSLError) -> InfoReportView {
        InfoReportView(report: try reports.get(id), events: try reports.events(id))
    }

    /// Reports drafted in `period` (all when nil), newest first.
    public func list(period: Period?, limit: Int) throws(GSLError) -> [InfoReport] {
        try reports.list(period: period, limit: limit)
    }

    /// Scores by author or chamber over events dated in `period`, with the points `table`.
    public func score(by grouping: InfoGrouping, period: Period?, table: InfoPointsTable) throws(GSLError)
        -> [InfoScore]
    {
        try reports.score(by: grouping, period: period, table: table)
    }
}
