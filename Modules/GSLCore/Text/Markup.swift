/// Helpers for the HTML and SVG that reports write: escaping, estimated text width, fixed decimals.
public enum Markup {
    /// `s` safe inside HTML/SVG text and attribute values.
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Estimated width in pixels of `text` at `fontSize`: wide (CJK) characters take a full em,
    /// arrows and dashes too (CJK fonts draw them wide), other characters about 0.62 em.
    public static func textWidth(_ text: String, fontSize: Double = 12) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if DisplayWidth.of(scalar) == 2 || (0x2190...0x21FF).contains(v) || (0x2010...0x2027).contains(v)
            {
                em += 1
            } else if DisplayWidth.of(scalar) == 1 {
                em += 0.62
            }
        }
        return em * fontSize
    }

    /// `text` shortened with "…" to at most `width` pixels at `fontSize` (never splitting a character).
    public static func fit(_ text: String, width: Double, fontSize: Double = 12) -> String {
        if textWidth(text, fontSize: fontSize) <= width { return text }
        var out = ""
        let budget = width - textWidth("…", fontSize: fontSize)
        for ch in text {
            if textWidth(out + String(ch), fontSize: fontSize) > budget { break }
            out.append(ch)
        }
        return out + "…"
    }

    /// `x` with exactly `digits` decimals, rounded half away from zero ("" for NaN and infinities).
    public static func fixed(_ x: Double, _ digits: Int = 2) -> String {
        guard x.isFinite else { return "" }
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let r = (x * p).rounded() / p
        if digits == 0 { return String(Int(r)) }
        let whole = r < 0 ? "-" : ""
        let a = abs(r)
        let i = Int(a)
        let f = Int(((a - Double(i)) * p).rounded())
        let frac = String(f)
        return whole + String(i) + "." + String(repeating: "0", count: max(0, digits - frac.count)) + frac
    }
}
