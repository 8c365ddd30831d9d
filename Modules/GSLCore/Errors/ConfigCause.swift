/// The causes of settings-file errors (`ConfigJSON`, `ConfigYAML`, `ConfigDecoder`, and solver
/// instance documents read by the app), for callers and
/// tests to match.
extension GSLError.Cause {
    /// A settings file that is not well-formed JSON or YAML.
    public static let configSyntax = Self("config.syntax")
    /// A key given twice in one mapping.
    public static let configDuplicateKey = Self("config.duplicate-key")
    /// A document too large to read safely: YAML aliases that expand beyond the node budget, or
    /// nesting deeper than the limit.
    public static let configTooLarge = Self("config.too-large")
    /// A key the settings do not read (misspelt or stray); the message suggests the closest known key.
    public static let configUnknownKey = Self("config.unknown-key")
    /// A required key that is absent.
    public static let configMissingKey = Self("config.missing-key")
    /// A value of the wrong type: text for a number, a list for a mapping, too few items.
    public static let configWrongType = Self("config.wrong-type")
    /// A number that does not fit its setting (1e400, 300 for an 8-bit count).
    public static let configNumberOutOfRange = Self("config.number-out-of-range")
    /// A value the setting does not accept: an unknown option, a value its type refuses.
    public static let configInvalidValue = Self("config.invalid-value")
}
