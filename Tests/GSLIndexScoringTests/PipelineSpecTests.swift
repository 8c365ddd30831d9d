import Foundation
import GSLCore
import GSLIndexScoring
import GSLTestSupport
import Testing

@Suite struct PipelineSpecTests {
    static let full = PipelineSpec(
        period: "2023", denominate: true,
        screen: .init(minAvailability: 0.8, minNonZero: 0.5, afterImpute: true),
        impute: .init(method: .groupMedian, group: "kind"),
        treat: .init(winmax: 3, fallback: .boxCox, lambda: 0.5, exclude: ["a"]),
        normalise: .init(method: .efficacy, truncate: false, byIndicator: ["b": .zScore]),
        weights: .init(
            method: .ahp, byLevel: ["2": .entropy], given: ["x": 2], ahp: ["R": [[1, 3], [1.0 / 3, 1]]],
            force: true),
        aggregate: .init(
            method: .generalised, byLevel: ["3": .geometric], byNode: ["D": .topsis], power: 0.5,
            minAvailability: 0.6))

    @Test func yamlRoundTrip() throws {
        let text = try Self.full.yaml()
        #expect(text.contains("method: efficacy"))
        let back = try PipelineSpec.fromYAML(text)
        #expect(back == Self.full, "\(text)")
    }

    @Test func jsonRoundTripAndHash() throws {
        let text = try Self.full.json()
        #expect(try PipelineSpec.fromJSON(text) == Self.full)
        #expect(Self.full.contentHash == (try PipelineSpec.fromJSON(text)).contentHash)
        #expect(Self.full.contentHash != PipelineSpec().contentHash)
    }

    @Test func minimalYAMLNeedsOnlyWhatChanges() throws {
        let s = try PipelineSpec.fromYAML(
            """
            aggregate: {method: geometric}
            treat: {}
            weights: {method: ahp, ahp: {R: [[1, 2], [0.5, 1]]}}
            """)
        #expect(s.aggregate.method == .geometric && s.aggregate.power == 1 && s.impute == nil)
        #expect(s.treat == PipelineSpec.Treat())
        #expect(s.normalise == PipelineSpec.Normalise())
        #expect(s.weights?.ahp["R"] == [[1, 2], [0.5, 1]] && s.weights?.force == false)
        let none = try PipelineSpec.fromYAML("normalise: null\ndenominate: true")
        #expect(none.normalise == nil && none.denominate)
        #expect(try PipelineSpec.fromYAML("{}") == PipelineSpec())
    }

    @Test func badSpecIsADataError() {
        #expect {
            try PipelineSpec.fromYAML("aggregate: {method: median}")
        } throws: { e in
            let g = e as! GSLError
            return g.kind == .data && g.location?.line == 1 && g.location?.field == "$.aggregate.method"
                && g.cause == .configInvalidValue && g.mentions("median")
        }
    }
}
