import GSLCore
import Testing

@testable import GSLPolicy

/// The estimators on panels small enough to work out by hand.
@Suite struct EstimatorHandTests {
    /// Four firms over 2020–2021: A and B first treated in 2021, C and D never.
    /// Changes: A +5, B +7 (mean +6); C +1, D +3 (mean +2): the effect is 4.
    func tiny() throws -> Panel {
        try Panel(
            firms: ["A", "B", "C", "D"],
            observations: [
                (0, 2020, 10), (0, 2021, 15), (1, 2020, 20), (1, 2021, 27),
                (2, 2020, 12), (2, 2021, 13), (3, 2020, 8), (3, 2021, 11),
            ],
            cohort: [2021, 2021, nil, nil])
    }

    @Test func canonicalDiDIsTheDifferenceOfChanges() throws {
        let did = try CanonicalDiD(try tiny())
        #expect(abs(did.att.estimate - 4) < 1e-12)
        #expect(did.means.treatedPre == 15 && did.means.treatedPost == 21)
        #expect(did.means.controlPre == 10 && did.means.controlPost == 12)
        #expect(did.treatedFirms == 2 && did.controlFirms == 2 && did.adoption == 2021)
    }

    @Test func twfeOnTwoPeriodsEqualsTheTwoByTwo() throws {
        for convention in SmallSample.allCases {
            let fit = try TwoWayFixedEffects.did(try tiny(), convention: convention)
            #expect(abs(fit.ols.coefficients[0].estimate - 4) < 1e-12)
            #expect(fit.sweeps == 2)
        }
        // K: 1 regressor + 4 firms + 2 years − 1 = 6 (Stata) and 1 + 2 years = 3 (fixest).
        #expect(TwoWayFixedEffects.k(regressors: 1, firms: 4, years: 2, convention: .stata) == 6)
        #expect(TwoWayFixedEffects.k(regressors: 1, firms: 4, years: 2, convention: .fixest) == 3)
    }

