import GSLCore

/// Fills missing indicator values.
public enum Imputer {
    /// Imputes `table` (the computed period) by `spec`; `panel` gives the same indicators in every period
    /// (sorted) for the panel methods; `framework` gives parent groups for the row mean.
    public static func impute(
        _ table: Table, spec: PipelineSpec.Impute, data: Dataset, period: String,
        framework: Framework
    ) throws(GSLError) -> Table {
        var t = table
        switch spec.method {
        case .mean, .median:
            for c in t.columns.indices {
                let f = spec.method == .mean ? Stat.mean(t.values[c]) : Stat.median(t.values[c])
                t.values[c] = t.values[c].map { $0.isNaN ? f : $0 }
            }
        case .groupMean, .groupMedian:
            guard let g = spec.group, let labels = data.groups[g] else {
                throw .data(
                    "分组插补缺少分组变量：\(spec.group ?? "-")",
                    en: "group imputation needs a known group variable: \(spec.group ?? "-")")
            }
            let lab = t.units.map { labels[$0] ?? "" }
            for c in t.columns.indices {
                var fill: [String: Double] = [:]
                for l in Set(lab) {
                    let vals = t.values[c].indices.filter { lab[$0] == l }.map { t.values[c][$0] }
                    fill[l] = spec.method == .groupMean ? Stat.mean(vals) : Stat.median(vals)
                }
                t.values[c] = t.values[c].indices.map { i in
                    t.values[c][i].isNaN ? fill[lab[i]]! : t.values[c][i]
                }
            }
        case .rowMean:
            // Each indicator is scaled after its direction is applied (as COINr does), so that a
            // "less is better" sibling pulls the imputed value the right way.
            let cols = t.columns
            let dirs = cols.map { Double(framework.node($0)?.indicator?.direction ?? 1) }
            var scaled: [[Double]] = []
            var ranges: [(Double, Double)] = []
            for c in cols.indices {
                let d = t.values[c].map { $0 * dirs[c] }
                let p = Stat.present(d)
                let lo = p.min() ?? 0, hi = p.max() ?? 1
                ranges.append((lo, hi))
                scaled.append(d.map { hi > lo ? ($0 - lo) / (hi - lo) : 0.5 })
            }
            for c in cols.indices {
                let parent = framework.node(cols[c])?.parent
                let siblings = cols.indices.filter { $0 != c && framework.node(cols[$0])?.parent == parent }
                let peers = siblings.isEmpty ? cols.indices.filter { $0 != c } : siblings
                for u in t.units.indices where t.values[c][u].isNaN {
                    let m = Stat.mean(peers.map { scaled[$0][u] })
                    let (lo, hi) = ranges[c]
                    t.values[c][u] = m.isNaN ? .nan : (lo + m * (hi - lo)) * dirs[c]
                }
            }
        case .panelLatest, .panelLinear:
            let periods = data.sortedPeriods
            guard let now = periods.firstIndex(of: period) else { return t }
            func num(_ p: String, _ i: Int) -> Double { Double(p) ?? Double(i) }
            for c in t.columns.indices {
                for u in t.units.indices where t.values[c][u].isNaN {
                    let unit = t.units[u], code = t.columns[c]
                    var before: (Int, Double)?, after: (Int, Double)?
                    for i in stride(from: now - 1, through: 0, by: -1) {
                        if let v = data.value(unit: unit, period: periods[i], variable: code) {
                            before = (i, v); break
                        }
                    }
                    if spec.method == .panelLinear, now + 1 < periods.count {
                        for i in (now + 1)..<periods.count {
                            if let v = data.value(unit: unit, period: periods[i], variable: code) {
                                after = (i, v); break
                            }
                        }
                    }
                    if let b = before, let a = after {
                        let x0 = num(periods[b.0], b.0), x1 = num(periods[a.0], a.0), x = num(period, now)
                        t.values[c][u] = b.1 + (a.1 - b.1) * (x - x0) / (x1 - x0)
                    } else if let b = before {
                        t.values[c][u] = b.1
                    } else if let a = after {
                        t.values[c][u] = a.1
                    }
                }
            }
        }
        return t
    }
}
