/// The firm × year outcomes a panel file holds. Amounts are stored in 万元 (ten thousand yuan).
public enum PanelVariable: String, CaseIterable, Sendable, Codable {
    /// 营业收入 (万元).
    case revenue
    /// 研发投入 (万元).
    case rdSpending = "rd_spending"
    /// 从业人员 (persons).
    case employees
    /// 专利 (granted patents, count).
    case patents
    /// 纳税额 (万元).
    case tax

    /// The Chinese name.
    public var chinese: String {
        switch self {
        case .revenue: "营业收入"
        case .rdSpending: "研发投入"
        case .employees: "从业人员"
        case .patents: "专利数"
        case .tax: "纳税额"
        }
    }

    /// Whether values are amounts of money (read with 亿/万 and stored in 万元).
    public var isMoney: Bool { self == .revenue || self == .rdSpending || self == .tax }

    /// The unit shown after a value.
    public var unit: (zh: String, en: String) {
        switch self {
        case .revenue, .rdSpending, .tax: ("万元", "10k yuan")
        case .employees: ("人", "persons")
        case .patents: ("件", "patents")
        }
    }

    /// A variable by its English key or Chinese name.
    public init?(name: String) {
        if let v = Self(rawValue: name) {
            self = v
        } else if let v = Self.allCases.first(where: { $0.chinese == name }) {
            self = v
        } else {
            return nil
        }
    }
}
