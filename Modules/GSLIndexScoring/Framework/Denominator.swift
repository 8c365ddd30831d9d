/// A variable used only to divide indicators (population, area, GDP), declared by the framework.
public struct Denominator: Sendable, Equatable, Codable {
    /// Variable code as it appears in data.
    public var code: String
    /// Chinese name.
    public var nameZh: String
    /// English name.
    public var nameEn: String
    /// Unit of measurement.
    public var unit: String

    /// A denominator variable.
    public init(code: String, nameZh: String = "", nameEn: String = "", unit: String = "") {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.unit = unit
    }
}
