/// The language of user-facing text: Chinese by default, English on request.
public enum Lang: String, Sendable, CaseIterable, Codable {
    /// 中文 (default).
    case zh
    /// English (`--lang en`, `GSL_LANG=en`).
    case en

    /// The language from an optional flag value, else `GSL_LANG`, else Chinese.
    public static func resolve(flag: String?, environment: [String: String]) -> Lang {
        if let flag, let lang = Lang(rawValue: flag.lowercased()) { return lang }
        if let env = environment["GSL_LANG"]?.lowercased() {
            if env.hasPrefix("en") { return .en }
            if env.hasPrefix("zh") { return .zh }
        }
        return .zh
    }
}
