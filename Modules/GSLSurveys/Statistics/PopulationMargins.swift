import GSLCore

/// A field of the federation's own records that a survey question can be weighted to: the county,
/// size class or industry section of the enterprises in the store.
public enum PopulationDimension: String, Sendable, CaseIterable, Codable {
    /// The county (区县) of the enterprise's registered division.
    case county
    /// The size class (大型/中型/小型/微型).
    case size
    /// The GB/T 4754 section.
    case industry

    /// 区县, 规模 or 行业.
    public var zh: String {
        switch self {
        case .county: "区县"
        case .size: "规模"
        case .industry: "行业"
        }
    }

    /// Whether the questionnaire option `label` names the store's category `name` (a county's
    /// name, a size class's Chinese name, an industry section's letter).
    public func option(_ label: String, names name: String) -> Bool {
        let label = label.trimmingCharacters(in: .whitespaces)
        switch self {
        case .county:
            func stem(_ s: String) -> String {
                for suffix in ["自治县", "区", "市", "县"] where s.hasSuffix(suffix) && s.count > suffix.count + 1 {
                    return String(s.dropLast(suffix.count))
                }
                return s
            }
            return label == name || label.hasSuffix(name) || stem(label) == stem(name)
        case .size:
            return EnterpriseSize.parse(label)?.chinese == name
        case .industry:
            if label.uppercased() == name || label.uppercased().hasPrefix(name + " ") { return true }
            guard let section = IndustryCatalog.standard.lookup(name) else { return false }
            return label == section.name || (label.count >= 2 && section.name.hasSuffix(label))
        }
    }

    /// The name shown for a store category (`C 制造业` for a section).
    public func display(_ name: String) -> String {
        guard self == .industry, let section = IndustryCatalog.standard.lookup(name) else { return name }
        return "\(name) \(section.name)"
    }

    /// Reads `county`, `size`, `industry` or their Chinese names.
    public init?(text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "county", "区县", "区县市", "地区": self = .county
        case "size", "规模", "企业规模": self = .size
        case "industry", "行业", "所属行业": self = .industry
        default: return nil
        }
    }
}

/// The population a weighting takes from the store: counts of enterprises by the categories of
/// one or more dimensions.
public struct PopulationTable: Sendable, Equatable {
    /// One cell: the category names, one per dimension, and how many enterprises fall in it.
    public struct Cell: Sendable, Equatable {
        /// The names, one per dimension, in the table's dimension order.
        public var names: [String]
        /// Enterprises in the cell.
        public var count: Int

        /// A cell.
        public init(names: [String], count: Int) {
            self.names = names
            self.count = count
        }
    }

    /// What the population is (e.g. 会员企业).
    public var description: Message
    /// The dimensions, in order.
    public var dimensions: [PopulationDimension]
    /// The cells with at least one enterprise, every dimension known.
    public var cells: [Cell]
    /// Enterprises left out because a dimension is not recorded for them.
    public var unknown: Int

    /// A population table.
    public init(description: Message, dimensions: [PopulationDimension], cells: [Cell], unknown: Int) {
        self.description = description
        self.dimensions = dimensions
        self.cells = cells
        self.unknown = unknown
    }

    /// Enterprises in the cells.
    public var total: Int { cells.reduce(0) { $0 + $1.count } }
}

/// Turns the store's population into weighting margins over a survey's questions: each question's
/// options are matched to the store's categories by name (an option whose label begins with 其他 or
/// 其它 takes the categories no other option names), and every category must land in exactly one
/// option — a category that lands nowhere, or in two options, is an error, never a guess.
public enum PopulationMargins {
    /// One question weighted to one dimension.
    public struct Pairing: Sendable, Equatable {
        /// The dimension.
        public var dimension: PopulationDimension
        /// The question, as the user named it (`7`, `Q7`).
        public var question: String

        /// A dimension = question pair.
        public init(dimension: PopulationDimension, question: String) {
            self.dimension = dimension
            self.question = question
        }

