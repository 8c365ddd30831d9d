import Foundation
import GSLCore
import GSLTestSupport
import Testing

@testable import GSLIndexScoring

/// Issue 20: explain with missing values, strengths vs weaknesses, uncertainty inputs, what-if values,
/// verify scope and aggregation error messages.
@Suite struct AnalysisCorrectnessTests {
    static let spec = PipelineSpec(period: "2023", normalise: .init(method: .efficacy, truncate: true))

    /// Ningbo v2 data with 330203's gs_visits for 2023 missing.
    static func withMissing() throws -> (Framework, Dataset) {
        let (_, v2) = try NingboTests.frameworks()
        var data = SyntheticData.ningbo(framework: v2)
        data.set(unit: "330203", period: "2023", variable: "gs_visits", value: .nan)
        return (v2, data)
    }

    @Test func explainRenormalisesWeightsOverPresentChildren() throws {
        let (v2, data) = try Self.withMissing()
        let r = try Pipeline.run(framework: v2, data: data, spec: Self.spec)
        let e = try Explanation(result: r, framework: v2, unit: "330203", node: "GS")
        #expect(e.items.count == 3)
        #expect(e.missing == ["gs_visits"])
        #expect(abs(e.items.reduce(0) { $0 + $1.weight } - 1) < 1e-12)
        #expect(abs(e.items.reduce(0) { $0 + $1.contribution } - e.score) < 1e-9)
        // Up the tree too: every unit's contributions add up to its index score.
        for unit in data.units {
            let root = try Explanation(result: r, framework: v2, unit: unit)
            #expect(abs(root.items.reduce(0) { $0 + $1.contribution } - root.score) < 1e-9, "\(unit)")
        }
    }

    @Test func strengthsAndWeaknessesNeverOverlap() throws {
        let (v2, data) = try Self.withMissing()
        let r = try Pipeline.run(framework: v2, data: data, spec: Self.spec)
        var checked = 0
        for node in v2.aggregateCodes {
            for unit in data.units {
                let e = try Explanation(result: r, framework: v2, unit: unit, node: node)
                #expect(Set(e.strengths).isDisjoint(with: e.weaknesses), "\(unit) \(node)")
                let k = min(3, e.items.count / 2)
                #expect(e.strengths.count <= k && e.weaknesses.count <= k)
                let ranks = Dictionary(uniqueKeysWithValues: e.items.map { ($0.indicator, $0.rank) })
                for s in e.strengths { for w in e.weaknesses { #expect(ranks[s]! < ranks[w]!) } }
                checked += 1
            }
        }
        #expect(checked > 50)
        // Small nodes and ties, by hand.
        func item(_ code: String, _ rank: Int) -> Explanation.Item {
            .init(indicator: code, value: 0, weight: 0, contribution: 0, rank: rank)
        }
        let one = Explanation.strengthsAndWeaknesses([item("a", 1)], count: 3)
        #expect(one.0.isEmpty && one.1.isEmpty)
        let allTied = Explanation.strengthsAndWeaknesses(
            [item("a", 4), item("b", 4), item("c", 4)], count: 3)
        #expect(allTied.0.isEmpty && allTied.1.isEmpty)
        let five = Explanation.strengthsAndWeaknesses(
            [item("a", 1), item("b", 2), item("c", 5), item("d", 9), item("e", 10)], count: 3)
        #expect(five.0 == ["a", "b"] && five.1 == ["e", "d"])
        let boundary = Explanation.strengthsAndWeaknesses(
            [item("a", 1), item("b", 6), item("c", 6), item("d", 10)], count: 3)
        #expect(boundary.0 == ["a"] && boundary.1 == ["d"])
    }

    @Test func weightNoiseMustBeAFiniteShareBelowOne() throws {
        let (v2, data) = try Self.withMissing()
        for noise in [Double.nan, .infinity, -0.1, 1, 2] {
            let u = UncertaintySpec(runs: 10, seed: 1, weightNoise: noise)
            #expect(throws: GSLError.self, "\(noise)") {
                try UncertaintyAnalysis.run(framework: v2, data: data, spec: Self.spec, uncertainty: u)
            }
            #expect(throws: GSLError.self, "\(noise)") {
                try SensitivityAnalysis.run(framework: v2, data: data, spec: Self.spec, uncertainty: u)
            }
            do {
                try u.validate()
            } catch {
                #expect(error.kind == .usage)
            }
        }
        _ = try UncertaintyAnalysis.run(
            framework: v2, data: data, spec: Self.spec, uncertainty: .init(runs: 10, weightNoise: 0.99))
    }

    @Test func whatIfRefusesNonFiniteValues() throws {
        let (v2, data) = try Self.withMissing()
        for v in [Double.infinity, -.infinity, .nan] {
            do {
                _ = try WhatIf(
                    framework: v2, data: data, spec: Self.spec, unit: "330212", values: ["gs_channel": v])
                Issue.record("\(v) accepted")
            } catch {
                #expect(error.kind == .data)
            }
        }
    }

    @Test func dataHashCoversOnlyWhatTheRunReads() throws {
        let (_, v2) = try NingboTests.frameworks()
        let data = SyntheticData.ningbo(framework: v2)
        var spec2019 = Self.spec
        spec2019.period = "2019"
        let before = try Pipeline.run(framework: v2, data: data, spec: spec2019)
        var edited = data
        edited.set(unit: "330212", period: "2023", variable: "gs_channel", value: 1)
        let after = try Pipeline.run(framework: v2, data: edited, spec: spec2019)
        #expect(before == after)
        // A value of the run's own period changes it.
        var own = data
        own.set(unit: "330212", period: "2019", variable: "gs_channel", value: 1)
        #expect(try Pipeline.run(framework: v2, data: own, spec: spec2019).dataHash != before.dataHash)
        // A panel imputation reads every period.
        var panel = spec2019
        panel.impute = .init(method: .panelLatest)
        #expect(
            try Pipeline.run(framework: v2, data: data, spec: panel).dataHash
                != Pipeline.run(framework: v2, data: edited, spec: panel).dataHash)
    }

    @Test func geometricErrorNamesNodeChildAndUnit() throws {
        let fw = try FrameworkParser.parse(
            yaml: BadInputTests.header + """
                  - code: CG
                    aggregation: geometric
                    children:
                      - {code: a, indicator: {direction: 1}}
                      - {code: b, indicator: {direction: 1}}
                """)
        var d = Dataset()
        for (u, a, b) in [("330281", -107.77777777777777, 2.0), ("330282", 3, 4), ("330283", 5, 1)] {
            d.set(unit: u, period: "2023", variable: "a", value: a)
            d.set(unit: u, period: "2023", variable: "b", value: b)
        }
        do {
            _ = try Pipeline.run(framework: fw, data: d, spec: PipelineSpec(normalise: nil))
            Issue.record("accepted a negative child")
        } catch {
            #expect(error.kind == .data)
            #expect(error.cause == .aggregationNeedsPositive)
            // The value is shown rounded, never with every binary digit.
            #expect(!error.message.zh.contains("107.77777777777777"))
            #expect(!error.message.en.contains("107.77777777777777"))
            #expect(error.mentions("-107.7778") && error.mentions("CG") && error.mentions("330281"))
        }
    }
}
