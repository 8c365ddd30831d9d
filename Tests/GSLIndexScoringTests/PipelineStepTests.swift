import Foundation
import GSLCore
import GSLIndexScoring
import Testing

/// Steps of `Pipeline.run` on a small hand-checked example.
@Suite struct PipelineStepTests {
    static let framework: Framework = {
        let yaml = """
            id: t
            version: "1"
            denominators:
              - {code: pop}
            nodes:
              - code: R
                children:
                  - code: D1
                    weight: 3
                    children:
                      - {code: a, indicator: {direction: 1, denominator: pop}}
                      - {code: b, indicator: {direction: -1}}
                  - code: D2
                    children:
                      - {code: c, indicator: {direction: 1}}
            """
        return try! FrameworkParser.parse(yaml: yaml)
    }()

    static func data() -> Dataset {
        var d = Dataset()
        let rows: [(String, Double, Double, Double, Double)] = [
            ("u1", 10, 1, 0, 2), ("u2", 20, 2, 5, 4), ("u3", 30, 3, .nan, 0), ("u4", .nan, 4, 7, 10),
        ]
        for (u, a, b, c, pop) in rows {
            d.set(unit: u, period: "2024", variable: "a", value: a)
            d.set(unit: u, period: "2024", variable: "b", value: b)
            d.set(unit: u, period: "2024", variable: "c", value: c)
            d.set(unit: u, period: "2024", variable: "pop", value: pop)
        }
        return d
    }

    @Test func denominateScreenThenAggregate() throws {
        // a has no spread among the units kept, so it is scored as a fraction of its maximum.
        let spec = PipelineSpec(
            denominate: true, screen: .init(minAvailability: 0.6),
            normalise: .init(byIndicator: ["a": .fractionOfMax]))
        let r = try Pipeline.run(framework: Self.framework, data: Self.data(), spec: spec)
        // a/pop: 5, 5, missing (pop 0), missing.
        #expect(r.denominated?.column("a").map { $0.map { $0.isNaN ? -1 : $0 } } == [5, 5, -1, -1])
        // Availability after denominating: u1 1, u2 1, u3 1/3, u4 2/3 → u3 is dropped.
        #expect(r.screening.map(\.included) == [true, true, false, true])
        #expect(abs(r.screening[2].availability - 1.0 / 3) < 1e-15)
        #expect(r.aggregated.units == ["u1", "u2", "u4"])
        // b is "less is better" over 1, 2, 4: u1 scores 100, u2 200/3, u4 0.
        #expect(r.score(unit: "u1", node: "b") == 100 && r.score(unit: "u4", node: "b") == 0)
        #expect(abs(r.score(unit: "u2", node: "b")! - 200.0 / 3) < 1e-12)
        #expect(r.score(unit: "u1", node: "a") == 1 && r.score(unit: "u4", node: "a") == nil)
        // u4: D1 from b alone (missing a skipped) = 0; D2 = c = 100 (7 is the maximum); R = (3·0 + 100)/4.
        #expect(r.score(unit: "u4", node: "D1") == 0 && r.score(unit: "u4", node: "R") == 25)
        #expect(r.rank(unit: "u4", node: "R") == 3 && r.rank(unit: "u4", node: "D2") == 1)
    }

    @Test func zeroSpreadAfterScreeningIsAnError() {
        let spec = PipelineSpec(denominate: true, screen: .init(minAvailability: 0.6))
        var d = Self.data()
        d.set(unit: "u2", period: "2024", variable: "a", value: 20)
        #expect {
            try Pipeline.run(framework: Self.framework, data: d, spec: spec)
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .zeroVariance && g.location?.field == "a"
        }
    }

    @Test func renormalisedWeightsAndThreshold() throws {
        var d = Self.data()
        // a/pop becomes 10 (u1) and 5 (u2); u3 (pop 0) and u4 (no a) stay missing.
        d.set(unit: "u1", period: "2024", variable: "pop", value: 1)
        d.set(unit: "u2", period: "2024", variable: "pop", value: 4)
        d.set(unit: "u4", period: "2024", variable: "b", value: .nan)
        let spec = PipelineSpec(denominate: true, normalise: .init(method: .minMax))
        let r = try Pipeline.run(framework: Self.framework, data: d, spec: spec)
        // u4 has only c under R's branch D2 and nothing under D1 → R = D2 score (renormalised).
        #expect(r.score(unit: "u4", node: "D1") == nil)
        #expect(r.score(unit: "u4", node: "R") == r.score(unit: "u4", node: "D2"))
        // u1: a = 100, b = 100 → D1 = 100; c = 0 → D2 = 0; R = (3·100 + 1·0)/4.
        #expect(r.score(unit: "u1", node: "R") == 75)
        #expect(r.effectiveWeights["a"] == 0.375 && r.effectiveWeights["c"] == 0.25)
        let strict = try Pipeline.run(
            framework: Self.framework, data: d,
            spec: PipelineSpec(denominate: true, aggregate: .init(minAvailability: 1)))
        #expect(strict.score(unit: "u4", node: "R") == nil)
        #expect(strict.rank(unit: "u1", node: "R") != nil)
    }

    @Test func boxCoxFallback() {
        let x: [Double] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 1000, 2000, 5000]
        let (out, rec) = Treater.treat(
            x, code: "v", units: x.indices.map { "u\($0)" },
            spec: .init(winmax: 1, fallback: .boxCox, lambda: 0.5))
        #expect(rec.fallback == "boxCox")
        #expect(out[0] == 0)  // (1 − 1 + 1)^0.5 − 1) / 0.5
        #expect(abs(out.last! - ((5000.0).squareRoot() - 1) / 0.5) < 1e-12)
    }

    @Test func nonZeroScreening() {
        let t = Table(units: ["x", "y"], columns: ["a", "b"], values: [[0, 1], [0, 2]])
        let recs = Screener.screen(t, spec: .init(minAvailability: 0, minNonZero: 0.5))
        #expect(recs.map(\.included) == [false, true])
        #expect(recs[0].zeros == 2 && recs[0].nonZero == 0)
    }
}
