import Foundation
import GSLCore
import Testing

@testable import GSLIndexScoring

@Suite struct UncertaintyFastPathTests {
    @Test func linearShortcutEqualsFullAggregation() throws {
        let fw = SyntheticData.framework(indicators: 12, groups: 3)
        let data = SyntheticData.panel(framework: fw, units: 40, seed: 9)
        let spec = PipelineSpec()
        let u = UncertaintySpec(
            runs: 300, seed: 11, weightNoise: 0.4, normalisations: [.minMax, .zScore, .rank])
        let fast = try UncertaintyAnalysis.run(
            framework: fw, data: data, spec: spec, uncertainty: u, allowLinear: true)
        let slow = try UncertaintyAnalysis.run(
            framework: fw, data: data, spec: spec, uncertainty: u, allowLinear: false)
        #expect(
            UncertaintyAnalysis.linearPlan(
                try UncertaintyAnalysis.prepare(framework: fw, data: data, spec: spec, u: u).0) != nil)
        #expect(fast == slow)
        #expect(fast.q5.indices.contains { fast.q5[$0] < fast.q95[$0] })
    }

    @Test func fastRanksEqualStatRanks() {
        var g = SeededGenerator(seed: 8)
        var x = (0..<500).map { _ in (g.uniform() - 0.5) * 1e6 }
        x += [0, -0.0, 3.5, 3.5, -2, -2, -2, .infinity, -.infinity, 1e-300, -1e-300]
        var rank = [Double](repeating: 0, count: x.count)
        var scratch = UncertaintyAnalysis.RankScratch(n: x.count)
        UncertaintyAnalysis.rankInto(x, &rank, &scratch)
        #expect(rank == Stat.rankMin(x, descending: true))
    }

    @Test func resultDoesNotDependOnThreadCount() throws {
        let fw = SyntheticData.framework(indicators: 8, groups: 2)
        let data = SyntheticData.panel(framework: fw, units: 30, seed: 4, missingRate: 0.05)
        let u = UncertaintySpec(
            runs: 600, seed: 2, weightNoise: 0.3, aggregations: [.arithmetic, .generalised])
        let one = try UncertaintyAnalysis.run(
            framework: fw, data: data, spec: PipelineSpec(), uncertainty: u,
            allowLinear: true, workers: 1)
        let three = try UncertaintyAnalysis.run(
            framework: fw, data: data, spec: PipelineSpec(), uncertainty: u,
            allowLinear: true, workers: 3)
        #expect(one == three)
    }

    @Test func missingDataFallsBackToFullAggregation() throws {
        let fw = SyntheticData.framework(indicators: 12, groups: 3)
        let data = SyntheticData.panel(framework: fw, units: 40, seed: 9, missingRate: 0.1)
        let u = UncertaintySpec(runs: 50, seed: 11, weightNoise: 0.4)
        let (p, _) = try UncertaintyAnalysis.prepare(framework: fw, data: data, spec: PipelineSpec(), u: u)
        #expect(UncertaintyAnalysis.linearPlan(p) == nil)
        let r = try UncertaintyAnalysis.run(framework: fw, data: data, spec: PipelineSpec(), uncertainty: u)
        #expect(r.units.count == 40 && r.medianRank.allSatisfy { $0 >= 1 && $0 <= 40 })
    }
}
