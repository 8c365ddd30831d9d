/// The causes of settings-file errors (YAML and JSON settings, solver instance documents).
extension GSLError.Cause {
    /// A key the settings file does not know (the message suggests the closest known one).
    public static let configUnknownKey = Self("config.unknown-key")
}
