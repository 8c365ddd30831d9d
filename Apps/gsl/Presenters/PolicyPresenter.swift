import Foundation
import GSLCore
import GSLPolicy
import GSLPolicyStore
import GSLTabular

/// Means by year, estimates, stored runs and scorecards of `gsl policy`; JSON is exact.
enum PolicyPresenter {
    /// Writes `text` to `path` as UTF-8.
    static func write(_ text: String, to path: String) throws(GSLError) {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw GSLError(.cannotCreate, Message("无法写入 \(path)", en: "cannot write \(path)"))
                .at(SourceLocation(file: path))
        }
    }

    static func value(_ v: Double?) -> Cell { v.map { .measure($0, places: 2) } ?? .null }

    /// Treated and untreated means by year.
    static func describe(_ policy: String, _ outcome: PanelVariable, _ d: PanelDescription, _ out: Output) {
        out.table(
            [
                Column("year", title: out.t("年份", "year")),
                Column("treated_firms", title: out.t("受政策企业", "treated firms"), alignRight: true),
                Column("treated_mean", title: out.t("受政策均值", "treated mean"), alignRight: true),
                Column("untreated_firms", title: out.t("未受政策企业", "untreated firms"), alignRight: true),
                Column("untreated_mean", title: out.t("未受政策均值", "untreated mean"), alignRight: true),
                Column("adopting", title: out.t("当年首次受惠", "adopting"), alignRight: true),
            ],
            d.years.map {
                [
                    .int(Int64($0.year)), .int(Int64($0.treatedFirms)), value($0.treatedMean),
                    .int(Int64($0.untreatedFirms)), value($0.untreatedMean), .int(Int64($0.adopting)),
                ]
            })
        out.notice(
            Message(
                "政策「\(policy)」，\(outcome.chinese)（\(outcome.unit.zh)）：\(d.firms) 家企业（受政策 \(d.treatedFirms) 家），\(d.observations) 个观测，\(d.balanced ? "平衡面板" : "非平衡面板")",
                en:
                    "policy '\(policy)', \(outcome.rawValue) (\(outcome.unit.en)): \(d.firms) firms (\(d.treatedFirms) treated), \(d.observations) observations, \(d.balanced ? "balanced" : "unbalanced")"
            ))
    }

    /// The trend chart of the means.
    static func trendSVG(_ policy: String, _ outcome: PanelVariable, _ d: PanelDescription, _ lang: Lang)
        -> String
    {
        let zh = lang == .zh
        let treated = d.years.compactMap { y in
            y.treatedMean.map { (x: Double(y.year), y: $0, low: Double?.none, high: Double?.none) }
        }
        let untreated = d.years.compactMap { y in
            y.untreatedMean.map { (x: Double(y.year), y: $0, low: Double?.none, high: Double?.none) }
        }
        return SVGChart.lines(
            title: zh ? "\(policy)：\(outcome.chinese)均值趋势" : "\(policy): mean \(outcome.rawValue) by year",
            xLabel: zh ? "年份" : "year",
            yLabel: zh
                ? "\(outcome.chinese)（\(outcome.unit.zh)）" : "\(outcome.rawValue) (\(outcome.unit.en))",
            series: [
                SVGChart.Series(label: zh ? "受政策企业" : "treated firms", colour: "#c0392b", points: treated),
                SVGChart.Series(
                    label: zh ? "未受政策企业" : "untreated firms", colour: "#2c3e50", points: untreated),
            ])
    }

    static func estimateColumns(_ out: Output) -> [Column] {
        [
            Column("term", title: out.t("项", "term")),
            Column("estimate", title: out.t("估计值", "estimate"), alignRight: true),
            Column("se", title: out.t("标准误", "SE"), alignRight: true),
            Column("low", title: out.t("95%下限", "95% low"), alignRight: true),
            Column("high", title: out.t("95%上限", "95% high"), alignRight: true),
            Column("p", title: "p", alignRight: true),
        ]
    }

    static func row(_ e: PolicyResult.Estimate, label: String? = nil) -> [Cell] {
        [
            .text(label ?? e.term), .measure(e.estimate, places: 4), .measure(e.se, places: 4),
            .measure(e.low, places: 4), .measure(e.high, places: 4), .measure(e.p, places: 4),
        ]
    }

    /// An estimate: the headline and the method's parts; JSON is the whole result.
    static func estimate(_ e: PolicyService.Estimate, _ out: Output) {
        let r = e.result
        if out.isJSON {
            out.line(
                "{\"inputHash\":\(JSONText.quoted(e.inputHash)),\"policy\":\(JSONText.quoted(e.policy)),\"result\":\(r.json()),\"run\":\(e.run.map(String.init) ?? "null")}"
            )
            return
        }
        var rows: [[Cell]] = [row(r.effect, label: "ATT")]
        switch r.method {
        case .event, .cs:
            rows += zip(r.eventTimes, r.eventEstimates).map { row($1, label: "e=\($0)") }
            for s in r.summaries where s.kind == "group" || s.kind == "calendar" {
                rows += s.parts.map { row($0) }
            }
        case .twfe, .did2x2: rows += r.coefficients.map { row($0) }
        case .psm, .psmDid: rows += r.coefficients.map { row($0, label: "logit \($0.term)") }
        }
        out.table(estimateColumns(out), rows)
        var facts =
            out.lang == .zh
            ? "\(r.method.chinese)；\(r.outcome.chinese)；\(r.sample.firms) 家企业（受政策 \(r.sample.treatedFirms) 家），\(r.sample.observations) 个观测"
            : "\(r.method.rawValue); \(r.outcome.rawValue); \(r.sample.firms) firms (\(r.sample.treatedFirms) treated), \(r.sample.observations) observations"
        if let c = r.convention, let k = r.k, let a = r.adjustment {
            facts +=
                out.lang == .zh
                ? "；聚类标准误口径 \(c)（K = \(k)，系数 \(String(format: "%.6f", a))）"
                : "; clustered SE convention \(c) (K = \(k), factor \(String(format: "%.6f", a)))"
        }
        for t in r.tests {
            facts +=
                out.lang == .zh
                ? "；政策前趋势检验 χ²(\(t.df)) = \(String(format: "%.3f", t.statistic))，p = \(String(format: "%.3f", t.p))"
                : "; pre-trend χ²(\(t.df)) = \(String(format: "%.3f", t.statistic)), p = \(String(format: "%.3f", t.p))"
        }
        if let pairs = r.matchedPairs {
            facts += out.lang == .zh ? "；匹配 \(pairs) 对" : "; \(pairs) matched pairs"
        }
        out.notice(Message(facts, en: facts))
        for (zh, en) in zip(r.caveatsZh, r.caveatsEn) { out.notice(Message("注意：\(zh)", en: "caveat: \(en)")) }
        if let run = e.run {
            out.notice(
                Message(
                    "已保存为评估 #\(run)（gsl policy report \(run)）",
                    en: "stored as run #\(run) (gsl policy report \(run))"))
        } else {
            out.notice(Message("试算，未保存", en: "dry run, not stored"))
        }
    }

    /// Stored runs.
    static func runs(_ lines: [PolicyRunRepository.RunLine], _ out: Output) {
        out.table(
            [
                Column("id", title: "#", alignRight: true), Column("method", title: out.t("方法", "method")),
                Column("policy", title: out.t("政策", "policy")),
                Column("outcome", title: out.t("结果变量", "outcome")),
                Column("firms", title: out.t("企业", "firms"), alignRight: true),
                Column("effect", title: "ATT", alignRight: true),
                Column("se", title: out.t("标准误", "SE"), alignRight: true),
                Column("created_at", title: out.t("时间", "at")),
            ],
            lines.map {
                [
                    .int($0.id), .text($0.method), .text($0.policy), .text($0.outcome), .int(Int64($0.firms)),
                    .measure($0.effect, places: 4), .measure($0.se, places: 4), .text($0.createdAt),
                ]
            })
    }

    /// A scorecard: each node's weight, input and score.
    static func scorecard(_ s: ScorecardSummary, _ out: Output) {
        out.table(
            [
                Column("code", title: out.t("代码", "code")), Column("name", title: out.t("指标", "node")),
                Column("weight", title: out.t("权重", "weight"), alignRight: true),
                Column("input", title: out.t("输入值", "input"), alignRight: true),
                Column("score", title: out.t("得分", "score"), alignRight: true),
            ],
            s.nodes.map {
                [
                    .text($0.code), .text(String(repeating: "  ", count: $0.depth) + $0.name),
                    .measure($0.weight, places: 3),
                    $0.input.map { .measure($0, places: 3) } ?? .null, .measure($0.score, places: 1),
                ]
            })
        if let source = s.satisfactionSource {
            out.notice(Message("服务对象满意度：\(source)", en: "satisfaction: \(source)"))
        }
        let grade = s.grade.map { "，等级 \($0)" } ?? ""
        out.notice(
            Message(
                "\(s.title)（\(s.framework)）总分 \(Markup.fixed(s.score, 1))\(grade)\(s.id > 0 ? "；已保存为评分 #\(s.id)" : "；试算，未保存")",
                en:
                    "\(s.title) (\(s.framework)) total \(Markup.fixed(s.score, 1))\(s.grade.map { ", grade \($0)" } ?? "")\(s.id > 0 ? "; stored as scorecard #\(s.id)" : "; dry run, not stored")"
            ))
    }
}
