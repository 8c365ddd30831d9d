import Foundation
import GSLCore
import GSLMatching
import GSLMatchingStore
import GSLTabular

/// Renders matching results: postings, explanations, recommendations, runs, proposals, stats.
enum MatchPresenter {
    /// Money: exact fen in machine formats, 万元/亿元 in tables.
    static func money(_ m: Money?, _ out: Output) -> Cell {
        guard let m else { return .null }
        return out.format == .table ? .text(m.formatted(lang: out.lang)) : .int(m.fen)
    }

    static func label<T: MatchingLabelled>(_ value: T, _ out: Output) -> Cell {
        out.enumValue(value.rawValue, value.label.text(out.lang))
    }

    static func postingColumns(_ out: Output) -> [Column] {
        [
            Column("id", title: "#"), Column("ref", title: out.t("编号", "ref")),
            Column("side", title: out.t("供需", "side")), Column("kind", title: out.t("类别", "kind")),
            Column("org", title: out.t("组织", "organisation")), Column("title", title: out.t("标题", "title")),
            Column("amount_fen", title: out.t("金额", "amount"), alignRight: true),
            Column("state", title: out.t("状态", "state")), Column("posted_on", title: out.t("发布日", "posted")),
        ]
    }

    static func postingRow(_ p: Posting, _ out: Output) -> [Cell] {
        [
            .int(p.id), p.ref.map(Cell.text) ?? .null, label(p.side, out), label(p.kind, out),
            .text(p.orgName),
            .text(p.title), money(p.amount, out), label(p.state, out), .text(p.postedOn.iso),
        ]
    }

    static func postings(_ rows: [Posting], _ out: Output) {
        out.table(postingColumns(out), rows.map { postingRow($0, out) })
    }

    static func showPosting(_ p: Posting, _ out: Output) {
        func text(_ s: String?) -> Cell { s.map(Cell.text) ?? .null }
        let list: ([String]) -> Cell = { $0.isEmpty ? .null : .text($0.joined(separator: ",")) }
        out.record([
            ("id", "#", .int(p.id)), ("ref", out.t("编号", "ref"), text(p.ref)),
            ("side", out.t("供需", "side"), label(p.side, out)),
            ("kind", out.t("类别", "kind"), label(p.kind, out)),
            ("org_id", out.t("组织编号", "organisation id"), .int(p.orgID)),
            ("org", out.t("组织", "organisation"), .text(p.orgName)),
            (
                "org_size", out.t("规模", "size"),
                p.orgSize.map { out.enumValue($0.rawValue, $0.chinese) } ?? .null
            ),
            ("title", out.t("标题", "title"), .text(p.title)), ("text", out.t("内容", "text"), .text(p.text)),
            ("industry", out.t("行业代码", "industry"), text(p.industryCode)),
            ("region", out.t("区划代码", "region"), text(p.regionCode)),
            ("amount_fen", out.t("金额", "amount"), money(p.amount, out)),
            ("amount_min_fen", out.t("金额下限", "least amount"), money(p.amountMin, out)),
            ("amount_max_fen", out.t("金额上限", "largest amount"), money(p.amountMax, out)),
            ("rate_bp", out.t("利率（基点）", "rate (bp)"), p.rateBP.map { .int(Int64($0)) } ?? .null),
            ("sizes", out.t("适用规模", "sizes"), list(p.eligibleSizes.map(\.rawValue))),
            ("exclude_industries", out.t("排除行业", "excluded industries"), list(p.excludedIndustries)),
            ("majors", out.t("专业", "majors"), list(p.majors)),
            ("capacity", out.t("容量", "capacity"), .int(Int64(p.capacity))),
            ("customised", out.t("定制班", "customised"), .bool(p.customised)),
            ("deadline", out.t("截止日", "deadline"), text(p.deadline?.iso)),
            ("state", out.t("状态", "state"), label(p.state, out)),
            ("posted_on", out.t("发布日", "posted"), .text(p.postedOn.iso)),
            ("version", out.t("版本", "version"), .int(p.version)),
        ])
    }

    static func partColumns(_ out: Output) -> [Column] {
        [
            Column("feature", title: out.t("特征", "feature")),
            Column("value", title: out.t("取值", "value"), alignRight: true),
            Column("weight", title: out.t("权重", "weight"), alignRight: true),
            Column("contribution", title: out.t("贡献", "contribution"), alignRight: true),
        ]
    }

