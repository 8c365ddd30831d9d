/// The causes of settings-file errors (framework, spec, casework settings, solver instances read
/// strictly), for callers and tests to match.
extension GSLError.Cause {
    /// A document that does not parse as JSON or YAML.
    public static let configSyntax = Self("config.syntax")
    /// A key that no setting reads (usually misspelt; the message suggests the closest one).
    public static let configUnknownKey = Self("config.unknown-key")
    /// A value of the wrong type: text for a number, a fraction for a whole number, a list for a mapping.
    public static let configWrongType = Self("config.wrong-type")
    /// A number too large for its field (`1e400`).
    public static let configNumberOutOfRange = Self("config.number-out-of-range")
    /// YAML whose aliases expand past the node budget (an "alias bomb").
    public static let configAliasExpansion = Self("config.alias-expansion")
}
