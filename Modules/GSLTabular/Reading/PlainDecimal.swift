/// Writes number literals in plain decimal: no exponent, no trailing fractional zeros, no `.0`.
enum PlainDecimal {
    /// `1.5e3` → `1500`, `2.50` → `2.5`, `1.0` → `1`, `1e-7` → `0.0000001`, `-0` → `0`.
    /// Texts that are not a decimal literal are returned unchanged.
    static func format(_ literal: String) -> String {
        var text = Substring(literal)
        var negative = false
        if text.first == "-" {
            negative = true; text = text.dropFirst()
        } else if text.first == "+" {
            text = text.dropFirst()
        }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let value = Int(text[text.index(after: e)...]) else { return literal }
            exponent = value
            text = text[..<e]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first,
            whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber),
            parts.count == 1 || (parts[1].allSatisfy(\.isASCII) && parts[1].allSatisfy(\.isNumber)),
            !(whole.isEmpty && (parts.count == 1 || parts[1].isEmpty))
        else { return literal }
        guard abs(exponent) <= 1000 else { return literal }
        var digits = Array(whole) + (parts.count == 2 ? Array(parts[1]) : [])
        var point = whole.count + exponent
        if point < 0 {
            digits = Array(repeating: "0", count: -point) + digits
            point = 0
        }
        if point > digits.count { digits += Array(repeating: "0", count: point - digits.count) }
        var intPart = String(digits[..<point])
        var fraction = String(digits[point...])
        while intPart.count > 1 && intPart.first == "0" { intPart.removeFirst() }
        if intPart.isEmpty { intPart = "0" }
        while fraction.last == "0" { fraction.removeLast() }
        let body = fraction.isEmpty ? intPart : intPart + "." + fraction
        return negative && body != "0" ? "-" + body : body
    }
}
