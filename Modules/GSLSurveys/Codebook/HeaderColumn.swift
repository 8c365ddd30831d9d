/// What one column header of a 问卷星 export says about its column.
public enum HeaderColumn: Sendable, Equatable {
    /// A metadata column (序号, 提交答卷时间, …) or an unknown column before the first question.
    case metadata(String)
    /// `N、题目`: a question's own column (text layout, or a single/fill-in column of the code layout).
    case question(number: Int, text: String)
    /// `N、题干—行文本` or `N.行文本`: one row of a matrix question.
    case matrixRow(number: Int, stem: String?, row: String)
    /// `第N题(选项或行)`: an option (0/1) or a matrix row column of the code layout.
    case part(number: Int, label: String)
    /// `N、(其他（请补充）:)` / `第N题(其他)` text column: the text typed for "other".
    case otherText(number: Int)

    /// The question number, or nil for metadata.
    public var number: Int? {
        switch self {
        case .metadata: nil
        case .question(let n, _), .matrixRow(let n, _, _), .part(let n, _), .otherText(let n): n
        }
    }

    /// Reads a header; nil when it is not a question column.
    public static func question(_ header: String) -> HeaderColumn? {
        let scalars = Array(header.unicodeScalars)
        // 第N题(…)
        if header.hasPrefix("第"), let ti = header.firstIndex(of: "题"),
            let n = Int(header[header.index(after: header.startIndex)..<ti])
        {
            var rest = String(header[header.index(after: ti)...])
            if let open = rest.first, open == "(" || open == "（", let close = rest.last,
                close == ")" || close == "）"
            {
                rest = String(rest.dropFirst().dropLast())
                return .part(number: n, label: rest)
            }
            return nil
        }
        var digits = 0
        while digits < scalars.count, scalars[digits].properties.numericType == .decimal,
            scalars[digits].isASCII
        {
            digits += 1
        }
        guard digits > 0, digits < scalars.count,
            let n = Int(String(String.UnicodeScalarView(scalars[0..<digits])))
        else { return nil }
        let separator = scalars[digits]
        let rest = String(String.UnicodeScalarView(scalars[(digits + 1)...]))
        switch separator {
        case "、", "：", ":":
            if let first = rest.first, first == "(" || first == "（", let last = rest.last,
                last == ")" || last == "）"
            {
                return .otherText(number: n)
            }
            if let dash = rest.firstIndex(of: "—") {
                return .matrixRow(
                    number: n, stem: String(rest[..<dash]), row: String(rest[rest.index(after: dash)...]))
            }
            return .question(number: n, text: rest)
        case ".", "．":
            return .matrixRow(number: n, stem: nil, row: rest)
        default:
            return nil
        }
    }
}
