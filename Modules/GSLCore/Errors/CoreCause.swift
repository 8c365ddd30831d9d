/// The causes of the domain core's errors, for callers and tests to match.
extension GSLError.Cause {
    /// A date that cannot be read (`LocalDate.parse`).
    public static let invalidDate = Self("core.invalid-date")
    /// An amount that cannot be read or is not a whole number of fen (`Money.parse`).
    public static let invalidAmount = Self("core.invalid-amount")
    /// A reporting period that cannot be read (`Period.parse`).
    public static let invalidPeriod = Self("core.invalid-period")
    /// A Unified Social Credit Code that is malformed or fails its check character.
    public static let invalidUSCC = Self("core.invalid-uscc")
    /// A division code that is malformed or names no province.
    public static let invalidDivisionCode = Self("core.invalid-division-code")
    /// An industry code that is not in GB/T 4754-2017.
    public static let unknownIndustry = Self("core.unknown-industry")
    /// An industry the size standard does not classify.
    public static let sizeUnclassifiable = Self("core.size-unclassifiable")
    /// An industry code that spans several size groups.
    public static let sizeIndustryTooCoarse = Self("core.size-industry-too-coarse")
    /// An indicator the size group needs is missing.
    public static let sizeMissingIndicator = Self("core.size-missing-indicator")
    /// A count or amount that must not be negative.
    public static let negativeValue = Self("core.negative-value")
}

extension GSLError.Cause {
    /// Text holding NUL or another control character (tab and line breaks are allowed).
    public static let controlCharacter = Self("core.control-character")
    /// A required value that is missing or blank (a name, a title, the staff of a visit).
    public static let valueRequired = Self("core.value-required")
    /// A telephone number with characters a number cannot have.
    public static let invalidPhone = Self("core.invalid-phone")
    /// A resident ID-card number (GB 11643-1999) that is malformed: length, digits, check
    /// character, or a birth date that does not exist.
    public static let invalidIDCard = Self("core.invalid-id-card")
}