    static func partObject(_ p: MatchExplanation.Part) -> JSONValue {
        .object([
            ("feature", .string(p.feature.rawValue)), ("value", .number(p.value)),
            ("weight", .number(p.weight)),
            ("contribution", .number(p.contribution)),
        ])
    }

    static func explain(_ view: MatchExplainView, _ out: Output) {
        let e = view.explanation
        if out.isJSON {
            out.document(
                .object([
                    ("demand", .int(view.demand.id)), ("supply", .int(view.supply.id)),
                    ("kind", .string(view.demand.kind.rawValue)), ("score", .number(e.score)),
                    ("eligible", .bool(e.eligible)), ("features", .array(e.parts.map(partObject))),
                    ("ineligible", .array(e.ineligible.map { .string($0.message.en) })),
                ]))
            return
        }
        var rows = e.parts.map { p -> [Cell] in
            [
                out.enumValue(p.feature.rawValue, p.feature.label.text(out.lang)),
                .measure(p.value, places: 3),
                .measure(p.weight, places: 3), .measure(p.contribution, places: 4),
            ]
        }
        rows.append([.text(out.t("得分", "score")), .null, .null, .measure(e.score, places: 4)])
        out.table(partColumns(out), rows)
        if out.format == .table {
            out.line(
                out.t("需求", "demand") + " #\(view.demand.id) \(view.demand.title) ↔ " + out.t("供给", "supply")
                    + " #\(view.supply.id) \(view.supply.title)")
            for reason in e.ineligible {
                out.line(out.t("不符合条件：", "not eligible: ") + reason.message.text(out.lang))
            }
        }
    }

    static func recommend(_ view: RecommendView, _ out: Output) {
        var columns = [
            Column("rank", title: out.t("名次", "rank")), Column("supply", title: "#"),
            Column("ref", title: out.t("编号", "ref")), Column("org", title: out.t("组织", "organisation")),
            Column("title", title: out.t("标题", "title")),
            Column("score", title: out.t("得分", "score"), alignRight: true),
        ]
        columns += MatchFeature.allCases.map {
            Column($0.rawValue, title: $0.label.text(out.lang), alignRight: true)
        }
        let rows = view.items.enumerated().map { i, item -> [Cell] in
            [
                .int(Int64(i + 1)), .int(item.supply.id), item.supply.ref.map(Cell.text) ?? .null,
                .text(item.supply.orgName), .text(item.supply.title),
                .measure(item.explanation.score, places: 4),
            ] + item.explanation.parts.map { .measure($0.contribution, places: 4) }
        }
        out.table(columns, rows)
        out.notice(
            Message(
                "需求 #\(view.demand.id) \(view.demand.title)：在 \(view.considered) 条有效供给中推荐 \(view.items.count) 条（各列为特征贡献，合计即得分）",
                en:
                    "demand #\(view.demand.id) \(view.demand.title): \(view.items.count) of \(view.considered) open supplies (feature columns are contributions; they sum to the score)"
            ))
    }

    static func weights(_ w: [MatchFeature: Double]) -> JSONValue {
        .object(MatchFeature.allCases.map { ($0.rawValue, .number(w[$0] ?? 0)) })
    }

    static func run(_ v: MarketRunView, _ out: Output) {
        let weightsText = MatchFeature.allCases.map { "\($0.rawValue)=\(v.weights[$0] ?? 0)" }.joined(
            separator: " ")
        if out.isJSON {
            out.document(
                .object([
                    ("run", .int(v.runID)), ("kind", .string(v.kind.rawValue)),
                    ("mode", .string(v.mode.rawValue)),
                    ("demands", .int(Int64(v.demands))), ("supplies", .int(Int64(v.supplies))),
                    ("candidates", .int(Int64(v.candidates))), ("pairs", .int(Int64(v.pairs))),
                    ("objective", .number(v.objective)), ("created", .int(Int64(v.created))),
                    ("skipped", .int(Int64(v.skipped))), ("weights", weights(v.weights)),
                ]))
            return
        }
        out.record([
            ("run", out.t("批次", "run"), .int(v.runID)), ("kind", out.t("类别", "kind"), label(v.kind, out)),
            ("mode", out.t("方式", "mode"), label(v.mode, out)),
            ("demands", out.t("需求数", "demands"), .int(Int64(v.demands))),
            ("supplies", out.t("供给数", "supplies"), .int(Int64(v.supplies))),
            ("candidates", out.t("候选对", "candidate pairs"), .int(Int64(v.candidates))),
            ("pairs", out.t("配对数", "pairs"), .int(Int64(v.pairs))),
            ("objective", out.t("总分", "objective"), .measure(v.objective, places: 4)),
            ("created", out.t("新增推荐", "proposals made"), .int(Int64(v.created))),
            ("skipped", out.t("已有推荐", "already proposed"), .int(Int64(v.skipped))),
            ("weights", out.t("权重", "weights"), .text(weightsText)),
        ])
    }

