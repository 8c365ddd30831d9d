import Foundation
import GSLCore
import GSLIndexScoring
import Testing

/// Index engine defects of issue 11 item 2, each pinned by a test that failed before its fix.
@Suite struct EngineFixTests {
    @Test func copelandExactTieIsATie() throws {
        // Six equal weights: A wins on two children, B on two, two are tied → a tie (0, 0), whatever
        // order the weights are summed in.
        let a: [Double] = [2, 2, 1, 1, 1, 1], b: [Double] = [1, 1, 2, 1, 1, 2]
        let cols = zip(a, b).map { [$0, $1] }
        let w = [Double](repeating: 1.0 / 6, count: 6)
        #expect(try Aggregator.aggregate(cols, weights: w, method: .copeland) == [0, 0])
        let w10 = [Double](repeating: 0.1, count: 6)
        #expect(try Aggregator.aggregate(cols, weights: w10, method: .copeland) == [0, 0])
        // Through the pipeline with the framework's equal weights (renormalised to 1/6).
        let leaves = (1...6).map { "  - {code: i\($0), parent: R, indicator: {direction: 1}}" }
        let fw = try FrameworkParser.parse(
            yaml: (["id: c", "version: \"1\"", "nodes:", "  - {code: R}"] + leaves).joined(separator: "\n"))
        var d = Dataset()
        for (j, (x, y)) in zip(a, b).enumerated() {
            d.set(unit: "A", period: "1", variable: "i\(j + 1)", value: x)
            d.set(unit: "B", period: "1", variable: "i\(j + 1)", value: y)
        }
        let r = try Pipeline.run(
            framework: fw, data: d, spec: PipelineSpec(normalise: nil, aggregate: .init(method: .copeland)))
        #expect(r.score(unit: "A", node: "R") == 0 && r.score(unit: "B", node: "R") == 0)
        // A real difference still decides.
        let uneven = try Aggregator.aggregate(
            cols, weights: [0.2, 0.2, 0.15, 0.15, 0.15, 0.15], method: .copeland)
        #expect(uneven == [1, -1])
    }

    static let mixed = try! FrameworkParser.parse(
        yaml: """
            id: m
            version: "1"
            nodes:
              - code: P
                children:
                  - {code: a, indicator: {direction: 1, target: 3}}
                  - {code: b, indicator: {direction: -1}}
            """)

    @Test func rowMeanAppliesDirectionBeforeScaling() throws {
        var d = Dataset()
        for (u, a, b) in [("u1", 0.0, 10.0), ("u2", 10, 0), ("u3", 10, .nan)] {
            d.set(unit: u, period: "1", variable: "a", value: a)
            d.set(unit: u, period: "1", variable: "b", value: b)
        }
        let r = try Pipeline.run(
            framework: Self.mixed, data: d, spec: PipelineSpec(impute: .init(method: .rowMean)))
        // u3 is best on a, so b is imputed at its best ("less is better": 0) and u3 scores 100.
        #expect(r.imputed?.value(unit: "u3", column: "b") == 0)
        #expect(r.score(unit: "u3", node: "b") == 100)
        #expect(r.score(unit: "u3", node: "P") == 100)
    }

    @Test func distanceToTargetRunsUncappedWhenAsked() throws {
        var d = Dataset()
        for (u, a, b) in [("u1", 1.0, 1.0), ("u2", 2, 2), ("u3", 4, 3)] {
            d.set(unit: u, period: "1", variable: "a", value: a)
            d.set(unit: u, period: "1", variable: "b", value: b)
        }
        let capped = try Pipeline.run(
            framework: Self.mixed, data: d,
            spec: PipelineSpec.fromYAML("normalise: {method: distanceToTarget, byIndicator: {b: minMax}}"))
        #expect(capped.normalised?.column("a") == [0, 0.5, 1])
        let uncapped = try Pipeline.run(
            framework: Self.mixed, data: d,
            spec: PipelineSpec.fromYAML(
                "normalise: {method: distanceToTarget, truncate: false, byIndicator: {b: minMax}}"))
        // (x − min)/(target − min) with min 1, target 3: u3 (4) is 1.5, beyond the target.
        #expect(uncapped.normalised?.column("a") == [0, 0.5, 1.5])
    }

    @Test func normaliseNullAggregatesValuesWithDirectionApplied() throws {
        var d = Dataset()
        for (u, a, b) in [("u1", 1.0, 5.0), ("u2", 2, 7)] {
            d.set(unit: u, period: "1", variable: "a", value: a)
            d.set(unit: u, period: "1", variable: "b", value: b)
        }
        let spec = try PipelineSpec.fromYAML("normalise: null")
        #expect(spec.normalise == nil)
        let r = try Pipeline.run(framework: Self.mixed, data: d, spec: spec)
        // Documented: without normalisation a "less is better" indicator enters as −x.
        #expect(r.normalised == nil)
        #expect(r.aggregated.column("b") == [-5, -7])
        #expect(r.score(unit: "u1", node: "P") == (1 - 5) / 2.0)
    }

    @Test func everyStageIsAvailable() throws {
        var d = Dataset()
        for (u, a, b) in [("u1", 0.0, 10.0), ("u2", 10, 0), ("u3", 10, .nan)] {
            d.set(unit: u, period: "1", variable: "a", value: a)
            d.set(unit: u, period: "1", variable: "b", value: b)
        }
        let r = try Pipeline.run(
            framework: Self.mixed, data: d,
            spec: PipelineSpec(impute: .init(method: .rowMean), treat: .init()))
        #expect(r.table(.raw) == r.raw && r.table(.imputed) == r.imputed && r.table(.treated) != nil)
        #expect(r.table(.denominated) == nil && r.table(.screened) == nil)
        #expect(r.table(.aggregated)?.columns == ["P", "a", "b"])
    }
}
