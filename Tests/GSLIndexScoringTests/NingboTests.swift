import Foundation
import GSLCore
import GSLIndexScoring
import Testing

@Suite struct NingboTests {
    static func frameworks() throws -> (Framework, Framework) {
        (
            try FrameworkParser.parse(yaml: CSVFixture.frameworkText("qinqing-v1.yaml")),
            try FrameworkParser.parse(yaml: CSVFixture.frameworkText("qinqing-v2.yaml"))
        )
    }
    static let efficacy = PipelineSpec(normalise: .init(method: .efficacy, truncate: true))

    @Test func syntheticDataIsSeededAndComplete() throws {
        let (_, v2) = try Self.frameworks()
        let a = SyntheticData.ningbo(framework: v2, seed: 7)
        let b = SyntheticData.ningbo(framework: v2, seed: 7)
        let c = SyntheticData.ningbo(framework: v2, seed: 8)
        #expect(a == b && a.contentHash == b.contentHash)
        #expect(a.contentHash != c.contentHash)
        #expect(a.units == SyntheticData.ningboCounties.map(\.code))
        #expect(a.units.count == 10 && a.unitNames["330212"] == "鄞州区")
        #expect(a.sortedPeriods == ["2019", "2020", "2021", "2022", "2023"])
        #expect(a.values.count == 10 * 5 * v2.indicatorCodes.count)
        #expect(a.groups["kind"]?["330282"] == "县级市" && a.groups["kind"]?["330225"] == "县")
    }

    @Test func v2ScoresByEfficacyAndGrades() throws {
        let (_, v2) = try Self.frameworks()
        let data = SyntheticData.ningbo(framework: v2)
        let r = try Pipeline.run(framework: v2, data: data, spec: Self.efficacy)
        #expect(r.period == "2023")
        // Every 功效系数 score is at most 100, and the index is a weighted mean of 40/30/30.
        for u in data.units {
            let near = r.score(unit: u, node: "near")!, clean = r.score(unit: u, node: "clean")!,
                health = r.score(unit: u, node: "health")!
            #expect(abs(r.score(unit: u, node: "QQ")! - (0.4 * near + 0.3 * clean + 0.3 * health)) < 1e-9)
            for ind in v2.indicatorCodes { #expect(r.score(unit: u, node: ind)! <= 100) }
        }
        // One indicator by hand: d = (x − 不允许值)/(满意值 − 不允许值)·40 + 60, capped at 100.
        let x = data.value(unit: "330203", period: "2023", variable: "gs_startup_days")!
        #expect(
            abs(r.score(unit: "330203", node: "gs_startup_days")! - min((x - 5) / (1 - 5) * 40 + 60, 100))
                < 1e-12)
        #expect(abs(r.effectiveWeights["gs_channel"]! - 0.4 * 0.5 * 0.25) < 1e-15)
        let a = try Assessment(result: r, framework: v2)
        #expect(a.rows.count == 10)
        for row in a.rows {
            let expected = row.score >= 90 ? "优秀" : row.score >= 80 ? "良好" : row.score >= 60 ? "合格" : "不合格"
            #expect(row.grade == expected)
            #expect(!row.uncertain && row.rankInterval == nil)
        }
        #expect(a.rows.map(\.rank) == a.rows.map(\.rank).sorted())
    }

    @Test func v1AgainstV2RankComparison() throws {
        let (v1, v2) = try Self.frameworks()
        let data = SyntheticData.ningbo(framework: v2)
        let r1 = try Pipeline.run(framework: v1, data: data, spec: Self.efficacy)
        let r2 = try Pipeline.run(framework: v2, data: data, spec: Self.efficacy)
        let cmp = RankComparison(r1, r2, node: "QQ")
        #expect(cmp.rows.count == 10)
        #expect(cmp.rows.allSatisfy { $0.change == $0.rankA - $0.rankB })
        #expect(cmp.spearman > 0.5 && cmp.spearman <= 1)
        #expect(cmp.kendall <= cmp.spearman + 1e-12 || cmp.kendall > 0)
        let same = RankComparison(r2, r2, node: "QQ")
        #expect(same.spearman == 1 && same.kendall == 1 && same.meanAbsoluteChange == 0)
    }

