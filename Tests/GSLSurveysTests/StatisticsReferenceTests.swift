import Foundation
import GSLCore
import GSLTestSupport
import Testing

@testable import GSLSurveys

/// The engine's statistics against values computed once by the Python references
/// (Benchmarks/surveys-reference.py: statsmodels, scipy, samplics, ipfn, pingouin) on the same data.
@Suite struct StatisticsReferenceTests {
    struct Reference: Decodable {
        struct Wilson: Decodable { let successes: Int; let lower: Double; let upper: Double }
        struct ValueSE: Decodable { let value: Double; let se: Double }
        struct Pearson: Decodable {
            let statistic: Double; let p: Double; let df: Int; let cramersV: Double; let residuals: [[Double]]
        }
        struct RaoScott: Decodable {
            let pearson: Double; let statistic: Double; let df: Double; let meanDesignEffect: Double
        }
        let n: Int
        let county: [Int]
        let size: [Int]
        let answer: [Int]
        let chosen: [Int]
        let items: [[Int]]
        let countyTargets: [Double]
        let sizeTargets: [Double]
        let wilson: Wilson
        let rakedWeights: [Double]
        let kishDeff: Double
        let weightedProportion: ValueSE
        let weightedMean: ValueSE
        let pearson: Pearson
        let raoScott: RaoScott
        let cronbachAlpha: Double
    }

    static let reference: Reference = {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/surveys/reference.json")
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    func raked() throws -> Raking.Result {
        let r = Self.reference
        return try Raking(
            margins: [
                Raking.Margin(
                    name: "county", labels: ["0", "1", "2", "3"], categories: r.county,
                    targets: r.countyTargets),
                Raking.Margin(
                    name: "size", labels: ["0", "1", "2"], categories: r.size, targets: r.sizeTargets),
            ], tolerance: 1e-14
        ).run()
    }

    @Test func wilsonIntervalMatchesStatsmodels() {
        let r = Self.reference
        let e = Estimators.wilson(successes: r.chosen.reduce(0, +), n: r.n)
        #expect(r.chosen.reduce(0, +) == r.wilson.successes)
        #expect(Self.close(e.lower, r.wilson.lower))
        #expect(Self.close(e.upper, r.wilson.upper))
    }

    @Test func rakingMatchesIpfnAndKish() throws {
        let result = try raked()
        let r = Self.reference
        #expect(result.weights.count == r.rakedWeights.count)
        let worst = zip(result.weights, r.rakedWeights).map { abs($0 - $1) / $1 }.max()!
        #expect(worst < 1e-9, "largest relative difference \(worst)")
        #expect(Self.close(result.designEffect, r.kishDeff))
        #expect(Self.close(result.effectiveN, Double(r.n) / r.kishDeff))
    }

    @Test func weightedProportionAndMeanMatchSamplics() throws {
        let w = try raked().weights
        let r = Self.reference
        let p = Estimators.weightedMean(r.chosen.map(Double.init), weights: w)
        #expect(Self.close(p.value, r.weightedProportion.value))
        #expect(Self.close(p.standardError, r.weightedProportion.se))
        let m = Estimators.weightedMean(r.items.map { Double($0[0]) }, weights: w)
        #expect(Self.close(m.value, r.weightedMean.value))
        #expect(Self.close(m.standardError, r.weightedMean.se))
    }

    @Test func pearsonCramerAndResidualsMatchScipyAndStatsmodels() throws {
        let r = Self.reference
        let x = try #require(
            Crosstab.compute(rows: r.county, columns: r.answer, rowCount: 4, columnCount: 3, weights: nil))
        #expect(Self.close(x.pearson, r.pearson.statistic))
        #expect(x.degreesOfFreedom == r.pearson.df)
        #expect(abs(x.pValue - r.pearson.p) < 1e-12)
        #expect(Self.close(x.cramersV, r.pearson.cramersV))
        for i in 0..<4 {
            for j in 0..<3 { #expect(Self.close(x.residuals[i][j], r.pearson.residuals[i][j])) }
        }
        #expect(x.raoScott == nil)
    }

    @Test func raoScottSecondOrderMatchesTheReference() throws {
        let r = Self.reference
        let w = try raked().weights
        let x = try #require(
            Crosstab.compute(rows: r.county, columns: r.answer, rowCount: 4, columnCount: 3, weights: w))
        #expect(Self.close(x.pearson, r.raoScott.pearson))
        let rs = try #require(x.raoScott)
        #expect(Self.close(rs.statistic, r.raoScott.statistic), "\(rs.statistic) vs \(r.raoScott.statistic)")
        #expect(Self.close(rs.degreesOfFreedom, r.raoScott.df))
        #expect(Self.close(rs.meanDesignEffect, r.raoScott.meanDesignEffect))
    }

