/// The one-line progress bar that long work draws on a terminal's stderr:
/// `导入 [=========>          ] 45%  45,000/100,000`.
public enum ProgressText {
    /// The line for `done` of `total`, with a bar `width` cells wide.
    public static func line(label: String, done: Int, total: Int, width: Int = 30) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        var bar = String(repeating: "=", count: filled)
        if filled < width {
            bar += ">" + String(repeating: " ", count: width - filled - 1)
        }
        let percent = Int((fraction * 100).rounded(.down))
        return "\(label) [\(bar)] \(percent)%  \(grouped(done))/\(grouped(total))"
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