    @Test func clusteredErrorsByHand() throws {
        // y = a + b x with two clusters; residual sums per cluster give the meat.
        // x = [0, 1, 0, 1], y = [1, 2, 3, 6] → b = 2, a = 2; e = [-1, -2, 1, 2].
        let ols = try ClusteredOLS(
            names: ["a", "b"], columns: [[1, 1, 1, 1], [0, 1, 0, 1]], y: [1, 2, 3, 6], cluster: [0, 0, 1, 1],
            clusters: 2, k: 2)
        #expect(
            abs(ols.coefficients[0].estimate - 2) < 1e-12 && abs(ols.coefficients[1].estimate - 2) < 1e-12)
        // Scores per cluster: (−3, −2) and (3, 2); (X′X)⁻¹ = [[0.5, −0.5], [−0.5, 1]] maps them to
        // (−0.5, −0.5) and (0.5, 0.5), so B M B = [[0.5, 0.5], [0.5, 0.5]]; the factor is
        // G/(G−1)·(N−1)/(N−K) = 2 · 3/2 = 3.
        #expect(ols.vcov.allSatisfy { abs($0 - 1.5) < 1e-12 })
        #expect(abs(ols.adjustment - 3) < 1e-12)
    }

    @Test func callawaySantAnnaOnTheTinyPanel() throws {
        let cs = try CallawaySantAnna(try tiny(), control: .never)
        #expect(cs.cells.count == 1)
        let cell = cs.cells[0]
        #expect(cell.group == 2021 && cell.year == 2021 && cell.base == 2020)
        #expect(abs(cell.att.estimate - 4) < 1e-12)
        // ψ = N/n_g (ΔY − 6) for A, B = 2·(−1, 1); −N/n_c (ΔY − 2) for C, D = −2·(−1, 1).
        #expect(cell.influence == [-2, 2, 2, -2])
        #expect(abs(cell.att.standardError - 4.0.squareRoot() * 2 / 4) < 1e-12)
        let simple = cs.aggregate(.simple)
        #expect(abs(simple.overall.estimate - 4) < 1e-12)
    }

    @Test func demeaningRemovesBothMeansOnABalancedPanel() throws {
        let p = try tiny()
        let d = TwoWayDemeaner(firm: p.firm, period: p.period, firms: 4, periods: 2)
        let (v, _) = try d.demean(p.outcome)
        // x − firm mean − year mean + grand mean.
        let grand = p.outcome.reduce(0, +) / 8
        for k in 0..<8 {
            let f = p.firm[k], t = p.period[k]
            let fm = (p.outcome[2 * f] + p.outcome[2 * f + 1]) / 2
            let ym = (0..<4).map { p.outcome[2 * $0 + t] }.reduce(0, +) / 4
            #expect(abs(v[k] - (p.outcome[k] - fm - ym + grand)) < 1e-12)
        }
    }

    @Test func chiSquaredTails() {
        #expect(abs(Distributions.chiSquaredUpper(3.841458820694124, df: 1) - 0.05) < 1e-10)
        #expect(abs(Distributions.chiSquaredUpper(5.991464547107979, df: 2) - 0.05) < 1e-10)
        #expect(abs(Distributions.chiSquaredUpper(18.307038053275146, df: 10) - 0.05) < 1e-10)
        // scipy.stats.chi2.sf
        #expect(abs(Distributions.chiSquaredUpper(0.5, df: 3) - 0.9188914116546758) < 1e-12)
        #expect(abs(Distributions.chiSquaredUpper(40, df: 7) / 1.258790387371308e-06 - 1) < 1e-9)
    }

    @Test func badPanelsAreRefusedWithTheirCause() throws {
        // A gap: firm B lacks 2021.
        let gappy = try Panel(
            firms: ["A", "B", "C"],
            observations: [(0, 2020, 1), (0, 2021, 2), (1, 2020, 1), (2, 2020, 3), (2, 2021, 4)],
            cohort: [2021, 2021, nil])
        #expect(throws: GSLError.self) { try CallawaySantAnna(gappy, control: .never) }
        do {
            _ = try CallawaySantAnna(gappy, control: .never)
        } catch {
            #expect(error.cause == .policyUnbalancedPanel && error.message.zh.contains("B（缺 2021）"))
        }
        // Treated in the first year: no pre-period.
        let early = try Panel(
            firms: ["A", "B"], observations: [(0, 2020, 1), (0, 2021, 2), (1, 2020, 1), (1, 2021, 3)],
            cohort: [2020, nil])
        do {
            _ = try TwoWayFixedEffects.did(early, convention: .fixest)
            Issue.record("accepted a treatment in the first year")
        } catch { #expect(error.cause == .policyTreatmentOutsidePanel) }
        // Everyone treated at once: the dummy is the year effect.
        let allTreated = try Panel(
            firms: ["A", "B"], observations: [(0, 2020, 1), (0, 2021, 2), (1, 2020, 1), (1, 2021, 3)],
            cohort: [2021, 2021])
        do {
            _ = try TwoWayFixedEffects.did(allTreated, convention: .fixest)
            Issue.record("accepted a singular design")
        } catch { #expect(error.cause == .policySingularDesign) }
    }

    @Test func logitRefusesSeparationAndFitsOtherwise() throws {
        do {
            _ = try Logit(y: [0, 0, 0, 1, 1, 1], x: [[1], [2], [3], [4], [5], [6]], names: ["x"])
            Issue.record("accepted perfect separation")
        } catch { #expect(error.cause == .policyLogitNotConverged) }
        // Overlapping groups: the score equations hold at the estimate.
        let x: [[Double]] = [[1], [2], [3], [4], [5], [6], [3.5], [2.5]]
        let y: [Double] = [0, 0, 1, 0, 1, 1, 0, 1]
        let fit = try Logit(y: y, x: x, names: ["x"])
        let s0 = zip(y, fit.fitted).reduce(0.0) { $0 + $1.0 - $1.1 }
        let s1 = (0..<8).reduce(0.0) { $0 + x[$1][0] * (y[$1] - fit.fitted[$1]) }
        #expect(abs(s0) < 1e-10 && abs(s1) < 1e-10)
    }

    @Test func bootstrapIsSeededAndNearTheAnalyticErrors() throws {
        var obs: [(Int, Int, Double)] = []
        var cohort: [Int?] = []
        var gen = SeededGenerator(seed: 7)
        for f in 0..<300 {
            let g: Int? = f % 3 == 0 ? 2019 : (f % 3 == 1 ? 2021 : nil)
            cohort.append(g)
            for t in 2017...2022 {
                let effect = g.map { t >= $0 ? 2.0 : 0 } ?? 0
                obs.append((f, t, Double(f % 7) + Double(t - 2017) * 0.3 + effect + gen.uniform() - 0.5))
            }
        }
        let panel = try Panel(firms: (0..<300).map(String.init), observations: obs, cohort: cohort)
        let cs = try CallawaySantAnna(panel, control: .never)
        let dynamic = cs.aggregate(.dynamic)
        let a = try dynamic.bootstrapped(draws: 999, seed: 42)
        let b = try dynamic.bootstrapped(draws: 999, seed: 42)
        #expect(a.bootstrap == b.bootstrap)
        for (j, part) in dynamic.parts.enumerated() {
            let ratio = a.parts[j].standardError / part.standardError
            #expect(ratio > 0.8 && ratio < 1.25, "\(part.term): \(ratio)")
        }
        #expect(a.bootstrap!.critical > Distributions.z975)
        #expect(abs(a.overall.estimate - 2) < 0.2)
    }
}
