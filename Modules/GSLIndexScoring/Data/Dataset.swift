import GSLCore

/// Observed values by unit, period and variable (indicators and denominators), plus unit groups.
public struct Dataset: Sendable, Equatable {
    /// One cell's address.
    public struct Key: Hashable, Sendable {
        /// Unit code.
        public var unit: String
        /// Period label (e.g. `2023`).
        public var period: String
        /// Variable code.
        public var variable: String
        /// A key.
        public init(unit: String, period: String, variable: String) {
            self.unit = unit
            self.period = period
            self.variable = variable
        }
    }

    /// Units in order of first appearance.
    public private(set) var units: [String] = []
    /// Periods in order of first appearance.
    public private(set) var periods: [String] = []
    /// Variables in order of first appearance.
    public private(set) var variables: [String] = []
    /// The values.
    public private(set) var values: [Key: Double] = [:]
    /// Unit groups: group name → unit → label (e.g. `EurAsia_group` → `AUT` → `Europe`).
    public var groups: [String: [String: String]] = [:]
    /// Display names of units, when known.
    public var unitNames: [String: String] = [:]

    /// An empty dataset.
    public init() {}

    /// Sets one value (NaN removes it); returns false when the cell was already set.
    @discardableResult
    public mutating func set(unit: String, period: String, variable: String, value: Double) -> Bool {
        if !units.contains(unit) { units.append(unit) }
        if !periods.contains(period) { periods.append(period) }
        if !variables.contains(variable) { variables.append(variable) }
        let key = Key(unit: unit, period: period, variable: variable)
        let existed = values[key] != nil
        values[key] = value.isNaN ? nil : value
        return !existed
    }

    /// Registers a unit with no values yet.
    public mutating func addUnit(_ unit: String) { if !units.contains(unit) { units.append(unit) } }

    /// The value of one cell.
    public func value(unit: String, period: String, variable: String) -> Double? {
        values[Key(unit: unit, period: period, variable: variable)]
    }

    /// Periods sorted (numerically when all are numbers, else as text).
    public var sortedPeriods: [String] {
        if periods.allSatisfy({ Double($0) != nil }) { return periods.sorted { Double($0)! < Double($1)! } }
        return periods.sorted()
    }

    /// A units × variables table for one period.
    public func table(period: String, variables codes: [String]) -> Table {
        Table(
            units: units, columns: codes,
            values: codes.map { v in
                units.map { u in values[Key(unit: u, period: period, variable: v)] ?? .nan }
            })
    }

    /// SHA-256 of a canonical listing of every value and group label (order-independent).
    public var contentHash: String {
        var lines = values.map { "\($0.key.unit)|\($0.key.period)|\($0.key.variable)|\($0.value)" }
        for (g, m) in groups { for (u, l) in m { lines.append("group|\(g)|\(u)|\(l)") } }
        return SHA256.hex(lines.sorted().joined(separator: "\n"))
    }
}
