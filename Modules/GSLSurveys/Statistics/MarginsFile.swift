import Foundation
import GSLCore

/// A weighting specification file: margins over single-choice questions, and trimming.
///
/// ```yaml
/// margins:
///   - question: 3
///     targets: {鄞州区: 1200, 余姚市: 800}
///   - question: [7, 9]          # a joint margin: the cells of two questions
///     targets: {鄞州区×小型: 300, 鄞州区×微型: 900, 余姚市×小型: 200, 余姚市×微型: 600}
/// trim: {lower: 0.3, upper: 3}
/// ```
public struct MarginsFile: Sendable, Equatable {
    /// One margin as written.
    public struct Margin: Sendable, Equatable {
        /// The question (`3`, `Q3`), or for a joint margin the questions whose answer cells it
        /// covers, in order.
        public var questions: [String]
        /// Category label → target, in file order, each with where it is; a joint margin's label
        /// joins the questions' option labels with `×` (`鄞州区×小型`).
        public var targets: [(label: String, value: Double, at: SourceLocation)]
        /// Where the margin starts.
        public var at: SourceLocation
        /// Where the targets come from when not from a file (e.g. `会员企业·区县`), for reports.
        public var source: String?

        /// A margin over one question or, jointly, several.
        public init(
            questions: [String], targets: [(label: String, value: Double, at: SourceLocation)],
            at: SourceLocation, source: String? = nil
        ) {
            self.questions = questions
            self.targets = targets
            self.at = at
            self.source = source
        }

        /// The separator of a joint margin's labels.
        public static let jointSeparator: Character = "×"

        public static func == (a: Margin, b: Margin) -> Bool {
            a.questions == b.questions && a.targets.map(\.label) == b.targets.map(\.label)
                && a.targets.map(\.value) == b.targets.map(\.value)
        }
    }

    /// The margins.
    public var margins: [Margin]
    /// Trimming bounds relative to the mean weight.
    public var trim: Raking.Trim?

    /// A specification built in code (e.g. from the store's population).
    public init(margins: [Margin], trim: Raking.Trim?) {
        self.margins = margins
        self.trim = trim
    }

    /// Reads the file strictly: unknown keys refused with a suggestion, targets numbers ≥ 0.
    public static func parse(_ text: String, file: String) throws(GSLError) -> MarginsFile {
        let root = try ConfigYAML.parse(text, file: file)
        try ConfigDecoder.refuseUnknownKeys(root, allowed: ["margins", "trim"], path: "", file: file)
        func bad(_ zh: String, _ en: String, _ node: ConfigNode?) -> GSLError {
            GSLError.data(zh, en: en, at: node?.location(file: file) ?? SourceLocation(file: file))
                .because(.surveysMarginInvalid)
        }
        func number(_ node: ConfigNode?) -> Double? {
            guard let t = node?.scalarText else { return nil }
            return Double(t.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: ""))
        }
        guard let list = root["margins"]?.items, !list.isEmpty else {
            throw bad("边际文件中没有 margins 列表", "the margins file has no margins list", root)
        }
        var margins: [Margin] = []
        for (i, node) in list.enumerated() {
            try ConfigDecoder.refuseUnknownKeys(
                node, allowed: ["question", "targets"], path: "margins[\(i)]", file: file)
            let questions: [String]
            if let q = node["question"]?.scalarText {
                questions = q.split(separator: Margin.jointSeparator).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
            } else if let list = node["question"]?.items, !list.isEmpty,
                list.allSatisfy({ $0.scalarText != nil })
            {
                questions = list.compactMap(\.scalarText)
            } else {
                throw bad("第 \(i + 1) 个边际缺少 question", "margin \(i + 1) has no question", node)
            }
            guard let entries = node["targets"]?.entries, !entries.isEmpty else {
                throw bad("第 \(i + 1) 个边际缺少 targets", "margin \(i + 1) has no targets", node)
            }
            var targets: [(String, Double, SourceLocation)] = []
            for entry in entries {
                let at = SourceLocation(file: file, line: entry.line, column: entry.column, field: entry.key)
                guard let v = number(entry.value), v >= 0, v.isFinite else {
                    throw GSLError.data(
                        "“\(entry.key)”的目标值应为非负数：\(entry.value.scalarText ?? "")",
                        en:
                            "the target of \"\(entry.key)\" must be a number ≥ 0: \(entry.value.scalarText ?? "")",
                        at: at
                    ).because(.surveysMarginInvalid)
                }
                targets.append((entry.key, v, at))
            }
            margins.append(Margin(questions: questions, targets: targets, at: node.location(file: file)))
        }
        var trim: Raking.Trim?
        if let t = root["trim"] {
            try ConfigDecoder.refuseUnknownKeys(t, allowed: ["lower", "upper"], path: "trim", file: file)
            guard let lower = number(t["lower"]), let upper = number(t["upper"]), lower > 0, lower < 1,
                upper > 1
            else {
                throw bad(
                    "trim 应为 {lower: 0 到 1 之间, upper: 大于 1}",
                    "trim must be {lower: between 0 and 1, upper: above 1}", t)
            }
            trim = Raking.Trim(lower: lower, upper: upper)
        }
        return MarginsFile(margins: margins, trim: trim)
    }
}
