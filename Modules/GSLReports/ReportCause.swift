import GSLCore

extension GSLError.Cause {
    /// A report year outside 1900–9999.
    public static let reportYearInvalid = Self("report.year-invalid")
    /// A figure id the report does not know.
    public static let reportFigureUnknown = Self("report.figure-unknown")
}
