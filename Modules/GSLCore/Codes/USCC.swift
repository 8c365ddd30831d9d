/// The Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters — registration
/// authority, organisation type, 6-digit division code, 9-character organisation code, check character.
public enum USCC {
    /// The 31 characters a code may use (no I, O, Z, S, V), in check-value order.
    public static let charset: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// The value of each character of `charset`.
    static let values: [Character: Int] = Dictionary(
        uniqueKeysWithValues: charset.enumerated().map { ($0.element, $0.offset) })

    /// The weights 3^(i−1) mod 31 for positions 1–17.
    static let weights: [Int] = (0..<17).reduce(into: [Int]()) { list, index in
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
        public let organisationCode: String
        /// Position 18: the check character.
        public let check: Character
    }

    /// The check character for the first 17 characters; nil if the length is not 17 or a character
    /// is not in `charset`.
    public static func checkCharacter(forFirst17 text: String) -> Character? {
        // Only 17 ASCII characters of the charset can succeed, so the bytes decide everything.
        let value = UTF8Scan.withBytes(text) { bytes -> Int in
            guard bytes.count == 17 else { return -1 }
            return checkValue(bytes)
        }
        return value < 0 ? nil : charset[value]
    }

    /// The value (index into `charset`) of each byte that is a charset character; -1 otherwise.
    private static let byteValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, char) in charset.enumerated() { table[Int(char.asciiValue!)] = Int8(index) }
        return table
    }()

    /// The check value for the first 17 bytes, or -1 if one of them is not in `charset`.
    private static func checkValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        byteValues.withUnsafeBufferPointer { table in
            var sum = 0
            var weight = 1
            for index in 0..<17 {
                let value = Int(table[Int(bytes[index])])
                guard value >= 0 else { return -1 }
                sum += value * weight
                weight = weight * 3 % 31
            }
            return (31 - sum % 31) % 31
        }
    }

    /// Whether (authority byte × 256 + type byte) is a valid combination of `organisationTypes`.
    private static let validTypePairs: [Bool] = {
        var table = [Bool](repeating: false, count: 256 * 256)
        for (authority, entry) in organisationTypes {
            for type in entry.types {
                table[Int(authority.asciiValue!) * 256 + Int(type.asciiValue!)] = true
            }
        }
        return table
    }()

    /// Whether a two-digit number is a province code (or 10, the national level).
    private static let validProvinces: [Bool] = (0..<100).map { number in
        let code = number < 10 ? "0\(number)" : "\(number)"
        return code == "10" || DivisionCode.provinceCodes.contains(code)
    }

    /// `normalise(_:)` for ASCII text (trim ASCII whitespace, upper-case ASCII letters); nil when the
    /// text is not ASCII or is too long to be a code once trimmed.
    static func asciiNormalised(_ text: String) -> String? {
        UTF8Scan.withBytes(text) { bytes -> String? in
            var start = 0
            var end = bytes.count
            while start < end, UTF8Scan.isASCIIWhitespace(bytes[start]) { start += 1 }
            while end > start, UTF8Scan.isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
            guard end - start == 18 else { return nil }
            var upper = [UInt8](repeating: 0, count: 18)
            for index in 0..<18 {
                let byte = bytes[start + index]
                guard byte < 0x80 else { return nil }
                upper[index] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
            }
            for byte in bytes where byte >= 0x80 { return nil }
            return String(decoding: upper, as: UTF8.self)
        }
    }

    /// Whether `text` is already a normalised, valid code: 18 upper-case ASCII charset characters
    /// that pass every check `problem(normalised:original:)` makes. False means "not sure".
    static func isValidNormalised(_ text: String) -> Bool {
        UTF8Scan.withBytes(text) { bytes in
            guard bytes.count == 18 else { return false }
            let check = checkValue(bytes)
            guard check >= 0, bytes[17] == charset[check].asciiValue! else { return false }
            guard validTypePairs[Int(bytes[0]) * 256 + Int(bytes[1])] else { return false }
            for index in 2..<8 where !UTF8Scan.isDigit(bytes[index]) { return false }
            return validProvinces[Int(bytes[2] - 0x30) * 10 + Int(bytes[3] - 0x30)]
        }
    }

    /// The normalised code (trimmed, half-width, upper case) if it is valid; else a data error with
    /// the precise reason.
    public static func validate(_ text: String) throws(GSLError) -> String {
        if isValidNormalised(text) { return text }
        if let code = asciiNormalised(text), isValidNormalised(code) { return code }
        return try validateFully(text)
    }

    /// `validate(_:)` without the byte-level fast path (the reference the fast path must agree with).
    static func validateFully(_ text: String) throws(GSLError) -> String {
        let code = normalise(text)
        if let message = problem(normalised: code, original: text) {
            throw GSLError(.data, message).because(.invalidUSCC)
        }
        return code
    }

    /// nil if `text` is a valid code, else why not.
    public static func problem(with text: String) -> Message? {
        if isValidNormalised(text) { return nil }
        if let code = asciiNormalised(text), isValidNormalised(code) { return nil }
        return problem(normalised: normalise(text), original: text)
    }

    /// The parts of a normalised 18-character code; nil if it is not 18 characters long.
    public static func parts(of code: String) -> Parts? {
        let printable = UTF8Scan.withBytes(code) { bytes in
            bytes.count == 18 && bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        }
        if printable {
            // 18 printable ASCII bytes are 18 characters.
            let utf8 = code.utf8
            let start = utf8.startIndex
            func text(_ from: Int, _ to: Int) -> String {
                String(Substring(utf8[utf8.index(start, offsetBy: from)..<utf8.index(start, offsetBy: to)]))
            }
            func char(_ at: Int) -> Character {
                Character(Unicode.Scalar(utf8[utf8.index(start, offsetBy: at)]))
            }
            return Parts(
                registrationAuthority: char(0), orgType: char(1), divisionCode: text(2, 8),
                organisationCode: text(8, 17), check: char(17))
        }
        return partsFully(of: code)
    }

    /// `parts(of:)` over characters (the reference for the fast path).
    static func partsFully(of code: String) -> Parts? {
        let chars = Array(code)
        guard chars.count == 18 else { return nil }
        return Parts(
            registrationAuthority: chars[0], orgType: chars[1], divisionCode: String(chars[2..<8]),
            organisationCode: String(chars[8..<17]), check: chars[17])
    }

    /// `9.13302E+17`: a number Excel shows in scientific notation.
    static func isScientificNotation(_ code: String) -> Bool {
        let parts = code.split(separator: "E", omittingEmptySubsequences: false)
        guard parts.count == 2, let exponent = Int(parts[1].drop { $0 == "+" }), exponent > 0 else {
            return false
        }
        return !parts[0].isEmpty && parts[0].allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }

    /// Trimmed, half-width, upper case.
    static func normalise(_ text: String) -> String {
        TextNormaliser.halfWidth(text).trimmingWhitespace().uppercased()
    }

    static func problem(normalised code: String, original: String) -> Message? {
        let chars = Array(code)
        if isScientificNotation(code) {
            return Message(
                "统一社会信用代码“\(original)”被 Excel 显示成了科学计数法，后几位已丢失；请把该列设为“文本”格式、重新填入代码后再导出",
                en:
                    "Unified Social Credit Code '\(original)' was turned into scientific notation by Excel and its last digits are lost; format the column as Text, enter the codes again and export"
            )
        }
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
