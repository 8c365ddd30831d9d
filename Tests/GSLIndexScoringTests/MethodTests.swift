import Foundation
import GSLCore
import GSLTestSupport
import Testing

@testable import GSLIndexScoring

/// Each method on small vectors with known answers (COINr's unit vectors where it has them).
@Suite struct MethodTests {
    static let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]
    static let ind = IndicatorSpec(direction: 1, goalposts: [0, 50], target: 50)

    func norm(_ m: NormaliseMethod, _ o: PipelineSpec.Normalise = .init()) throws -> [Double] {
        try Normaliser.normalise(Self.x, code: "x", indicator: Self.ind, method: m, options: o)
    }

    func close(_ a: [Double], _ b: [Double], _ tol: Double = 1e-12) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol * max(1, abs($1)) }
    }

    @Test(.enabled(if: Fixtures.sharedReference != nil, "../shared/reference is absent"))
    func normalisersMatchCOINrUnitVectors() throws {
        let url = Fixtures.sharedReference!.appendingPathComponent(
            "index/coinr_asem/unit_vectors_normalise_treat.csv")
        let (h, rows) = try CSVFixture.read(url)
        let data = rows.filter { $0[0] != "NA" }
        func col(_ name: String) -> [Double] {
            let i = h.firstIndex(of: name)!; return data.map { Double($0[i])! }
        }
        #expect(close(try norm(.minMax), col("n_minmax")))
        #expect(close(try norm(.zScore), col("n_zscore")))
        #expect(close(try norm(.rank), col("n_rank")))
        #expect(close(try norm(.borda), col("n_borda")))
        #expect(close(try norm(.percentileRank), col("n_prank")))
        #expect(close(try norm(.fractionOfMax), col("n_fracmax")))
        #expect(close(try norm(.distanceToMax), col("n_dist2max")))
        #expect(close(try norm(.distanceToTarget), col("n_dist2targ_t50")))
        #expect(close(try norm(.goalposts, .init(high: 100)), col("n_goalposts_0_50_x100")))
        #expect(close(try norm(.scaled, .init(low: 0, high: 200)), col("n_scaled_0_200")))
        #expect(close(Treater.logCT(Self.x), col("log_CT")))
        let (w, rec) = Treater.treat(
            Self.x, code: "x", units: (1...10).map(String.init), spec: .init(fallback: .none))
        #expect(close(w, col("winsorised")))
        #expect(rec.winsorised == 1 && rec.winsorisedUnits == ["10"] && rec.highEnd)
    }

    @Test func skewAndKurtosisType2() {
        // COINr unit_skew_kurt.csv values.
        #expect(abs(Stat.skew(Self.x) - 3.11889574523909) < 1e-12)
        #expect(abs(Stat.kurt(Self.x) - 9.79924471616366) < 1e-11)
        #expect(abs(Stat.skew(Treater.logCT(Self.x)) - 1.30647048214616) < 1e-12)
        #expect(abs(Stat.kurt(Treater.logCT(Self.x)) - 3.48853111136038) < 1e-12)
    }

    @Test func treatmentFallsBackToLogOnOriginalValues() {
        // Two huge outliers on each side keep the kurtosis high after 1 winsorisation.
        let x: [Double] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 1000, 2000, 5000]
        let (out, rec) = Treater.treat(
            x, code: "v", units: x.indices.map { "u\($0)" }, spec: .init(winmax: 1))
        #expect(!rec.passedBefore)
        #expect(rec.winsorised == 1)
        #expect(rec.passedAfter == false)
        #expect(rec.fallback == "log")
        #expect(out == Treater.logCT(x))
    }

    @Test func efficacyCoefficientWorkedExample() throws {
        // DB3302/T 1178: x = 5.81, 满意值 12, 不允许值 6 → 58.73.
        let ind = IndicatorSpec(direction: 1, unacceptable: 6, satisfactory: 12)
        let d = try Normaliser.normalise(
            [5.81, 12, 9, 15], code: "e", indicator: ind, method: .efficacy, options: .init())
        #expect(abs(d[0] - 58.733333333333334) < 1e-12)
        #expect(d[1] == 100 && d[2] == 80 && d[3] == 100)
        // Smaller is better: the bounds swap (满意值 below 不允许值).
        let neg = IndicatorSpec(direction: -1, unacceptable: 5, satisfactory: 1)
        let e = try Normaliser.normalise(
            [1, 3, 5], code: "n", indicator: neg, method: .efficacy, options: .init())
        #expect(e == [100, 80, 60])
    }

    @Test func minMaxReversesNegativeDirection() throws {
        let ind = IndicatorSpec(direction: -1)
        let v = try Normaliser.normalise(
            [10, 20, .nan, 30], code: "n", indicator: ind, method: .minMax, options: .init())
        #expect(v[0] == 100 && v[1] == 50 && v[2].isNaN && v[3] == 0)
    }

    @Test func aggregationMeans() throws {
        let cols: [[Double]] = [[1, 2, .nan], [4, 3, 4], [2, 2, 1]]
        let w: [Double] = [1, 2, 1]
        let a = try Aggregator.aggregate(cols, weights: w, method: .arithmetic)
        #expect(a[0] == 2.75 && a[1] == 2.5)
        #expect(abs(a[2] - 3) < 1e-15)  // renormalised over the two present children: (2·4 + 1)/3
        let g = try Aggregator.aggregate(cols, weights: w, method: .geometric)
        #expect(abs(g[0] - 2.37841423000544) < 1e-12)
        let h = try Aggregator.aggregate(cols, weights: w, method: .harmonic)
        #expect(abs(h[0] - 2) < 1e-12 && abs(h[1] - 2.4) < 1e-12)
        let p2 = try Aggregator.aggregate(cols, weights: w, method: .generalised, power: 2)
        #expect(abs(p2[0] - ((1 + 32 + 4) / 4.0).squareRoot()) < 1e-12)
        let avail = try Aggregator.aggregate(cols, weights: w, method: .arithmetic, minAvailability: 1)
        #expect(avail[2].isNaN && avail[0] == 2.75)
    }

    @Test func copelandAndTopsis() throws {
        // Unit 0 beats both others on the heavier indicator.
        let cols: [[Double]] = [[3, 1, 2], [1, 3, 2]]
        let c = try Aggregator.aggregate(cols, weights: [2, 1], method: .copeland)
        #expect(c == [2, -2, 0])
        let t = try Aggregator.aggregate([[1, 0.5, 0], [1, 0.5, 0]], weights: [1, 1], method: .topsis)
        #expect(t[0] == 100 && t[2] == 0 && abs(t[1] - 50) < 1e-12)
    }

    @Test func dataDrivenWeights() throws {
        let cols: [[Double]] = [[1, 2, 3, 4], [4, 3, 9, 1], [2, 8, 4, 6]]
        let names = ["a", "b", "c"]
        let e = try WeightCalculator.weights(
            method: .entropy, children: names, given: [1, 1, 1], columns: cols,
            ahpMatrix: nil, group: "g", force: false)
        #expect(close(e, [0.3095846225802292, 0.3808307548375275, 0.30958462258224334], 1e-9))
        let c = try WeightCalculator.weights(
            method: .critic, children: names, given: [1, 1, 1], columns: cols,
            ahpMatrix: nil, group: "g", force: false)
        #expect(close(c, [0.1379771186674766, 0.5372061754652226, 0.32481670586730077], 1e-12))
        let eq = try WeightCalculator.weights(
            method: .equal, children: names, given: [5, 1, 1], columns: cols,
            ahpMatrix: nil, group: "g", force: false)
        let third: Double = 1.0 / 3
        #expect(eq == [third, third, third])
        let given = try WeightCalculator.weights(
            method: .given, children: names, given: [2, 1, 1], columns: cols,
            ahpMatrix: nil, group: "g", force: false)
        #expect(given == [0.5, 0.25, 0.25])
    }

    @Test func ahpSaatyExample() throws {
        let a = try AHP(matrix: [[1, 3, 5], [1.0 / 3, 1, 3], [1.0 / 5, 1.0 / 3, 1]])
        #expect(close(a.weights, [0.6369855717447569, 0.2582849943744952, 0.10472943388074793], 1e-10))
        #expect(abs(a.lambdaMax - 3.0385110905581745) < 1e-10)
        #expect(abs(a.consistencyRatio - 0.033199215998426276) < 1e-9)
    }

    @Test func ranksTiesMin() {
        #expect(
            Stat.rankMin([5, 7, 7, .nan, 1], descending: true).map { $0.isNaN ? -1 : $0 } == [3, 1, 1, -1, 4])
        #expect(Stat.kendall([1, 2, 3, 4], [1, 2, 4, 3]) == 4.0 / 6)
        #expect(abs(Stat.spearman([1, 2, 3, 4], [1, 2, 4, 3]) - 0.8) < 1e-12)
        #expect(Stat.quantile([1, 2, 3, 4], 0.05) == 1.15)
        #expect(Stat.roundHalfUp(0.7845, digits: 3) == 0.785)
    }

    @Test func imputation() throws {
        let fw = try FrameworkParser.parse(
            yaml: BadInputTests.header + """
                  - code: R
                    children:
                      - {code: A, indicator: {direction: 1}}
                      - {code: B, indicator: {direction: 1}}
                """)
        var d = Dataset()
        let rows: [(String, String, Double, Double, String)] = [
            ("x", "2021", 1, 10, "g1"), ("y", "2021", 3, 20, "g1"), ("z", "2021", 8, .nan, "g2"),
            ("w", "2021", 4, 40, "g2"),
            ("x", "2023", 2, 30, "g1"), ("z", "2023", 6, 50, "g2"), ("y", "2023", 5, 60, "g1"),
            ("w", "2023", 4, 30, "g2"),
        ]
        for (u, p, a, b, g) in rows {
            d.set(unit: u, period: p, variable: "A", value: a)
            d.set(unit: u, period: p, variable: "B", value: b)
            d.groups["grp", default: [:]][u] = g
        }
        d.set(unit: "y", period: "2022", variable: "A", value: 4)
        let t = d.table(period: "2021", variables: ["A", "B"])
        func run(_ m: ImputeMethod, period: String = "2021") throws -> Double {
            let tt = d.table(period: period, variables: ["A", "B"])
            return try Imputer.impute(
                tt, spec: .init(method: m, group: "grp"), data: d, period: period, framework: fw
            )
            .value(unit: "z", column: "B")!
        }
        #expect(t.value(unit: "z", column: "B") == nil)
        #expect(try run(.mean) == 70.0 / 3)
        #expect(try run(.median) == 20)
        #expect(try run(.groupMean) == 40)
        #expect(try run(.groupMedian) == 40)
        // z is at the top of A's range (1…8) → B at the top of its range (10…40).
        #expect(try run(.rowMean) == 40)
        var dp = d
        dp.set(unit: "z", period: "2022", variable: "B", value: .nan)
        dp.set(unit: "z", period: "2022", variable: "A", value: 7)
        dp.set(unit: "z", period: "2020", variable: "B", value: 8)
        func panel(_ m: ImputeMethod) throws -> Double {
            let tt = dp.table(period: "2022", variables: ["A", "B"])
            return try Imputer.impute(tt, spec: .init(method: m), data: dp, period: "2022", framework: fw)
                .value(unit: "z", column: "B")!
        }
        // 2021 is missing for z, so latest earlier is 2020 (8); linear between 2020 (8) and 2023 (50).
        #expect(try panel(.panelLatest) == 8)
        #expect(try panel(.panelLinear) == 8 + (50 - 8) * 2 / 3)
    }
}
