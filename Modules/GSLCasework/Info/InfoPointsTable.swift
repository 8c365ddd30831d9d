import Foundation
import GSLCore

/// Points for each event of an information report. The defaults are illustrative, not an official
/// scheme: every federation sets its own, so a table can be read from JSON or a small YAML file.
/// Points are exact decimals (0.1 + 0.2 is 0.3), so sums and ties do not depend on binary rounding.
public struct InfoPointsTable: Sendable, Hashable, Codable {
    /// Points for a submission.
    public var submission: Decimal
    /// Points for an adoption, by level.
    public var adoption: [InfoLevel: Decimal]
    /// Points for a leader's instruction, by level.
    public var instruction: [InfoLevel: Decimal]

    /// A table; levels left out score 0.
    public init(submission: Decimal, adoption: [InfoLevel: Decimal], instruction: [InfoLevel: Decimal]) {
        self.submission = submission
        self.adoption = adoption
        self.instruction = instruction
    }

    /// Illustrative defaults: submission 1; adoption 10 / 5 / 2; instruction 15 / 8 / 4.
    public static let standard = InfoPointsTable(
        submission: 1, adoption: [.national: 10, .provincial: 5, .municipal: 2],
        instruction: [.national: 15, .provincial: 8, .municipal: 4])

    /// The points one event earns.
    public func points(for event: InfoEvent) -> Decimal {
        switch event.kind {
        case .submit: submission
        case .adopt: event.level.flatMap { adoption[$0] } ?? 0
        case .instruct: event.level.flatMap { instruction[$0] } ?? 0
        }
    }

    private enum Keys: String, CodingKey { case submission, adoption, instruction }

    /// Decodes `{"submission": 1, "adoption": {"national": 10, …}, "instruction": {…}}` (from a
    /// Decoder; files go through `parse`, which is stricter and exact).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let adoption = try c.decode([String: Decimal].self, forKey: .adoption)
        let instruction = try c.decode([String: Decimal].self, forKey: .instruction)
        do {
            self.init(
                submission: try Self.checked(c.decode(Decimal.self, forKey: .submission), "submission"),
                adoption: try Self.levels(adoption, "adoption"),
                instruction: try Self.levels(instruction, "instruction"))
        } catch let error as GSLError {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.rendered(.en)))
        }
    }

    /// Encodes in the shape `init(from:)` reads.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(submission, forKey: .submission)
        try c.encode(
            Dictionary(uniqueKeysWithValues: adoption.map { ($0.key.rawValue, $0.value) }), forKey: .adoption)
        try c.encode(
            Dictionary(uniqueKeysWithValues: instruction.map { ($0.key.rawValue, $0.value) }),
            forKey: .instruction)
    }

    static func checked(_ value: Decimal, _ name: String) throws(GSLError) -> Decimal {
        guard !value.isNaN, value >= 0 else {
            throw GSLError.data("积分表 \(name) 须为非负数", en: "points table \(name) must be a non-negative number")
        }
        return value
    }

    static func levels(_ raw: [String: Decimal], _ section: String) throws(GSLError) -> [InfoLevel: Decimal] {
        var out: [InfoLevel: Decimal] = [:]
        for (name, value) in raw.sorted(by: { $0.key < $1.key }) {
            let level: InfoLevel
            do {
                level = try InfoLevel.parse(name)
            } catch {
                throw GSLError.data(
                    "积分表 \(section) 中的\(error.message.zh)", en: "points table \(section): \(error.message.en)"
                )
            }
            if out[level] != nil {
                throw GSLError.data(
                    "积分表 \(section) 中级别 \(name) 重复", en: "points table \(section) gives level \(name) twice")
            }
            out[level] = try checked(value, "\(section).\(name)")
        }
        return out
    }

    /// A number as typed (`2`, `0.1`, `1.5e2`) as an exact decimal; nil when it is not a finite number.
    static func decimal(_ text: String) -> Decimal? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let d = Double(t), d.isFinite, !t.lowercased().hasPrefix("0x") else { return nil }
        return Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Reads a table from JSON (text starting with `{`) or from YAML of the same shape
    /// (`submission: 1`, then `adoption:` and `instruction:` with indented `level: points` lines).
    /// Strict like every settings file: unknown keys, unknown or repeated levels, values that are not
    /// finite non-negative numbers and malformed text are refused (`GSLError.data`, exit 65) with a
    /// message in both languages; the key is named, and the line in YAML.
    public static func parse(_ text: String) throws(GSLError) -> InfoPointsTable {
        let trimmed = text.trimmingCharacters(
            in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
        do {
            if trimmed.hasPrefix("{") { return try InfoPointsJSON.parse(trimmed) }
            return try parseYAML(trimmed)
        } catch {
            throw error.because(.pointsTableInvalid)
        }
    }

    static func parseYAML(_ text: String) throws(GSLError) -> InfoPointsTable {
        var submission: Decimal?
        var sections: [String: [String: Decimal]] = [:]
        var current: String?
        for (index, rawLine) in text.components(separatedBy: .newlines).enumerated() {
            let line =
                rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(
                    String.init) ?? ""
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let indented = line.first == " " || line.first == "\t"
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
            let at = SourceLocation(line: index + 1)
            guard let value else {
                throw GSLError.data(
                    "积分表第 \(index + 1) 行缺少冒号", en: "points table line \(index + 1) has no colon", at: at)
            }
            if !indented {
                switch key {
                case "submission":
                    guard let v = decimal(value) else {
                        throw GSLError.data(
                            "积分表 submission 不是有限的数：\(value)",
                            en: "points table submission is not a finite number: \(value)", at: at)
                    }
                    submission = v
                    current = nil
                case "adoption", "instruction":
                    guard value.isEmpty else {
                        throw GSLError.data(
                            "积分表 \(key) 须为分级列表", en: "points table \(key) must list levels", at: at)
                    }
                    current = key
                    sections[key, default: [:]] = [:]
                default:
                    throw GSLError.data(
                        "积分表未知项 \(key)；可用：submission、adoption、instruction",
                        en: "unknown points table key \(key); known: submission, adoption, instruction",
                        at: at)
                }
            } else {
                guard let section = current else {
                    throw GSLError.data(
                        "积分表第 \(index + 1) 行缩进位置不对",
                        en: "points table line \(index + 1) is indented under nothing", at: at)
                }
                guard let v = decimal(value) else {
                    throw GSLError.data(
                        "积分表 \(section).\(key) 不是有限的数：\(value)",
                        en: "points table \(section).\(key) is not a finite number: \(value)", at: at)
                }
                if sections[section, default: [:]][key] != nil {
                    throw GSLError.data(
                        "积分表 \(section).\(key) 重复（第 \(index + 1) 行）",
                        en: "points table \(section).\(key) is given twice (line \(index + 1))", at: at)
                }
                sections[section, default: [:]][key] = v
            }
        }
        guard let submission, let adoption = sections["adoption"], let instruction = sections["instruction"]
        else {
            throw GSLError.data(
                "积分表须含 submission、adoption、instruction",
                en: "the points table needs submission, adoption and instruction")
        }
        return InfoPointsTable(
            submission: try checked(submission, "submission"), adoption: try levels(adoption, "adoption"),
            instruction: try levels(instruction, "instruction"))
    }
}
