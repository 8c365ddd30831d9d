/// The Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters — registration
/// authority, organisation type, 6-digit division code, 9-character organisation code, check character.
public enum USCC {
    /// The 31 characters a code may use (no I, O, Z, S, V), in check-value order.
    public static let charset: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// The value of each character of `charset`.
    private static let values: [Character: Int] = Dictionary(
        uniqueKeysWithValues: charset.enumerated().map { ($0.element, $0.offset) })

    /// The weights 3^(i−1) mod 31 for positions 1–17.
    private static let weights: [Int] = (0..<17).reduce(into: [Int]()) { list, index in
        list.append(index == 0 ? 1 : list[index - 1] * 3 % 31)
    }

    /// The organisation types each registration authority may issue (GB 32100-2015 table 1 and its
    /// later additions for the military and agriculture).
    static let organisationTypes: [Character: (authority: String, types: Set<Character>)] = [
        "1": ("机构编制", ["1", "2", "3", "9"]),
        "2": ("外交", ["1", "9"]),
        "3": ("司法行政", ["1", "2", "3", "4", "5", "9"]),
        "4": ("文化", ["1", "9"]),
        "5": ("民政", ["1", "2", "3", "9"]),
        "6": ("旅游", ["1", "2", "9"]),
        "7": ("宗教", ["1", "2", "9"]),
        "8": ("工会", ["1", "9"]),
        "9": ("工商", ["1", "2", "3"]),
        "A": ("中央军委改革和编制办公室", ["1", "9"]),
        "N": ("农业", ["1", "2", "3", "9"]),
        "Y": ("其他", ["1"]),
    ]

    /// The parts of a code.
    public struct Parts: Sendable, Equatable {
        /// Position 1: the registration authority (9 = market regulation, 5 = civil affairs, …).
        public let registrationAuthority: Character
        /// Position 2: the organisation type within that authority (1 = enterprise under 9, …).
        public let orgType: Character
        /// Positions 3–8: the GB/T 2260 division code of the registering office.
        public let divisionCode: String
        /// Positions 9–17: the organisation code (GB 11714) or its stand-in.
        public let organizationCode: String
        /// Position 18: the check character.
        public let check: Character
    }

    /// The check character for the first 17 characters; nil if the length is not 17 or a character
    /// is not in `charset`.
    public static func checkCharacter(forFirst17 text: String) -> Character? {
        let chars = Array(text)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (index, char) in chars.enumerated() {
            guard let value = values[char] else { return nil }
            sum += value * weights[index]
        }
        return charset[(31 - sum % 31) % 31]
    }

    /// The normalised code (trimmed, half-width, upper case) if it is valid; else a data error with
    /// the precise reason.
    public static func validate(_ text: String) throws(GSLError) -> String {
        let code = normalise(text)
        if let message = problem(normalised: code, original: text) {
            throw GSLError(.data, message)
        }
        return code
    }

    /// nil if `text` is a valid code, else why not.
    public static func problem(with text: String) -> Message? {
        problem(normalised: normalise(text), original: text)
    }

    /// The parts of a normalised 18-character code; nil if it is not 18 characters long.
    public static func parts(of code: String) -> Parts? {
        let chars = Array(code)
        guard chars.count == 18 else { return nil }
        return Parts(
            registrationAuthority: chars[0], orgType: chars[1], divisionCode: String(chars[2..<8]),
            organizationCode: String(chars[8..<17]), check: chars[17])
    }

    /// Trimmed, half-width, upper case.
    private static func normalise(_ text: String) -> String {
        TextNormalizer.halfWidth(text).trimmingWhitespace().uppercased()
    }

    private static func problem(normalised code: String, original: String) -> Message? {
        let chars = Array(code)
        guard chars.count == 18 else {
            return Message(
                "统一社会信用代码“\(original)”应为18位，实际\(chars.count)位",
                en: "Unified Social Credit Code '\(original)' must have 18 characters, found \(chars.count)")
        }
        for (index, char) in chars.enumerated() where values[char] == nil {
            return Message(
                "统一社会信用代码“\(original)”第\(index + 1)位字符“\(char)”不合法（只用数字和除 I、O、Z、S、V 以外的大写字母）",
                en:
                    "Unified Social Credit Code '\(original)' has invalid character '\(char)' at position \(index + 1) (I, O, Z, S, V never occur)"
            )
        }
        guard let parts = parts(of: code) else { return nil }
        guard let authority = organisationTypes[parts.registrationAuthority],
            authority.types.contains(parts.orgType)
        else {
            return Message(
                "统一社会信用代码“\(original)”的登记管理部门代码“\(parts.registrationAuthority)”与机构类别代码“\(parts.orgType)”不是有效组合",
                en:
                    "Unified Social Credit Code '\(original)': registration authority '\(parts.registrationAuthority)' with organisation type '\(parts.orgType)' is not a valid combination"
            )
        }
        let province = String(parts.divisionCode.prefix(2))
        guard parts.divisionCode.allSatisfy({ $0.isASCII && $0.isNumber }),
            province == "10" || DivisionCode.provinceCodes.contains(province)
        else {
            return Message(
                "统一社会信用代码“\(original)”第3–8位“\(parts.divisionCode)”不是有效的行政区划代码",
                en:
                    "Unified Social Credit Code '\(original)': positions 3–8 '\(parts.divisionCode)' are not a valid division code"
            )
        }
        let expected = checkCharacter(forFirst17: String(chars[0..<17]))
        guard let expected, expected == parts.check else {
            let shown = expected.map(String.init) ?? "?"
            return Message(
                "统一社会信用代码“\(original)”校验位应为 \(shown)，实际为 \(parts.check)",
                en:
                    "Unified Social Credit Code '\(original)': wrong check character (expected \(shown), found \(parts.check))"
            )
        }
        return nil
    }
}

private extension String {
    /// The text without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
