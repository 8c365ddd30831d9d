/// China's public holidays and make-up working days (调休) from the State Council General Office
/// notices on holiday arrangements for 2023–2026; the rows live in `ChinaHolidays+Data.swift`,
/// generated from `Datasets/reference/calendar/cn_holidays_2023_2026.csv`.
public enum ChinaHolidays {
    /// What a listed day is; the raw values are the CSV's `kind` column.
    public enum Kind: String, Sendable, Hashable {
        /// A day off inside a holiday period (weekend days of the period included).
        case holiday
        /// A weekend day worked in exchange for a holiday (调休上班).
        case makeUpWorkday = "workday"
    }

    /// One row of the table: a date, what it is and the holiday it belongs to.
    public struct Entry: Sendable, Hashable {
        /// The day.
        public let date: LocalDate
        /// A day off or a make-up working day.
        public let kind: Kind
        /// The holiday's Chinese name, e.g. 春节 or 中秋节、国庆节.
        public let name: String

        /// A row from its parts (the generated table calls this with valid dates only).
        public init(_ year: Int, _ month: Int, _ day: Int, _ kind: Kind, _ name: String) {
            guard let date = LocalDate(year: year, month: month, day: day) else {
                preconditionFailure("invalid holiday date \(year)-\(month)-\(day)")
            }
            self.date = date
            self.kind = kind
            self.name = name
        }
    }

    /// The years whose notices the table holds completely.
    public static let coveredYears: ClosedRange<Int> = 2023...2026

    /// The work calendar built from the table.
    public static let calendar: WorkCalendar = {
        var holidays: [LocalDate: String] = [:]
        var makeUpWorkdays: [LocalDate: String] = [:]
        for entry in entries {
            switch entry.kind {
            case .holiday: holidays[entry.date] = entry.name
            case .makeUpWorkday: makeUpWorkdays[entry.date] = entry.name
            }
        }
        return WorkCalendar(holidays: holidays, makeUpWorkdays: makeUpWorkdays, coveredYears: coveredYears)
    }()
}
