/// A units × columns matrix of numbers, stored by column; `NaN` marks a missing value.
public struct Table: Sendable, Equatable, Codable {
    /// Row labels (unit codes), in order.
    public var units: [String]
    /// Column labels (node or variable codes), in order.
    public var columns: [String]
    /// `values[c][u]`: the value of column `c` for unit `u`; NaN when missing.
    public var values: [[Double]]

    /// A table; each inner array is one column with one value per unit.
    public init(units: [String], columns: [String], values: [[Double]]) {
        precondition(values.count == columns.count && values.allSatisfy { $0.count == units.count })
        self.units = units
        self.columns = columns
        self.values = values
    }

    /// An empty table with the given units.
    public init(units: [String]) { self.init(units: units, columns: [], values: []) }

    /// The column named `code`, or nil.
    public func column(_ code: String) -> [Double]? {
        columns.firstIndex(of: code).map { values[$0] }
    }

    /// The value for `unit` in column `code`; nil when absent or missing.
    public func value(unit: String, column code: String) -> Double? {
        guard let c = columns.firstIndex(of: code), let u = units.firstIndex(of: unit) else { return nil }
        let v = values[c][u]
        return v.isNaN ? nil : v
    }

    /// Adds or replaces column `code`.
    public mutating func setColumn(_ code: String, _ column: [Double]) {
        precondition(column.count == units.count)
        if let c = columns.firstIndex(of: code) {
            values[c] = column
        } else {
            columns.append(code); values.append(column)
        }
    }

    /// The table restricted to `keep` units (in the table's order).
    public func selectingUnits(_ keep: Set<String>) -> Table {
        let idx = units.indices.filter { keep.contains(units[$0]) }
        return Table(
            units: idx.map { units[$0] }, columns: columns, values: values.map { col in idx.map { col[$0] } })
    }

    /// The table restricted to `codes` columns, in that order (missing columns are skipped).
    public func selectingColumns(_ codes: [String]) -> Table {
        var t = Table(units: units)
        for c in codes { if let col = column(c) { t.setColumn(c, col) } }
        return t
    }

    /// The row of `unit` as column → value (missing values omitted).
    public func row(_ unit: String) -> [String: Double] {
        guard let u = units.firstIndex(of: unit) else { return [:] }
        var out: [String: Double] = [:]
        for (c, code) in columns.enumerated() where !values[c][u].isNaN { out[code] = values[c][u] }
        return out
    }

    private enum CodingKeys: String, CodingKey { case units, columns, values }

    /// Decodes; JSON null becomes NaN.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        units = try c.decode([String].self, forKey: .units)
        columns = try c.decode([String].self, forKey: .columns)
        values = try c.decode([[Double?]].self, forKey: .values).map { $0.map { $0 ?? .nan } }
    }

    /// Encodes; NaN becomes null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(units, forKey: .units)
        try c.encode(columns, forKey: .columns)
        try c.encode(values.map { $0.map { $0.isNaN ? nil : $0 } }, forKey: .values)
    }

    /// Equality where NaN equals NaN.
    public static func == (a: Table, b: Table) -> Bool {
        a.units == b.units && a.columns == b.columns && a.values.count == b.values.count
            && zip(a.values, b.values).allSatisfy { x, y in
                x.count == y.count && zip(x, y).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
            }
    }
}
