/// Hierarchical codes (divisions, industries) nest by prefix, so "in or below X" is the half-open
/// text range [X, X+1) that an index can scan.
enum CodeRange {
    /// The smallest string greater than every string starting with `prefix`.
    static func upperBound(ofPrefix prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            if let next = Unicode.Scalar(last.value + 1) {
                scalars.append(next)
                return String(String.UnicodeScalarView(scalars))
            }
        }
        return "\u{10FFFF}"
    }
}
