import GSLCore

/// The causes of the full-screen app's errors.
extension GSLError.Cause {
    /// The key trace file (`GSL_TUI_TRACE`) cannot be written.
    public static let tuiTraceNotWritable = Self("tui.trace-not-writable")
}