    /// The candidate graph as CSV: posting ids and the score in millionths (what the flow uses).
    static func writeGraph(_ v: MarketRunView, to path: String) throws(GSLError) {
        var text = "demand,supply,score_micro\n"
        for e in v.graph { text += "\(e.demand),\(e.supply),\(Int64((e.score * 1_000_000).rounded()))\n" }
        try OutputFile.write(text, to: path)
    }

    static func proposalColumns(_ out: Output) -> [Column] {
        [
            Column("id", title: "#"), Column("run", title: out.t("批次", "run")),
            Column("kind", title: out.t("类别", "kind")), Column("demand", title: out.t("需求", "demand")),
            Column("demand_org", title: out.t("需求方", "demand org")),
            Column("supply", title: out.t("供给", "supply")),
            Column("supply_org", title: out.t("供给方", "supply org")),
            Column("score", title: out.t("得分", "score"), alignRight: true),
            Column("state", title: out.t("状态", "state")),
            Column("deal_amount_fen", title: out.t("成交金额", "deal amount"), alignRight: true),
            Column("deal_on", title: out.t("成交日", "deal on")),
        ]
    }

    static func proposalRow(_ p: MatchProposal, _ out: Output) -> [Cell] {
        [
            .int(p.id), p.runID.map(Cell.int) ?? .null, label(p.kind, out), .int(p.demandID),
            .text(p.demandOrg),
            .int(p.supplyID), .text(p.supplyOrg), .measure(p.score, places: 4), label(p.state, out),
            money(p.dealAmount, out), p.dealOn.map(Cell.text) ?? .null,
        ]
    }

    static func proposals(_ rows: [MatchProposal], _ out: Output) {
        out.table(proposalColumns(out), rows.map { proposalRow($0, out) })
    }

    static func showProposal(_ view: MatchProposalView, _ out: Output) {
        let p = view.proposal
        func text(_ s: String?) -> Cell { s.map(Cell.text) ?? .null }
        let allowed = MatchWorkflow.allowed(in: p.state).map(\.rawValue).joined(separator: ",")
        RecordWithLists(
            fields: [
                ("id", "#", .int(p.id)), ("run", out.t("批次", "run"), p.runID.map(Cell.int) ?? .null),
                ("kind", out.t("类别", "kind"), label(p.kind, out)),
                ("state", out.t("状态", "state"), label(p.state, out)),
                ("demand", out.t("需求", "demand"), .int(p.demandID)),
                ("demand_title", out.t("需求标题", "demand title"), .text(p.demandTitle)),
                ("demand_org", out.t("需求方", "demand org"), .text(p.demandOrg)),
                ("supply", out.t("供给", "supply"), .int(p.supplyID)),
                ("supply_title", out.t("供给标题", "supply title"), .text(p.supplyTitle)),
                ("supply_org", out.t("供给方", "supply org"), .text(p.supplyOrg)),
                ("score", out.t("得分", "score"), .measure(p.score, places: 4)),
                ("proposed_on", out.t("推荐日", "proposed on"), .text(p.proposedOn)),
                ("deal_amount_fen", out.t("成交金额", "deal amount"), money(p.dealAmount, out)),
                ("deal_on", out.t("成交日", "deal on"), text(p.dealOn)),
                ("hires", out.t("录用人数", "hires"), p.hires.map { .int(Int64($0)) } ?? .null),
                ("salary_band", out.t("薪酬档", "salary band"), text(p.salaryBand)),
                ("fail_reason", out.t("未成原因", "failure reason"), text(p.failReason)),
                ("allowed", out.t("可执行", "allowed"), .text(allowed)),
                ("version", out.t("版本", "version"), .int(p.version)),
            ],
            lists: [
                .init(
                    key: "features", label: out.t("特征贡献", "feature"),
                    lines: p.parts.map {
                        "\($0.feature.label.text(out.lang)) \(fixed($0.value, 3)) × \(fixed($0.weight, 3)) = \(fixed($0.contribution, 4))"
                    },
                    objects: p.parts.map(partObject)),
                .init(
                    key: "events", label: out.t("跟进", "log"),
                    lines: view.events.map {
                        "\($0.date) \($0.step.label.text(out.lang)) → \($0.to.label.text(out.lang)) \($0.actor)"
                            + ($0.note.map { " \($0)" } ?? "")
                    },
                    objects: view.events.map {
                        .object([
                            ("date", .string($0.date)), ("step", .string($0.step.rawValue)),
                            ("from", $0.from.map { .string($0.rawValue) } ?? .null),
                            ("to", .string($0.to.rawValue)),
                            ("actor", .string($0.actor)), ("note", $0.note.map { .string($0) } ?? .null),
                        ])
                    }),
            ]
        ).write(out)
    }

