import GSLCore
import GSLOptimise
import GSLPairing
import GSLPairingStore
import GSLTabular

/// Plans, explanations, pairings, workshops and figures of `gsl pair`.
enum PairPresenter {
    static func level(_ l: DistanceLevel, _ out: Output) -> Cell {
        out.enumValue(l.rawValue, out.lang == .zh ? l.chinese : l.rawValue)
    }

    static func partsColumns(_ out: Output) -> [Column] {
        [
            Column("level", title: out.t("距离", "distance level")),
            Column("distance", title: out.t("距离分", "distance"), alignRight: true),
            Column("fits", title: out.t("行业匹配", "fits")),
            Column("fit", title: out.t("匹配分", "fit"), alignRight: true),
            Column("priority", title: out.t("优先级分", "priority"), alignRight: true),
            Column("cost", title: out.t("成本", "cost"), alignRight: true),
        ]
    }

    static func partsCells(_ p: PairingCostParts, _ out: Output) -> [Cell] {
        [level(p.level, out), .int(p.distance), .bool(p.fits), .int(p.fit), .int(p.priority), .int(p.total)]
    }

    static func partsJSON(_ p: PairingCostParts) -> [(String, JSONValue)] {
        [
            ("base", .int(p.base)), ("cost", .int(p.total)), ("distance", .int(p.distance)),
            ("fit", .int(p.fit)),
            ("fits", .bool(p.fits)), ("level", .string(p.level.rawValue)), ("priority", .int(p.priority)),
        ]
    }

    /// A plan: its pairs as a table (totals on stderr), or one JSON document with the network.
    static func plan(_ v: PlanView, _ out: Output) {
        let t = v.totals
        if out.isJSON {
            out.document(planJSON(v))
            return
        }
        out.table(
            [
                Column("village_code", title: out.t("村代码", "village code")),
                Column("village", title: out.t("村", "village")),
                Column("county", title: out.t("区县", "county")),
                Column("weak", title: out.t("薄弱村", "weak")), Column("firm_id", title: "#", alignRight: true),
                Column("firm", title: out.t("企业", "firm")),
            ] + partsColumns(out),
            v.pairs.map { p in
                [
                    .text(p.villageCode), .text(p.villageName), .text(p.county), .bool(p.weak),
                    .int(p.firmID),
                    .text(p.firmName),
                ] + partsCells(p.parts, out)
            })
        let levels = DistanceLevel.allCases.map { "\($0.chinese) \(t.byLevel[$0] ?? 0)" }.joined(
            separator: "，")
        let levelsEn = DistanceLevel.allCases.map { "\($0.rawValue) \(t.byLevel[$0] ?? 0)" }.joined(
            separator: ", ")
        let stored =
            v.id.map { Message("方案 #\($0)（\(v.campaign)）", en: "plan #\($0) (\(v.campaign))") }
            ?? Message("试算方案（未保存）", en: "dry-run plan (not stored)")
        out.notice(
            Message(
                "\(stored.zh)：村 \(t.villages) 个，企业 \(t.firmsUsed)/\(t.firms) 家参与，结对 \(t.pairs) 个，总成本 \(t.objective)；\(levels)；行业匹配 \(t.fitting) 个；薄弱村 \(t.weakVillages) 个",
                en:
                    "\(stored.en): \(t.villages) villages, \(t.firmsUsed)/\(t.firms) firms used, \(t.pairs) pairs, total cost \(t.objective); \(levelsEn); \(t.fitting) pairs fit; \(t.weakVillages) weak villages"
            ))
    }

