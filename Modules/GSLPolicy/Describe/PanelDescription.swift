/// Treated and untreated means of the outcome by year: what `gsl policy panel describe` prints
/// and plots.
public struct PanelDescription: Sendable, Equatable, Codable {
    /// One year.
    public struct Year: Sendable, Equatable, Codable {
        /// The year.
        public var year: Int
        /// Firms ever treated: count and mean; never treated: count and mean (nil without firms).
        public var treatedFirms: Int, treatedMean: Double?, untreatedFirms: Int, untreatedMean: Double?
        /// Firms first treated that year.
        public var adopting: Int
    }

    /// The years, ascending.
    public let years: [Year]
    /// Firms, observations, firms ever treated.
    public let firms: Int, observations: Int, treatedFirms: Int
    /// Whether every firm has every year.
    public let balanced: Bool

    /// Describes `panel`.
    public init(_ panel: Panel) {
        var rows: [Year] = []
        var sums = [[Double]](repeating: [0, 0], count: panel.years.count)
        var counts = [[Int]](repeating: [0, 0], count: panel.years.count)
        for k in 0..<panel.count {
            let g = panel.cohort[panel.firm[k]] == nil ? 1 : 0
            sums[panel.period[k]][g] += panel.outcome[k]
            counts[panel.period[k]][g] += 1
        }
        for (t, year) in panel.years.enumerated() {
            rows.append(
                Year(
                    year: year, treatedFirms: counts[t][0],
                    treatedMean: counts[t][0] > 0 ? sums[t][0] / Double(counts[t][0]) : nil,
                    untreatedFirms: counts[t][1],
                    untreatedMean: counts[t][1] > 0 ? sums[t][1] / Double(counts[t][1]) : nil,
                    adopting: panel.cohort.filter { $0 == year }.count))
        }
        years = rows
        firms = Set(panel.firm).count
        observations = panel.count
        treatedFirms = Set(panel.firm.filter { panel.cohort[$0] != nil }).count
        balanced = panel.isBalanced
    }
}
