import Foundation

extension Masking {
    /// `text` with ID-card numbers and phone numbers masked wherever they appear: a recorded
    /// command line (`--id-card 330203198001011234`) or the JSON of an audit entry, where the values
    /// of `id_card`, `phone` and `mobile` keys are masked whatever their shape.
    public static func personalData(in text: String) -> String {
        var out = replacing(keyedValues, in: text) { groups in
            let value = groups[2]
            let masked = groups[1] == "id_card" ? idCard(value) : phone(value)
            return groups[0].replacingOccurrences(of: "\"\(value)\"", with: "\"\(masked)\"")
        }
        out = replacing(idCardPattern, in: out) { idCard($0[0]) }
        out = replacing(phonePattern, in: out) { phone($0[0]) }
        return out
    }

    private static let keyedValues = try! NSRegularExpression(
        pattern: #""(id_card|phone|mobile)"\s*:\s*"([^"\\]*)""#)
    /// 18 characters with a birth date at 7–14, not part of a longer code.
    private static let idCardPattern = try! NSRegularExpression(
        pattern:
            #"(?<![0-9A-Za-z*])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])"#
    )
    /// Mobile numbers (1[3-9] + 9 digits) and landlines with an area code (0574-87050028).
    private static let phonePattern = try! NSRegularExpression(
        pattern: #"(?<![0-9*])(?:1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[0-9]{7,8})(?![0-9])"#)

    /// Replaces every match of `regex` with `transform(groups)`, groups[0] being the whole match.
    private static func replacing(
        _ regex: NSRegularExpression, in text: String, _ transform: ([String]) -> String
    ) -> String {
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let groups = (0..<match.numberOfRanges).map {
                match.range(at: $0).location == NSNotFound ? "" : ns.substring(with: match.range(at: $0))
            }
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            out += transform(groups)
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }
}
