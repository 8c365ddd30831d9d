/// Resident identity card numbers (GB 11643-1999): 18 characters, ISO 7064 MOD 11-2 check character.
public enum IDCardNumber {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checks: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// nil when the number is well-formed, else why not.
    public static func problem(with text: String) -> Message? {
        let chars = Array(text.uppercased())
        guard chars.count == 18 else {
            return Message(
                "身份证号应为18位，实际\(chars.count)位", en: "an ID card number has 18 characters, found \(chars.count)"
            )
        }
        var sum = 0
        for (i, c) in chars.prefix(17).enumerated() {
            guard let d = c.wholeNumberValue, c.isASCII else {
                return Message("身份证号前17位应为数字", en: "the first 17 characters of an ID card number are digits")
            }
            sum += d * weights[i]
        }
        let expected = checks[sum % 11]
        guard chars[17] == expected else {
            return Message(
                "身份证号校验位应为 \(expected)，实际为 \(chars[17])",
                en: "ID card check character should be \(expected), found \(chars[17])")
        }
        let year = Int(String(chars[6..<10])) ?? 0
        let month = Int(String(chars[10..<12])) ?? 0
        let day = Int(String(chars[12..<14])) ?? 0
        guard (1900...2100).contains(year), LocalDate(year: year, month: month, day: day) != nil else {
            return Message("身份证号中的出生日期无效", en: "the birth date inside the ID card number is invalid")
        }
        return nil
    }

    /// The birth year encoded in a valid number.
    public static func birthYear(_ text: String) -> Int? {
        guard problem(with: text) == nil else { return nil }
        return Int(String(Array(text)[6..<10]))
    }
}
