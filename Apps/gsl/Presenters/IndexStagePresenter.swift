import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTabular

/// A run's intermediate data sets and logs (COINr's `get_dset` and treatment details): exact numbers in
/// csv/json/ndjson, rounded only in tables.
enum IndexStagePresenter {
    /// A value: exact for machine-readable formats, 4 decimals in a table, null when missing.
    static func value(_ x: Double, _ out: Output) -> Cell {
        guard x.isFinite else { return .null }
        return out.format == .table ? .double(IndexPresenter.round(x)) : .double(x)
    }

    static func value(_ x: Double?, _ out: Output) -> Cell { x.map { value($0, out) } ?? .null }

    /// One data set: a row per unit, a column per indicator (and aggregate).
    static func stage(_ run: StoredRun, _ stage: PipelineStage, _ out: Output) throws(GSLError) {
        guard let table = run.result.table(stage) else {
            throw GSLError.notFound(
                "计算 #\(run.id) 没有 \(stage.rawValue) 数据（该步骤未执行）",
                en: "run #\(run.id) has no \(stage.rawValue) data set (that step did not run)"
            ).because(.stageMissing)
        }
        out.table(
            [Column("unit", title: out.t("单位", "unit"))] + table.columns.map { Column($0, alignRight: true) },
            table.units.indices.map { u in
                [.text(table.units[u])] + table.columns.indices.map { value(table.values[$0][u], out) }
            })
    }

    /// The screening record (one row per unit) and the treatment log (one row per indicator) in one table,
    /// told apart by `step`.
    static func treatment(_ run: StoredRun, _ out: Output) {
        let r = run.result
        let columns = [
            Column("step", title: out.t("步骤", "step")),
            Column("code", title: out.t("单位/指标", "unit/indicator")),
            Column("included", title: out.t("保留", "included")),
            Column("availability", title: out.t("可得率", "availability"), alignRight: true),
            Column("non_zero", title: out.t("非零率", "non-zero"), alignRight: true),
            Column("missing", title: out.t("缺失数", "missing"), alignRight: true),
            Column("zeros", title: out.t("零值数", "zeros"), alignRight: true),
            Column("skew_before", title: out.t("处理前偏度", "skew before"), alignRight: true),
            Column("kurtosis_before", title: out.t("处理前峰度", "kurtosis before"), alignRight: true),
            Column("passed_before", title: out.t("处理前达标", "passed before")),
            Column("winsorised", title: out.t("缩尾点数", "winsorised"), alignRight: true),
            Column("winsorised_units", title: out.t("缩尾单位", "winsorised units")),
            Column("high_end", title: out.t("高端缩尾", "high end")),
            Column("skew_after", title: out.t("缩尾后偏度", "skew after"), alignRight: true),
            Column("kurtosis_after", title: out.t("缩尾后峰度", "kurtosis after"), alignRight: true),
            Column("passed_after", title: out.t("缩尾后达标", "passed after")),
            Column("fallback", title: out.t("变换", "fallback")),
        ]
        let none = [Cell](repeating: .null, count: 10)
        var rows: [[Cell]] = r.screening.map { s in
            [
                .text("screen"), .text(s.unit), .bool(s.included), value(s.availability, out),
                value(s.nonZero, out), .int(Int64(s.missing)), .int(Int64(s.zeros)),
            ] + none
        }
        rows += r.treatment.map { t in
            [.text("treat"), .text(t.indicator), .null, .null, .null, .null, .null]
                + [
                    value(t.skewBefore, out), value(t.kurtosisBefore, out), .bool(t.passedBefore),
                    .int(Int64(t.winsorised)), .text(t.winsorisedUnits.joined(separator: ",")),
                    t.winsorised > 0 ? .bool(t.highEnd) : .null, value(t.skewAfter, out),
                    value(t.kurtosisAfter, out), t.passedAfter.map(Cell.bool) ?? .null,
                    t.fallback.map(Cell.text) ?? .null,
                ]
        }
        out.table(columns, rows)
        if r.screening.isEmpty && r.treatment.isEmpty {
            out.notice(
                Message(
                    "计算 #\(run.id) 未执行筛选与异常值处理", en: "run #\(run.id) ran neither screening nor treatment"))
        }
    }
}