    static func fixed(_ v: Double, _ places: Int) -> String { String(format: "%.\(places)f", v) }

    static func stats(_ rows: [MatchStats], _ out: Output) {
        let columns = [
            Column("kind", title: out.t("类别", "kind")),
            Column("proposals", title: out.t("推荐", "proposals"), alignRight: true),
            Column("introductions", title: out.t("对接", "introductions"), alignRight: true),
            Column("deals", title: out.t("成交", "deals"), alignRight: true),
            Column("failures", title: out.t("未成", "failures"), alignRight: true),
            Column("amount_fen", title: out.t("成交金额", "amount"), alignRight: true),
            Column("hires", title: out.t("录用人才", "hires"), alignRight: true),
            Column("conversion", title: out.t("转化率", "conversion"), alignRight: true),
            Column("firms_helped", title: out.t("服务企业", "firms helped"), alignRight: true),
        ]
        out.table(
            columns,
            rows.map { s in
                [
                    s.kind.map { label($0, out) } ?? (out.isJSON ? .null : .text(out.t("合计", "total"))),
                    .int(Int64(s.proposals)), .int(Int64(s.introductions)), .int(Int64(s.deals)),
                    .int(Int64(s.failures)), money(s.amount, out), .int(Int64(s.hires)),
                    s.conversion.map { .measure($0, places: 3) } ?? .null, .int(Int64(s.firmsHelped)),
                ]
            })
    }

    static func recall(_ v: RecallView, _ out: Output) {
        if out.isJSON {
            out.document(
                .object([
                    ("top", .int(Int64(v.top))), ("pairs", .int(Int64(v.items.count))),
                    ("found", .int(Int64(v.items.filter { $0.rank != nil }.count))),
                    ("recall", .number(v.recall)),
                    (
                        "weights",
                        .object(
                            v.weights.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                                ($0.key.rawValue, weights($0.value))
                            })
                    ),
                    (
                        "items",
                        .array(
                            v.items.map {
                                .object([
                                    ("demand", .int($0.demand.id)), ("supply", .int($0.supply.id)),
                                    ("rank", $0.rank.map { .int(Int64($0)) } ?? .null),
                                ])
                            })
                    ),
                ]))
            return
        }
        var fields: [(key: String, label: String, value: Cell)] = [
            ("top", "K", .int(Int64(v.top))),
            ("pairs", out.t("已知配对", "planted pairs"), .int(Int64(v.items.count))),
            ("found", out.t("命中", "found"), .int(Int64(v.items.filter { $0.rank != nil }.count))),
            ("recall", out.t("召回率", "recall"), .measure(v.recall, places: 3)),
        ]
        for (kind, w) in v.weights.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            fields.append(
                (
                    "weights_\(kind.rawValue)", out.t("权重", "weights") + " " + kind.label.text(out.lang),
                    .text(MatchFeature.allCases.map { "\($0.rawValue)=\(w[$0] ?? 0)" }.joined(separator: " "))
                ))
        }
        out.record(fields)
    }

    static func profile(_ p: MatchProfile, _ out: Output) {
        if out.isJSON {
            out.line(p.json())
        } else {
            out.line(p.yaml())
        }
    }
}
