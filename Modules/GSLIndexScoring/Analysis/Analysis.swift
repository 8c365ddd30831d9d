import Foundation

/// Analyses of a computed index: correlations, Cronbach's alpha, PCA, effective weights.
public enum Analysis {
    /// Correlation method.
    public enum Correlation: String, Sendable, Codable {
        /// Pearson's r.
        case pearson
        /// Spearman's ρ.
        case spearman
    }

    /// Pairwise correlation matrix of `columns` in `table`.
    public static func correlations(_ table: Table, columns: [String], method: Correlation = .pearson)
        -> [[Double]]
    {
        let cols = columns.map { table.column($0) ?? [] }
        return cols.map { a in cols.map { b in method == .pearson ? Stat.pearson(a, b) : Stat.spearman(a, b) }
        }
    }

    /// Correlation of each child with its parent, for every aggregate in `framework` (COINr `get_corr` ind vs parent).
    public static func childParentCorrelations(
        _ result: PipelineResult, framework: Framework,
        method: Correlation = .pearson
    ) -> [(parent: String, child: String, r: Double)] {
        var out: [(String, String, Double)] = []
        for p in framework.aggregationOrder {
            guard let pc = result.aggregated.column(p) else { continue }
            for c in framework.children(of: p) {
                guard let cc = result.aggregated.column(c) else { continue }
                out.append((p, c, method == .pearson ? Stat.pearson(pc, cc) : Stat.spearman(pc, cc)))
            }
        }
        return out
    }

    /// Cronbach's alpha of `columns` over units complete in all of them.
    public static func cronbachAlpha(_ table: Table, columns: [String]) -> Double {
        let cols = columns.compactMap { table.column($0) }
        let k = Double(cols.count)
        guard cols.count > 1 else { return .nan }
        let rows = (0..<table.units.count).filter { r in cols.allSatisfy { !$0[r].isNaN } }
        let c = cols.map { col in rows.map { col[$0] } }
        let sumVar = c.map { Stat.variance($0) }.reduce(0, +)
        let totals = rows.indices.map { r in c.reduce(0) { $0 + $1[r] } }
        return k / (k - 1) * (1 - sumVar / Stat.variance(totals))
    }

    /// PCA of `columns` of `table` (correlation matrix, complete rows).
    public static func pca(_ table: Table, columns: [String]) -> PCA {
        PCA(columns: columns.compactMap { table.column($0) })
    }

    /// Pairs of columns inside one group with r above `threshold` (COINr's `get_corr_flags`, type "high").
    public static func collinearPairs(
        _ table: Table, framework: Framework, level: Int = 1,
        threshold: Double = 0.9
    ) -> [(group: String, a: String, b: String, r: Double)] {
        var out: [(String, String, String, Double)] = []
        for p in framework.aggregationOrder {
            let kids = framework.children(of: p).filter { framework.level(of: $0) == level }
            for i in kids.indices {
                for j in (i + 1)..<max(kids.count, i + 1) {
                    guard let a = table.column(kids[i]), let b = table.column(kids[j]) else { continue }
                    let r = Stat.pearson(a, b)
                    if r > threshold { out.append((p, kids[i], kids[j], r)) }
                }
            }
        }
        return out
    }
}
