/// "Did you mean …?" for a misspelt key or value: the closest candidate by edit distance.
public enum ConfigSuggestion {
    /// The candidate closest to `word` (Damerau–Levenshtein, case-insensitive), when close enough to be a
    /// plausible typo: one edit for words of up to 3 characters, two for longer ones; or a cut-short
    /// word of 4+ characters that begins a candidate (`trunc` → `truncate`).
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c.lowercased()))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (candidate, d) = best else { return nil }
        if d <= (w.count <= 3 ? 1 : 2) { return candidate }
        if w.count >= 4, let c = candidates.first(where: { $0.lowercased().hasPrefix(word.lowercased()) }) {
            return c
        }
        return nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// The one-line message for an unknown key, with a suggestion when one is close.
    public static func unknownKey(_ key: String, path: String, allowed: [String]) -> Message {
        let where_ = path.isEmpty || path == "$" ? "" : "（\(path)）"
        let whereEn = path.isEmpty || path == "$" ? "" : " in \(path)"
        if let s = closest(to: key, among: allowed) {
            return Message(
                "未知字段「\(key)」\(where_)，是否想写 \(s)？", en: "unknown key '\(key)'\(whereEn); did you mean \(s)?")
        }
        let list = allowed.sorted().joined(separator: ", ")
        return Message(
            "未知字段「\(key)」\(where_)；可用字段：\(list)", en: "unknown key '\(key)'\(whereEn); known keys: \(list)")
    }
}