    @Test func uncertaintyAndUncertainGrades() throws {
        let (_, v2) = try Self.frameworks()
        let data = SyntheticData.ningbo(framework: v2)
        let u = UncertaintySpec(
            runs: 400, seed: 42, weightNoise: 0.5, normalisations: [.efficacy, .minMax],
            aggregations: [.arithmetic, .copeland])
        let res = try UncertaintyAnalysis.run(framework: v2, data: data, spec: Self.efficacy, uncertainty: u)
        let again = try UncertaintyAnalysis.run(
            framework: v2, data: data, spec: Self.efficacy, uncertainty: u)
        #expect(res == again)
        #expect(res.units.count == 10 && res.runs == 400)
        for k in 0..<10 {
            #expect(res.q5[k] <= res.medianRank[k] && res.medianRank[k] <= res.q95[k])
            #expect(res.q5[k] >= 1 && res.q95[k] <= 10)
        }
        #expect(res.nominalRank.sorted() == Array(1...10))
        #expect(res.q95.enumerated().contains { $0.element > res.q5[$0.offset] })
        let nominal = try Pipeline.run(framework: v2, data: data, spec: Self.efficacy)
        let a = try Assessment(result: nominal, framework: v2, uncertainty: res)
        #expect(a.rows.allSatisfy { $0.rankInterval != nil })
        // With thresholds the only boundary here is 良好/合格 between ranks 9 and 10, which no interval crosses.
        #expect(a.rows.allSatisfy { !$0.uncertain })
        // Rank-quantile grades (top 30 %, next 40 %, rest): intervals such as [2, 5] cross a boundary.
        var byRank = v2
        byRank.grading = GradingRule(
            kind: .rankQuantiles,
            grades: [
                .init(labelZh: "前列", labelEn: "Top", bound: 0.3),
                .init(labelZh: "中等", labelEn: "Middle", bound: 0.7),
            ],
            fallbackZh: "靠后", fallbackEn: "Bottom")
        let q = try Assessment(result: nominal, framework: byRank, uncertainty: res)
        func grade(_ position: Double) -> Int {
            let f = min(max(position, 1), 10) / 10
            return f <= 0.3 ? 0 : f <= 0.7 ? 1 : 2
        }
        for row in q.rows {
            let k = res.units.firstIndex(of: row.unit)!
            #expect(row.rankInterval == [res.q5[k], res.q95[k]])
            #expect(row.grade == ["前列", "中等", "靠后"][grade(Double(row.rank))])
            #expect(
                row.uncertain == (grade(res.q5[k].rounded(.down)) != grade(res.q95[k].rounded(.up))),
                "\(row.unit)")
        }
        #expect(q.rows.contains { $0.uncertain } && q.rows.contains { !$0.uncertain })
        // A unit whose interval stays inside one grade's rank band is not uncertain.
        let fixed = try UncertaintyAnalysis.run(
            framework: v2, data: data, spec: Self.efficacy,
            uncertainty: .init(runs: 20, seed: 1, weightNoise: 0))
        #expect(fixed.q5 == fixed.q95 && fixed.q5.map { Int($0) } == fixed.nominalRank)
        #expect(
            try Assessment(result: nominal, framework: v2, uncertainty: fixed).rows.allSatisfy {
                !$0.uncertain
            })
    }

    @Test func sensitivityIndices() throws {
        let (_, v2) = try Self.frameworks()
        let data = SyntheticData.ningbo(framework: v2)
        let u = UncertaintySpec(
            runs: 200, seed: 3, weightNoise: 0.3, normalisations: [.efficacy, .rank],
            aggregations: [.arithmetic, .copeland])
        let s = try SensitivityAnalysis.run(framework: v2, data: data, spec: Self.efficacy, uncertainty: u)
        #expect(s.inputs == ["weights", "normalisation", "aggregation"])
        #expect(s.evaluations == 200 * 5)
        #expect(s.variance > 0)
        for (f, t) in zip(s.firstOrder, s.total) { #expect(t >= 0 && f <= t + 0.2 && t <= 1.5) }
        // With one uncertain input it explains all the variance: Sᵢ ≈ Sₜᵢ ≈ 1.
        let one = try SensitivityAnalysis.run(
            framework: v2, data: data, spec: Self.efficacy,
            uncertainty: .init(runs: 300, seed: 5, weightNoise: 0, normalisations: [.efficacy, .rank]))
        #expect(one.inputs == ["normalisation"])
        #expect(abs(one.firstOrder[0] - 1) < 0.2 && abs(one.total[0] - 1) < 0.2)
    }

    @Test func explainAndWhatIf() throws {
        let (_, v2) = try Self.frameworks()
        let data = SyntheticData.ningbo(framework: v2)
        let r = try Pipeline.run(framework: v2, data: data, spec: Self.efficacy)
        let e = try Explanation(result: r, framework: v2, unit: "330212")
        #expect(e.items.count == v2.indicatorCodes.count)
        #expect(abs(e.items.reduce(0) { $0 + $1.contribution } - e.score) < 1e-9)
        #expect(e.strengths.count == 3 && e.weaknesses.count == 3)
        let best = e.items.min { $0.rank < $1.rank }!
        #expect(e.items.first { $0.indicator == e.strengths[0] }!.rank == best.rank)
        // Raising one indicator to its 满意值 cannot lower the score.
        let w = try WhatIf(
            framework: v2, data: data, spec: Self.efficacy, unit: "330212", values: ["hd_rd": 4])
        #expect(w.scoreAfter >= w.scoreBefore)
        #expect(w.rankAfter <= w.rankBefore)
        #expect(w.result.score(unit: "330212", node: "hd_rd") == 100)
        #expect(throws: GSLError.self) {
            try WhatIf(framework: v2, data: data, spec: Self.efficacy, unit: "330212", values: ["nope": 1])
        }
    }

    @Test func dataDrivenWeightsRunThroughThePipeline() throws {
        let (_, v2) = try Self.frameworks()
        let data = SyntheticData.ningbo(framework: v2)
        for m in [WeightMethod.entropy, .critic, .pca, .equal] {
            var s = Self.efficacy
            s.weights = .init(method: m)
            let r = try Pipeline.run(framework: v2, data: data, spec: s)
            let sum = v2.children(of: "GS").reduce(0) { $0 + r.weights[$1]! }
            #expect(abs(sum - 1) < 1e-12, "\(m)")
        }
        var s = Self.efficacy
        s.weights = .init(
            method: .given, byLevel: ["3": .ahp], ahp: ["QQ": [[1, 2, 2], [0.5, 1, 1], [0.5, 1, 1]]])
        let r = try Pipeline.run(framework: v2, data: data, spec: s)
        #expect(abs(r.weights["near"]! - 0.5) < 1e-12 && abs(r.weights["clean"]! - 0.25) < 1e-12)
    }

    @Test func trendOverFivePeriods() throws {
        let (_, v2) = try Self.frameworks()
        let data = SyntheticData.ningbo(framework: v2)
        let t = try Trend(framework: v2, data: data, spec: Self.efficacy, units: ["330212", "330203"])
        #expect(t.points.count == 10)
        #expect(
            t.points.map(\.period) == [
                "2019", "2019", "2020", "2020", "2021", "2021", "2022", "2022", "2023", "2023",
            ])
        let last = try Pipeline.run(framework: v2, data: data, spec: Self.efficacy)
        #expect(
            t.points[8].score == last.score(unit: "330212", node: "QQ")
                && t.points[8].rank == last.rank(unit: "330212", node: "QQ"))
        // The generator adds a yearly improvement, so 2023 beats 2019 on 功效系数 (absolute) scores.
        #expect(t.points[8].score! > t.points[0].score!)
        #expect(throws: GSLError.self) {
            try Trend(framework: v2, data: data, spec: Self.efficacy, units: ["999999"])
        }
    }

    @Test func longDataImportRoundTrip() throws {
        let (_, v2) = try Self.frameworks()
        let data = SyntheticData.ningbo(framework: v2)
        var rows: [[String]] = []
        for u in data.units {
            for p in data.periods {
                for v in v2.indicatorCodes {
                    rows.append([u, p, v, "\(data.value(unit: u, period: p, variable: v)!)"])
                }
            }
        }
        let back = try DataImport.long(
            header: ["unit", "period", "indicator", "value"], rows: rows, framework: v2,
            knownUnits: Set(SyntheticData.ningboCounties.map(\.code)))
        #expect(back.values == data.values)
    }
}
