import Foundation
import GSLCore

/// Runs a framework's computation on data by a spec: denominate → screen → impute → treat → normalise →
/// weight → aggregate → rank.
public enum Pipeline {
    /// Runs every step the spec asks for and returns every stage.
    public static func run(framework: Framework, data: Dataset, spec: PipelineSpec) throws(GSLError)
        -> PipelineResult
    {
        try run(framework: framework, data: data, spec: spec, hashes: true)
    }

    /// `hashes: false` leaves the provenance hashes empty (inner runs of an analysis).
    static func run(framework: Framework, data: Dataset, spec: PipelineSpec, hashes: Bool) throws(GSLError)
        -> PipelineResult
    {
        let indicators = framework.indicatorCodes
        guard let period = spec.period ?? data.sortedPeriods.last else {
            throw .data("数据为空", en: "the data set is empty")
        }
        if let p = spec.period, !data.periods.contains(p) {
            throw GSLError.data("数据中没有时期 \(p)", en: "no data for period \(p)").because(.periodWithoutData)
        }
        let raw = data.table(period: period, variables: indicators)
        for (c, code) in indicators.enumerated() where raw.values[c].allSatisfy(\.isNaN) {
            throw GSLError.data(
                "指标全部缺失：\(code)（时期 \(period)）", en: "indicator has no values: \(code) (period \(period))",
                at: SourceLocation(field: code)
            ).because(.indicatorHasNoValues)
        }
        var current = raw
        var denominated: Table?
        if spec.denominate {
            for (c, code) in indicators.enumerated() {
                guard let d = framework.node(code)?.indicator?.denominator else { continue }
                let den = data.table(period: period, variables: [d]).values[0]
                current.values[c] = zip(current.values[c], den).map { x, y in y == 0 || y.isNaN ? .nan : x / y
                }
            }
            denominated = current
        }
        var screening: [ScreenRecord] = []
        var screened: Table?
        func doScreen(_ s: PipelineSpec.Screen) throws(GSLError) {
            screening = Screener.screen(current, spec: s)
            let keep = Set(screening.filter(\.included).map(\.unit))
            if keep.isEmpty {
                throw .data("筛选后没有单位", en: "no unit passes screening")
            }
            current = current.selectingUnits(keep)
            screened = current
        }
        if let s = spec.screen, !s.afterImpute { try doScreen(s) }
        var imputed: Table?
        if let i = spec.impute {
            current = try Imputer.impute(current, spec: i, data: data, period: period, framework: framework)
            imputed = current
        }
        if let s = spec.screen, s.afterImpute { try doScreen(s) }
        for (c, code) in indicators.enumerated() where current.values[c].allSatisfy(\.isNaN) {
            throw GSLError.data(
                "指标全部缺失：\(code)", en: "indicator has no values: \(code)", at: SourceLocation(field: code)
            ).because(.indicatorHasNoValues)
        }
        var treatment: [TreatmentRecord] = []
        var treated: Table?
        if let t = spec.treat {
            for c in indicators.indices {
                let (col, rec) = Treater.treat(
                    current.values[c], code: indicators[c], units: current.units, spec: t)
                current.values[c] = col
                treatment.append(rec)
            }
            treated = current
        }
        var normalised: Table?
        if let n = spec.normalise {
            for (c, code) in indicators.enumerated() {
                let ind = framework.node(code)!.indicator!
                current.values[c] = try Normaliser.normalise(
                    current.values[c], code: code, indicator: ind,
                    method: n.byIndicator[code] ?? n.method, options: n)
            }
            normalised = current
        } else {
            // Without normalisation, "less is better" indicators still point the right way.
            for (c, code) in indicators.enumerated() where framework.node(code)!.indicator!.direction < 0 {
                current.values[c] = current.values[c].map { -$0 }
            }
        }
        var (agg, weights, methods) = try aggregateAll(framework: framework, indicators: current, spec: spec)
        agg = agg.selectingColumns(framework.nodes.map(\.code))
        var ranks = Table(units: agg.units)
        for (c, code) in agg.columns.enumerated() {
            ranks.setColumn(code, Stat.rankMin(agg.values[c], descending: true))
        }
        var eff: [String: Double] = [:]
        for code in framework.treeOrder {
            let p = framework.node(code)!.parent
            eff[code] = p == nil ? 1 : eff[p!]! * (weights[code] ?? 0)
        }
        return PipelineResult(
            frameworkReference: framework.reference, frameworkHash: hashes ? framework.contentHash : "",
            dataHash: hashes ? data.inputHash(period: period, spec: spec) : "", spec: spec, period: period,
            raw: raw,
            denominated: denominated,
            imputed: imputed, screened: screened, treated: treated, normalised: normalised,
            aggregated: agg, ranks: ranks, screening: screening, treatment: treatment,
            weights: weights, effectiveWeights: eff, methods: methods)
    }

    /// The aggregation method for `code` by precedence: spec by node, framework node, spec by level, spec default.
    static func method(for code: String, framework: Framework, spec: PipelineSpec.Aggregate)
        -> AggregationMethod
    {
        if let m = spec.byNode[code] { return m }
        if let m = framework.node(code)?.aggregation { return m }
        if let m = spec.byLevel[String(framework.level(of: code))] { return m }
        return spec.method
    }

    /// Aggregates normalised indicators up the tree; returns the table of all nodes, weights and methods.
    static func aggregateAll(framework: Framework, indicators: Table, spec: PipelineSpec)
        throws(GSLError) -> (Table, [String: Double], [String: AggregationMethod])
    {
        var table = indicators
        var weights: [String: Double] = [:]
        var methods: [String: AggregationMethod] = [:]
        let ws = spec.weights ?? PipelineSpec.Weights()
        for code in framework.aggregationOrder {
            let kids = framework.children(of: code)
            let cols = kids.map { table.column($0)! }
            let given = kids.map { ws.given[$0] ?? framework.node($0)!.weight }
            // Weights belong to the children, so the level key is theirs (indicators = 1).
            let level = framework.level(of: code) - 1
            let wm = ws.byLevel[String(level)] ?? ws.method
            let w = try WeightCalculator.weights(
                method: wm, children: kids, given: given, columns: cols,
                ahpMatrix: ws.ahp[code], group: code, force: ws.force)
            for (k, v) in zip(kids, w) { weights[k] = v }
            let m = method(for: code, framework: framework, spec: spec.aggregate)
            methods[code] = m
            let col = try Aggregator.aggregate(
                cols, weights: w, method: m, power: spec.aggregate.power,
                minAvailability: spec.aggregate.minAvailability, node: code, units: table.units,
                children: kids)
            table.setColumn(code, col)
        }
        weights[framework.rootCode] = 1
        return (table, weights, methods)
    }
}
