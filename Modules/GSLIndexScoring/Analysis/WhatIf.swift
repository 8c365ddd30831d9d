import GSLCore

/// Recomputes an index after changing some of one unit's raw indicator values.
public struct WhatIf: Sendable, Equatable {
    /// Score before.
    public var scoreBefore: Double
    /// Score after.
    public var scoreAfter: Double
    /// Rank before.
    public var rankBefore: Int
    /// Rank after.
    public var rankAfter: Int
    /// The full recomputed result.
    public var result: PipelineResult

    /// Sets `values` (indicator → raw value) for `unit` in the spec's period and reruns the pipeline.
    public init(
        framework: Framework, data: Dataset, spec: PipelineSpec, unit: String, values: [String: Double],
        node: String? = nil
    ) throws(GSLError) {
        let node = node ?? framework.rootCode
        let before = try Pipeline.run(framework: framework, data: data, spec: spec)
        guard data.units.contains(unit) else {
            throw GSLError.notFound("未知单位：\(unit)", en: "unknown unit: \(unit)").because(.unknownUnit)
        }
        var changed = data
        for (ind, v) in values {
            guard framework.node(ind)?.isIndicator == true else {
                throw GSLError.data(
                    "未知指标：\(ind)", en: "unknown indicator: \(ind)", at: SourceLocation(field: ind)
                )
                .because(.unknownIndicator)
            }
            guard v.isFinite else {
                throw .data(
                    "指标 \(ind) 的值须为有限数，实际为 \(v)", en: "the value of \(ind) must be finite, found \(v)",
                    at: SourceLocation(field: ind))
            }
            changed.set(unit: unit, period: before.period, variable: ind, value: v)
        }
        var s = spec
        s.period = before.period
        let after = try Pipeline.run(framework: framework, data: changed, spec: s)
        guard let sb = before.score(unit: unit, node: node), let rb = before.rank(unit: unit, node: node),
            let sa = after.score(unit: unit, node: node), let ra = after.rank(unit: unit, node: node)
        else {
            throw .notFound("单位 \(unit) 没有 \(node) 得分", en: "unit \(unit) has no score on \(node)")
        }
        scoreBefore = sb
        scoreAfter = sa
        rankBefore = rb
        rankAfter = ra
        result = after
    }
}
