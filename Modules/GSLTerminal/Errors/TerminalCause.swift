import GSLCore

/// The causes of terminal errors.
extension GSLError.Cause {
    /// Standard input or output is not a terminal (the full-screen interface cannot start).
    public static let terminalNotATerminal = Self("terminal.not-a-terminal")
}
