/// An indicator used by the enterprise-size standard.
public enum SizeIndicator: String, Sendable, CaseIterable {
    /// 从业人员 (X), in persons.
    case employees
    /// 营业收入 (Y), in 万元.
    case revenue
    /// 资产总额 (Z), in 万元.
    case assets

    /// The Chinese name with the standard's letter, as in the threshold table.
    public var chinese: String {
        switch self {
        case .employees: "从业人员(X)"
        case .revenue: "营业收入(Y)"
        case .assets: "资产总额(Z)"
        }
    }

    /// The English name.
    public var english: String {
        switch self {
        case .employees: "employees"
        case .revenue: "revenue"
        case .assets: "total assets"
        }
    }

    /// The unit of the thresholds: 人 or 万元.
    public var unit: String { self == .employees ? "人" : "万元" }
}