    @Test func cronbachAlphaMatchesPingouin() throws {
        let r = Self.reference
        let alpha = try #require(Estimators.cronbachAlpha(r.items.map { $0.map(Double.init) }))
        #expect(Self.close(alpha, r.cronbachAlpha))
    }

    @Test func chiSquareTailAgreesWithKnownValues() {
        // χ²(1) at 3.841458820694124 is the 95% point; χ²(10) at 18.307038053275146 too.
        #expect(abs(ChiSquare.survival(3.841458820694124, df: 1) - 0.05) < 1e-12)
        #expect(abs(ChiSquare.survival(18.307038053275146, df: 10) - 0.05) < 1e-12)
        #expect(abs(ChiSquare.survival(0.5, df: 4.5) - 0.9853959430965988) < 1e-12)  // scipy.stats.chi2.sf
    }

    @Test func rakingRefusesMarginsThatDoNotAddUpAndDiverges() {
        let r = Self.reference
        let margins = [
            Raking.Margin(
                name: "Q1", labels: ["0", "1", "2", "3"], categories: r.county, targets: r.countyTargets),
            Raking.Margin(
                name: "Q2", labels: ["0", "1", "2"], categories: r.size, targets: [1500, 4500, 3999]),
        ]
        #expect(throws: GSLError.self) { try Raking(margins: margins).run() }
        do {
            _ = try Raking(margins: margins).run()
        } catch {
            #expect(error.cause == .surveysMarginInvalid)
            #expect(error.message.zh.contains("9999"))
        }
        // Contradictory margins over the same respondents: cannot converge.
        let contradictory = [
            Raking.Margin(name: "a", labels: ["x", "y"], categories: [0, 0, 1, 1], targets: [1, 3]),
            Raking.Margin(name: "b", labels: ["x", "y"], categories: [0, 0, 1, 1], targets: [3, 1]),
        ]
        do {
            _ = try Raking(margins: contradictory, maxIterations: 50).run()
            Issue.record("raking converged on contradictory margins")
        } catch {
            #expect(error.cause == .surveysRakingDiverged)
        }
    }

    @Test func trimmingCapsWeightsAndStillMeetsTheMargins() throws {
        let r = Self.reference
        let result = try Raking(
            margins: [
                Raking.Margin(
                    name: "county", labels: ["0", "1", "2", "3"], categories: r.county,
                    targets: r.countyTargets),
                Raking.Margin(
                    name: "size", labels: ["0", "1", "2"], categories: r.size, targets: r.sizeTargets),
            ], trim: Raking.Trim(lower: 0.42, upper: 2.8)
        ).run()
        #expect(result.trimmed > 0)
        var totals = [0.0, 0, 0, 0]
        for (c, w) in zip(r.county, result.weights) { totals[c] += w }
        for k in 0..<4 { #expect(abs(totals[k] - r.countyTargets[k]) / r.countyTargets[k] < 1e-9) }
        let mean = result.weights.reduce(0, +) / Double(result.weights.count)
        let untrimmed = try raked().weights
        #expect(untrimmed.contains { $0 < 0.42 * mean * (1 - 1e-9) || $0 > 2.8 * mean * (1 + 1e-9) })
        #expect(result.weights.allSatisfy { $0 >= 0.42 * mean * (1 - 1e-6) && $0 <= 2.8 * mean * (1 + 1e-6) })
    }
}