    static func planJSON(_ v: PlanView) -> JSONValue {
        let t = v.totals
        let b = v.bounds
        var doc: [(String, JSONValue)] = [
            (
                "bounds",
                .object([
                    ("candidates", .int(Int64(b.candidates))),
                    ("maxPerEnterprise", .int(Int64(b.maxPerFirm))),
                    ("maxPerVillage", .int(Int64(b.maxPerVillage))),
                    ("minPerEnterprise", .int(Int64(b.minPerFirm))),
                    ("minPerVillage", .int(Int64(b.minPerVillage))), ("within", .string(b.within.rawValue)),
                ])
            ),
            ("campaign", .string(v.campaign)),
        ]
        if let network = v.network {
            let n = network.flow
            var arcs: [JSONValue] = []
            arcs.reserveCapacity(n.arcCount)
            for a in 0..<n.arcCount {
                var arc: [(String, JSONValue)] = []
                if n.capacity[a] != FlowNetwork.unbounded { arc.append(("capacity", .int(n.capacity[a]))) }
                arc.append(("cost", .int(n.cost[a])))
                if !network.flows.isEmpty { arc.append(("flow", .int(network.flows[a]))) }
                arc.append(("from", .string(network.labels[Int(n.from[a])])))
                if n.lowerBound[a] != 0 { arc.append(("lower", .int(n.lowerBound[a]))) }
                arc.append(("to", .string(network.labels[Int(n.to[a])])))
                arcs.append(.object(arc))
            }
            doc.append(
                (
                    "network",
                    .object([
                        ("arcs", .array(arcs)),
                        (
                            "nodes",
                            .array(
                                network.labels.map { .object([("id", .string($0)), ("supply", .int(0))]) })
                        ),
                    ])
                ))
        }
        doc.append(
            (
                "pairs",
                .array(
                    v.pairs.map { p in
                        let fields: [(String, JSONValue)] =
                            [
                                ("county", .string(p.county)), ("firm", .string(p.firmName)),
                                ("firmId", .int(p.firmID)),
                                ("town", .string(p.town)), ("village", .string(p.villageName)),
                                ("villageCode", .string(p.villageCode)), ("weak", .bool(p.weak)),
                            ] + partsJSON(p.parts)
                        return .object(fields.sorted { $0.0 < $1.0 })
                    })
            ))
        doc.append(("plan", v.id.map { .int($0) } ?? .null))
        doc.append(
            (
                "solver",
                .object([("candidates", .int(Int64(v.candidates))), ("solves", .int(Int64(v.solves)))])
            ))
        doc.append(("status", .string("optimal")))
        doc.append(
            (
                "totals",
                .object([
                    (
                        "byLevel",
                        .object(
                            DistanceLevel.allCases.sorted { $0.rawValue < $1.rawValue }.map {
                                ($0.rawValue, .int(Int64(t.byLevel[$0] ?? 0)))
                            })
                    ),
                    ("firms", .int(Int64(t.firms))), ("firmsUsed", .int(Int64(t.firmsUsed))),
                    ("fitting", .int(Int64(t.fitting))), ("objective", .int(t.objective)),
                    ("pairs", .int(Int64(t.pairs))), ("villages", .int(Int64(t.villages))),
                    ("weakVillages", .int(Int64(t.weakVillages))),
                ])
            ))
        return .object(doc)
    }

    /// Why no plan exists: the villages left short, on stdout (the error follows on stderr).
    static func infeasible(_ v: InfeasibleView, _ out: Output) {
        let reasons: [PairingInfeasibility.Reason: Message] = [
            .noFirmWithinReach: Message("允许的距离内没有企业", en: "no firm within the allowed distance"),
            .tooFewFirms: Message("可结对的企业少于最少结对数", en: "fewer firms may pair with it than its minimum"),
            .firmsFull: Message("可结对的企业已满", en: "the firms that may pair with it are full"),
        ]
        if out.isJSON {
            let d = v.detail
            out.document(
                .object([
                    ("cutCapacity", .int(d.cutCapacity)), ("cutDemand", .int(d.cutDemand)),
                    ("cutFirms", .int(Int64(d.cutFirms.count))),
                    ("cutVillages", .int(Int64(d.cutVillages.count))),
                    ("firmsShort", .int(d.firmsShort)), ("status", .string("infeasible")),
                    ("totalCapacity", .int(d.totalCapacity)), ("totalMinimum", .int(d.totalMinimum)),
                    (
                        "uncovered",
                        .array(
                            v.uncovered.map {
                                .object([
                                    ("county", .string($0.county)),
                                    ("reachableFirms", .int(Int64($0.reachableFirms))),
                                    ("reason", .string($0.reason.rawValue)),
                                    ("shortfall", .int($0.shortfall)),
                                    ("village", .string($0.name)), ("villageCode", .string($0.code)),
                                ])
                            })
                    ),
                ]))
            return
        }
        out.table(
            [
                Column("village_code", title: out.t("村代码", "village code")),
                Column("village", title: out.t("村", "village")),
                Column("county", title: out.t("区县", "county")),
                Column("shortfall", title: out.t("缺少结对", "short"), alignRight: true),
                Column("reachable_firms", title: out.t("可结对企业", "reachable firms"), alignRight: true),
                Column("reason", title: out.t("原因", "reason")),
            ],
            v.uncovered.map {
                [
                    .text($0.code), .text($0.name), .text($0.county), .int($0.shortfall),
                    .int(Int64($0.reachableFirms)),
                    out.enumValue($0.reason.rawValue, reasons[$0.reason]!.text(out.lang)),
                ]
            })
    }

