/// Masks personal data (phone and ID-card numbers) for lists and exports unless `--unmask` is given.
public enum Masking {
    /// `13812345678` → `138****5678`; other phone forms keep their first 3 and last 2 characters.
    public static func phone(_ value: String) -> String {
        let chars = Array(value)
        guard chars.count > 6 else { return String(repeating: "*", count: chars.count) }
        if chars.count == 11 { return String(chars[0..<3]) + "****" + String(chars[7...]) }
        return String(chars[0..<3]) + String(repeating: "*", count: chars.count - 5)
            + String(chars[(chars.count - 2)...])
    }

    /// `330203198001011234` → `330203********1234`: region kept, birth date and sequence hidden.
    public static func idCard(_ value: String) -> String {
        let chars = Array(value)
        guard chars.count > 10 else { return String(repeating: "*", count: chars.count) }
        return String(chars[0..<6]) + String(repeating: "*", count: chars.count - 10)
            + String(chars[(chars.count - 4)...])
    }
}
