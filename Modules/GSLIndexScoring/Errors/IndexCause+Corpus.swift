import GSLCore

/// Causes of refused frameworks and runs, beside `IndexCause.swift`.
extension GSLError.Cause {
    /// A framework file without content.
    public static let frameworkEmpty = Self("index.framework-empty")
    /// A framework `code@version` already stored with different content (stored versions never change).
    public static let frameworkImmutable = Self("index.framework-immutable")
    /// A framework reference that matches no stored framework.
    public static let frameworkNotFound = Self("index.framework-not-found")
    /// A period asked for that the data set does not have.
    public static let periodWithoutData = Self("index.period-without-data")
}