    /// Why a village got its partners, and the next best.
    static func explain(_ v: ExplainView, _ out: Output) {
        out.notice(
            Message(
                "方案 #\(v.plan)：\(v.villageName)（\(v.villageCode)）\(v.weak ? "薄弱村" : "非薄弱村")，集体经济收入 \(Money(fen: v.incomeFen).formatted(.auto, lang: .zh))，需求行业 \(v.needs.isEmpty ? "未填" : v.needs)",
                en:
                    "plan #\(v.plan): \(v.villageName) (\(v.villageCode)) \(v.weak ? "weak" : "not weak"), collective income \(Money(fen: v.incomeFen).formatted(.auto, lang: .en)), needs \(v.needs.isEmpty ? "none given" : v.needs)"
            ))
        var rows = v.partners.map { ($0, Message("结对", en: "partner"), "partner") }
        if let next = v.nextBest { rows.append((next, Message("次优", en: "next best"), "next-best")) }
        out.table(
            [
                Column("role", title: out.t("角色", "role")), Column("firm_id", title: "#", alignRight: true),
                Column("firm", title: out.t("企业", "firm")),
            ] + partsColumns(out) + [
                Column(
                    "extra_cost", title: out.t("强制选用时总成本至少增加", "extra total cost if forced"), alignRight: true
                )
            ],
            rows.map { r, label, code in
                [out.enumValue(code, label.text(out.lang)), .int(r.firmID), .text(r.firmName)]
                    + partsCells(r.parts, out)
                    + [r.extraCost.map { .int($0) } ?? .null]
            })
    }

    static func pairings(_ rows: [PairingLedgerRepository.PairingRow], _ out: Output) {
        out.table(
            [
                Column("id", title: "#", alignRight: true),
                Column("campaign", title: out.t("活动", "campaign")),
                Column("plan", title: out.t("方案", "plan"), alignRight: true),
                Column("village_code", title: out.t("村代码", "village code")),
                Column("village", title: out.t("村", "village")), Column("firm", title: out.t("企业", "firm")),
                Column("start_date", title: out.t("开始", "start")),
                Column("end_date", title: out.t("结束", "end")),
                Column("end_reason", title: out.t("结束原因", "end reason")),
            ],
            rows.map {
                [
                    .int($0.id), .text($0.campaign), $0.plan.map { .int($0) } ?? .null, .text($0.villageCode),
                    .text($0.village), .text($0.firm), .text($0.start), $0.end.map(Cell.text) ?? .null,
                    $0.endReason.map(Cell.text) ?? .null,
                ]
            })
    }

    static func workshops(_ rows: [PairingLedgerRepository.WorkshopRow], _ out: Output) {
        out.table(
            [
                Column("id", title: "#", alignRight: true), Column("name", title: out.t("工坊", "workshop")),
                Column("kind", title: out.t("类型", "kind")), Column("village", title: out.t("村", "village")),
                Column("firm", title: out.t("主办企业", "firm")), Column("opened", title: out.t("开办", "opened")),
                Column("jobs", title: out.t("就业", "jobs"), alignRight: true),
                Column("wages_yuan", title: OrgPresenter.moneyTitle("已发工资", "wages", out), alignRight: true),
            ],
            rows.map {
                [
                    .int($0.id), .text($0.name),
                    out.enumValue($0.kind.rawValue, out.lang == .zh ? $0.kind.chinese : $0.kind.rawValue),
                    .text($0.village), .text($0.firm), .text($0.opened), .int(Int64($0.jobs)),
                    OrgPresenter.money(Money(fen: $0.wagesFen), out),
                ]
            })
    }

    static func stats(
        _ rows: [PairingStatsRepository.StatsRow], by: PairingStatsRepository.Grouping, _ out: Output
    ) {
        out.table(
            [
                Column("code", title: out.t("代码", "code")), Column("group", title: out.t("分组", "group")),
                Column("firms", title: out.t("结对企业", "firms"), alignRight: true),
                Column("villages", title: out.t("结对村", "villages"), alignRight: true),
                Column(
                    "project_yuan", title: OrgPresenter.moneyTitle("产业项目投资", "project investment", out),
                    alignRight: true),
                Column(
                    "charity_yuan", title: OrgPresenter.moneyTitle("公益捐助", "charity", out), alignRight: true),
                Column("workshops", title: out.t("共富工坊", "workshops"), alignRight: true),
                Column("jobs", title: out.t("带动就业", "jobs"), alignRight: true),
                Column("wages_yuan", title: OrgPresenter.moneyTitle("工资", "wages", out), alignRight: true),
                Column("weak_villages", title: out.t("薄弱村", "weak villages"), alignRight: true),
                Column("weak_paired", title: out.t("已结对薄弱村", "weak villages paired"), alignRight: true),
                RatePresenter.column("weak_coverage", "薄弱村覆盖率", "weak coverage", out),
            ],
            rows.map { r in
                [
                    r.code.map(Cell.text) ?? .null,
                    r.code == nil
                        ? (out.isJSON ? .text("total") : .text(out.t("合计", "total"))) : .text(r.name),
                    .int(Int64(r.firms)), .int(Int64(r.villages)),
                    OrgPresenter.money(Money(fen: r.projectFen), out),
                    OrgPresenter.money(Money(fen: r.charityFen), out), .int(Int64(r.workshops)),
                    .int(Int64(r.jobs)),
                    OrgPresenter.money(Money(fen: r.wagesFen), out), .int(Int64(r.weakVillages)),
                    .int(Int64(r.weakPaired)),
                    RatePresenter.cell(out)(
                        r.weakVillages == 0 ? nil : Double(r.weakPaired) / Double(r.weakVillages)),
                ]
            })
    }
}
