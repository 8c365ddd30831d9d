import GSLCore
import GSLIndexScoring

/// What the user can do about an error, in terms of this CLI's flags. Modules name causes, not
/// flags (the TUI and the reports have no flags); the edge adds the hint.
enum ErrorHints {
    /// The hint for `cause`, when the CLI has a flag for it.
    static func hint(for cause: GSLError.Cause?) -> Message? {
        guard let cause else { return nil }
        switch cause {
        case .ahpInconsistent: return Message("如确需使用请加 --force", en: "use --force to accept")
        default: return nil
        }
    }

    /// The one line printed for `error`: location, message and the hint.
    static func line(_ error: GSLError, _ lang: Lang) -> String {
        var text = error.rendered(lang)
        if let hint = hint(for: error.cause) {
            text += lang == .zh ? "（\(hint.zh)）" : " (\(hint.en))"
        }
        return text
    }
}
