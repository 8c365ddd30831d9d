/// Causes of codes that fail their standard's rules, beside `CoreCause.swift`.
extension GSLError.Cause {
    /// A resident ID-card number (GB 11643-1999) that is malformed: length, digits, check
    /// character, or a birth date that does not exist.
    public static let invalidIDCard = Self("core.invalid-id-card")
}
