/// An administrative division code (GB/T 2260 for provinces, cities and counties; the NBS
/// statistical codes for towns and villages), held in its shortest canonical form.
public struct DivisionCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The canonical shortest form: 2, 4, 6, 9 or 12 digits.
    public let rawValue: String

    /// The lengths of the five segments: province, city, county, town, village.
    private static let segmentLengths = [2, 2, 2, 3, 3]

    /// The province-level codes in use (GB/T 2260), including Taiwan, Hong Kong and Macao.
    public static let provinceCodes: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ]

    /// Parses a code typed in any common form: full-width digits and spaces are accepted, and the
    /// zero-padded forms of higher levels (`330000`, `330200000000`) become their shortest form.
    public init(_ text: String) throws(GSLError) {
        do { try self.init(checking: text) } catch { throw error.because(.invalidDivisionCode) }
    }

    private init(checking text: String) throws(GSLError) {
        let cleaned = String(TextNormaliser.halfWidth(text).filter { !$0.isWhitespace })
        guard !cleaned.isEmpty else {
            throw .data("区划代码为空", en: "the division code is empty")
        }
        guard cleaned.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .data(
                "区划代码“\(text)”含有非数字字符", en: "division code '\(text)' contains a character that is not a digit"
            )
        }
        guard [2, 4, 6, 9, 12].contains(cleaned.count) else {
            throw .data(
                "区划代码“\(text)”位数不对：应为2、4、6、9或12位，实际\(cleaned.count)位",
                en: "division code '\(text)' has \(cleaned.count) digits; expected 2, 4, 6, 9 or 12")
        }
        // Cut into segments; a zero segment ends the code, and nothing non-zero may follow it.
        var segments: [Substring] = []
        var rest = Substring(cleaned)
        for length in Self.segmentLengths where !rest.isEmpty {
            segments.append(rest.prefix(length))
            rest = rest.dropFirst(length)
        }
        let isZero: (Substring) -> Bool = { $0.allSatisfy { $0 == "0" } }
        guard let province = segments.first, !isZero(province) else {
            throw .data("区划代码“\(text)”的省级代码为00", en: "division code '\(text)' has province code 00")
        }
        guard Self.provinceCodes.contains(String(province)) else {
            throw .data(
                "区划代码“\(text)”的省级代码\(province)不存在",
                en: "division code '\(text)' has province code \(province), which does not exist")
        }
        var kept = 1
        while kept < segments.count, !isZero(segments[kept]) { kept += 1 }
        guard segments[kept...].allSatisfy(isZero) else {
            throw .data(
                "区划代码“\(text)”中间有全零的层级，但后面还有非零代码",
                en: "division code '\(text)' has an all-zero level followed by non-zero digits")
        }
        rawValue = segments[..<kept].joined()
    }

    /// A code known to be canonical (internal: used for parents).
    private init(canonical: String) {
        rawValue = canonical
    }

    /// The level of the unit this code names.
    public var level: DivisionLevel {
        DivisionLevel(digitCount: rawValue.count) ?? .village
    }

    /// The code of the unit one level up; nil for a province.
    public var parent: DivisionCode? {
        guard let index = DivisionLevel.allCases.firstIndex(of: level), index > 0 else { return nil }
        return DivisionCode(canonical: String(rawValue.prefix(DivisionLevel.allCases[index - 1].digitCount)))
    }

    /// Every unit above this one, the province first; the code itself is not included.
    public var ancestors: [DivisionCode] {
        var chain: [DivisionCode] = []
        var current = parent
        while let code = current {
            chain.insert(code, at: 0)
            current = code.parent
        }
        return chain
    }

    /// 村委会, 居委会 or other, told by the last three digits; nil above village level.
    public var villageKind: VillageKind? {
        guard level == .village, let number = Int(rawValue.suffix(3)) else { return nil }
        return VillageKind(lastThreeDigits: number)
    }

    /// Whether this code names a unit that contains `other` (a unit is not its own ancestor).
    public func isAncestor(of other: DivisionCode) -> Bool {
        other.rawValue.count > rawValue.count && other.rawValue.hasPrefix(rawValue)
    }

    /// The 12-digit NBS form, padded with zeros.
    public var padded12: String {
        rawValue + String(repeating: "0", count: 12 - rawValue.count)
    }

    /// The canonical code.
    public var description: String { rawValue }

    /// Codes order as in the NBS lists: a unit comes right before the units it contains.
    public static func < (lhs: DivisionCode, rhs: DivisionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes a code from a single string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try DivisionCode(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message.en)
        }
    }

    /// Encodes the canonical code as a single string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