        /// Reads `county=7` (or `区县=Q7`).
        public static func parse(_ text: String) throws(GSLError) -> Pairing {
            let parts = text.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw GSLError.usage(
                    "“\(text)”应写作 维度=题号，如 county=7、size=9",
                    en: "\"\(text)\" should be dimension=question, e.g. county=7, size=9"
                ).because(.surveysMarginInvalid)
            }
            guard let dimension = PopulationDimension(text: parts[0]) else {
                throw GSLError.usage(
                    "未知的维度“\(parts[0])”（可用：county 区县、size 规模、industry 行业）",
                    en: "unknown dimension \"\(parts[0])\" (county, size, industry)"
                ).because(.surveysMarginInvalid)
            }
            return Pairing(dimension: dimension, question: parts[1])
        }
    }

    /// The margins: one per question (raking), or with `joint` one over the cells of all of them
    /// (post-stratification). `population` must have the pairings' dimensions in the same order.
    public static func margins(
        _ pairings: [Pairing], codebook: Codebook, population: PopulationTable, joint: Bool
    ) throws(GSLError) -> [MarginsFile.Margin] {
        precondition(population.dimensions == pairings.map(\.dimension))
        var questions: [SurveyQuestion] = []
        for p in pairings {
            guard let q = codebook.question(named: p.question), q.type == .single else {
                throw GSLError.usage(
                    "第 \(p.question) 题不是本调查的单选题，不能按库中的\(p.dimension.zh)加权",
                    en: "question \(p.question) is not a single-choice question of this survey"
                ).because(.surveysQuestionInvalid)
            }
            questions.append(q)
        }
        // Each dimension's store category → the option of its question.
        var optionOf: [[String: SurveyOption]] = []
        for (d, p) in pairings.enumerated() {
            let q = questions[d]
            let names = Set(population.cells.map { $0.names[d] }).sorted()
            let catchAll = q.options.first { $0.label.hasPrefix("其他") || $0.label.hasPrefix("其它") }
            var map: [String: SurveyOption] = [:]
            var unmatched: [String] = []
            for name in names {
                let hits = q.options.filter { p.dimension.option($0.label, names: name) }
                if hits.count > 1 {
                    throw GSLError.data(
                        "库中\(p.dimension.zh)“\(p.dimension.display(name))”同时对应第 \(q.number) 题的选项“\(hits.map(\.label).joined(separator: "”“"))”",
                        en:
                            "the store's \(p.dimension.rawValue) \"\(p.dimension.display(name))\" matches several options of question \(q.number)"
                    ).because(.surveysPopulationUnmatched)
                }
                if let hit = hits.first ?? catchAll { map[name] = hit } else { unmatched.append(name) }
            }
            if !unmatched.isEmpty {
                let counts = unmatched.map { name in
                    let n = population.cells.filter { $0.names[d] == name }.reduce(0) { $0 + $1.count }
                    return "\(p.dimension.display(name))（\(n) 家）"
                }
                throw GSLError.data(
                    "库中\(p.dimension.zh) \(counts.joined(separator: "、")) 不对应第 \(q.number) 题的任何选项（\(q.options.map(\.label).joined(separator: "、"))）",
                    en:
                        "the store's \(p.dimension.rawValue) \(unmatched.map(p.dimension.display).joined(separator: ", ")) match no option of question \(q.number)"
                ).because(.surveysPopulationUnmatched)
            }
            optionOf.append(map)
        }
        let at = SourceLocation(file: "store")
        func margin(_ dims: [Int]) -> MarginsFile.Margin {
            var order: [String] = []
            var totals: [String: Double] = [:]
            for cell in population.cells {
                let label = dims.map { optionOf[$0][cell.names[$0]]!.label }
                    .joined(separator: String(MarginsFile.Margin.jointSeparator))
                if totals[label] == nil { order.append(label) }
                totals[label, default: 0] += Double(cell.count)
            }
            let source = ([population.description.zh] + dims.map { pairings[$0].dimension.zh })
                .joined(separator: "·")
            return MarginsFile.Margin(
                questions: dims.map { questions[$0].id }, targets: order.map { ($0, totals[$0]!, at) },
                at: at, source: source)
        }
        return joint ? [margin(Array(pairings.indices))] : pairings.indices.map { margin([$0]) }
    }
}
