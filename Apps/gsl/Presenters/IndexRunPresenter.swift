import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTabular

/// Tables for computed runs: rankings with provenance, run lists, verification, statistics.
enum IndexRunPresenter {
    /// A computed run: its ranking and its provenance.
    static func computed(_ view: RunView, _ out: Output) {
        let run = view.run
        IndexPresenter.ranking(run, node: nil, names: view.unitNames, out)
        out.notice(
            Message(
                "已存档计算 #\(run.id)：\(run.framework.reference)（\(run.framework.hash.prefix(12))），数据 \(run.dataHash.prefix(12))，时期 \(run.period)",
                en:
                    "stored run #\(run.id): \(run.framework.reference) (\(run.framework.hash.prefix(12))), data \(run.dataHash.prefix(12)), period \(run.period)"
            ))
    }

    /// Stored runs, one row each.
    static func runs(_ runs: [IndexService.RunSummary], _ out: Output) {
        out.table(
            [
                Column("id", title: "#", alignRight: true),
                Column("framework", title: out.t("指标体系", "framework")),
                Column("dataset", title: out.t("数据集", "dataset")),
                Column("period", title: out.t("时期", "period")),
                Column("label", title: out.t("说明", "label")),
                Column("uncertainty", title: out.t("不确定性", "uncertainty")),
                Column("created_at", title: out.t("时间", "created")),
            ],
            runs.map {
                [
                    .int($0.id), .text($0.framework), .text($0.dataset), .text($0.period),
                    $0.label.map(Cell.text) ?? .null,
                    .bool($0.hasUncertainty), .text($0.createdAt),
                ]
            })
    }

    /// A stored run's ranking at `node` (default: the index), with its provenance on stderr.
    static func shown(_ view: RunView, node: String?, _ out: Output) {
        let r = view.run
        IndexPresenter.ranking(r, node: node, names: view.unitNames, out)
        out.notice(
            Message(
                "#\(r.id) \(r.framework.reference) 哈希 \(r.framework.hash.prefix(12))；数据集 \(r.dataset) 哈希 \(r.dataHash.prefix(12))；规格 \(r.specHash.prefix(12))；\(r.actor) \(r.createdAt)",
                en:
                    "#\(r.id) \(r.framework.reference) hash \(r.framework.hash.prefix(12)); dataset \(r.dataset) hash \(r.dataHash.prefix(12)); spec \(r.specHash.prefix(12)); \(r.actor) \(r.createdAt)"
            ))
    }

    /// What recomputing a run found, one field per check.
    static func verification(_ verified: VerifiedRun, _ out: Output) {
        let v = verified.verification
        out.record([
            ("framework_unchanged", out.t("指标体系未变", "framework unchanged"), .bool(v.frameworkUnchanged)),
            ("data_unchanged", out.t("本期数据未变", "data of this period unchanged"), .bool(v.dataUnchanged)),
            ("spec_unchanged", out.t("规格未变", "spec unchanged"), .bool(v.specUnchanged)),
            (
                "result_identical", out.t("复算结果一致", "recomputed result identical"),
                .bool(v.resultIdentical)
            ),
        ])
    }

    /// Statistics of run `runID`'s indicators: a JSON document, or the table with alpha, PCA and
    /// effective weights on stderr and the correlation matrix when asked for.
    static func statistics(_ analysis: IndicatorAnalysis, run runID: Int64, _ out: Output) {
        let stage = analysis.stage
        let stats = analysis.stats, codes = analysis.codes, alpha = analysis.alpha, pca = analysis.pca
        let eff = analysis.effectiveWeights
        if out.isJSON {
            var doc: [(String, JSONValue)] = [
                ("run", .int(runID)), ("stage", .string(stage.rawValue)),
                (
                    "indicators",
                    .array(
                        stats.map { s in
                            .object([
                                ("code", .string(s.code)), ("min", .number(s.min)),
                                ("max", .number(s.max)),
                                ("mean", .number(s.mean)), ("median", .number(s.median)),
                                ("sd", .number(s.sd)), ("skew", .number(s.skew)),
                                ("kurt", .number(s.kurt)),
                                ("availability", .number(s.fractionAvailable)),
                                ("flags", .array(s.raisedFlags.map { .string($0) })),
                            ])
                        })
                ),
                ("alpha", .number(alpha)),
                (
                    "pca",
                    .object([
                        ("eigenvalues", .array(pca.eigenvalues.map { .number($0) })),
                        ("variance_explained", .array(pca.varianceExplained.map { .number($0) })),
                        ("loadings", .array(pca.loadings.map { .array($0.map { .number($0) }) })),
                    ])
                ),
                ("effective_weights", .object(eff.map { ($0.code, .number($0.weight)) })),
            ]
            if case let (correlations, matrix)? = analysis.correlations {
                doc.append(
                    (
                        "correlations",
                        .object([
                            ("method", .string(correlations.rawValue)),
                            ("columns", .array(codes.map { .string($0) })),
                            ("matrix", .array(matrix.map { .array($0.map { .number($0) }) })),
                        ])
                    ))
            }
            out.document(.object(doc))
            return
        }
        out.table(
            [
                Column("code", title: out.t("指标", "indicator")),
                Column("min", title: "min", alignRight: true),
                Column("max", title: "max", alignRight: true),
                Column("mean", title: "mean", alignRight: true),
                Column("median", title: "median", alignRight: true),
                Column("sd", title: "sd", alignRight: true),
                Column("skew", title: "skew", alignRight: true),
                Column("kurt", title: "kurt", alignRight: true),
                Column("availability", title: out.t("可得率", "availability"), alignRight: true),
                Column("flags", title: out.t("标记", "flags")),
            ],
            stats.map { s in
                [
                    .text(s.code), out.number(s.min), out.number(s.max), out.number(s.mean),
                    out.number(s.median), out.number(s.sd), out.number(s.skew), out.number(s.kurt),
                    out.number(s.fractionAvailable), .text(s.raisedFlags.joined(separator: ",")),
                ]
            })
        let shares = pca.varianceExplained.map { "\(IndexPresenter.round($0 * 100))%" }
        let eigen = pca.eigenvalues.map { "\(IndexPresenter.round($0))" }
        out.notice(
            Message(
                "Cronbach's α = \(IndexPresenter.round(alpha))；主成分特征值 \(eigen.joined(separator: " "))；解释方差 \(shares.joined(separator: " "))",
                en:
                    "Cronbach's alpha = \(IndexPresenter.round(alpha)); PCA eigenvalues \(eigen.joined(separator: " ")); variance explained \(shares.joined(separator: " "))"
            ))
        if !eff.isEmpty {
            let text = eff.map { "\($0.code)=\(IndexPresenter.round($0.weight))" }.joined(separator: " ")
            out.notice(Message("有效权重：" + text, en: "effective weights: " + text))
        }
        if case let (correlations, matrix)? = analysis.correlations {
            var rows: [[Cell]] = []
            for (i, a) in codes.enumerated() {
                rows.append([.text(a)] + codes.indices.map { out.number(matrix[i][$0]) })
            }
            if out.format == .csv { out.line("") }
            out.table(
                [Column("indicator", title: correlations.rawValue)]
                    + codes.map { Column($0, alignRight: true) }, rows)
        }
    }
}
