import GSLCore

extension GSLError {
    /// Whether the message names `value` — the user's input (a file name, a code, the bad text) or a
    /// value the error reports (a count, a key it suggests) — in each of `languages` (both when none
    /// is given). Tests match an error by its cause and check values this way, never its wording.
    public func mentions(_ value: String, in languages: Lang...) -> Bool {
        (languages.isEmpty ? Lang.allCases : languages).allSatisfy { message.text($0).contains(value) }
    }
}
