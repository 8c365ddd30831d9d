import Foundation
import GSLCore
import GSLIndexScoring
import GSLTestSupport
import Testing

/// Every bad input listed in issue 4 item 11 gets a clear error naming where it is.
@Suite struct BadInputTests {
    static let header = """
        id: t
        version: "1"
        nodes:

        """

    static func parseError(_ body: String) -> GSLError? {
        do { _ = try FrameworkParser.parse(yaml: header + body, file: "t.yaml"); return nil } catch {
            return error
        }
    }

    @Test func cycle() throws {
        let e = try #require(
            Self.parseError(
                """
                  - {code: R}
                  - {code: A, parent: B, indicator: {direction: 1}}
                  - {code: B, parent: A}
                """))
        #expect(e.kind == .data)
        #expect(e.cause == .frameworkInvalid)
        #expect(e.mentions("A → B → A"))
        #expect(e.location?.file == "t.yaml")
        #expect(e.location?.line == 5)
    }

    @Test func missingParent() throws {
        let e = try #require(
            Self.parseError(
                """
                  - code: R
                    children:
                      - {code: A, indicator: {direction: 1}}
                  - {code: B, parent: X, indicator: {direction: 1}}
                """))
        #expect(e.cause == .frameworkInvalid)
        #expect(e.location == SourceLocation(file: "t.yaml", line: 7, field: "B"))
        #expect(e.mentions("X"))
        #expect(e.rendered(.en).hasPrefix("t.yaml:7 [B]: "))
    }

    @Test func duplicateCode() throws {
        let e = try #require(
            Self.parseError(
                """
                  - code: R
                    children:
                      - {code: A, indicator: {direction: 1}}
                      - {code: A, indicator: {direction: -1}}
                """))
        #expect(e.cause == .frameworkInvalid)
        #expect(e.location?.line == 7 && e.location?.field == "A")
        // The message names the line of the first node with that code.
        #expect(e.mentions("6"))
    }

    @Test func negativeWeight() throws {
        let e = try #require(
            Self.parseError(
                """
                  - code: R
                    children:
                      - {code: A, weight: -1, indicator: {direction: 1}}
                      - {code: B, indicator: {direction: 1}}
                """))
        #expect(e.cause == .frameworkInvalid)
        #expect(e.location?.field == "A" && e.mentions("-1"))
        #expect(e.location?.line == 6)
    }

    @Test func allZeroWeights() throws {
        let e = try #require(
            Self.parseError(
                """
                  - code: R
                    children:
                      - {code: A, weight: 0, indicator: {direction: 1}}
                      - {code: B, weight: 0, indicator: {direction: 1}}
                """))
        #expect(e.cause == .frameworkInvalid)
        #expect(e.location?.line == 4 && e.location?.field == "R")
    }

    @Test func nonReciprocalAHP() {
        #expect {
            try AHP(matrix: [[1, 3, 5], [1.0 / 3, 1, 2], [1.0 / 5, 1.0 / 3, 1]], group: "near")
        } throws: { e in
            let g = e as! GSLError
            // The message names the pair of entries that do not match.
            return g.cause == .ahpMatrixInvalid && g.location?.field == "near" && g.mentions("near[2,3]")
                && g.mentions("[3,2]")
        }
    }

    @Test func inconsistentAHPUnlessForced() throws {
        // a > b, b > c but c ≫ a: CR well above 0.1.
        let m: [[Double]] = [[1, 5, 1.0 / 7], [1.0 / 5, 1, 5], [7, 1.0 / 5, 1]]
        let error = #expect(throws: GSLError.self) { try AHP(matrix: m, group: "G") }
        #expect(error?.cause == .ahpInconsistent)
        // The engine names the group, not a CLI flag: the CLI adds "use --force" at its edge.
        #expect(error?.location?.field == "G")
        #expect(error?.message.en.contains("--force") == false)
        let forced = try AHP(matrix: m, group: "G", force: true)
        #expect(forced.consistencyRatio >= 0.1)
        #expect(abs(forced.weights.reduce(0, +) - 1) < 1e-12)
    }

    static func tinyFramework() throws -> Framework {
        try FrameworkParser.parse(
            yaml: header + """
                  - code: R
                    children:
                      - {code: A, indicator: {direction: 1}}
                      - {code: B, indicator: {direction: 1}}
                """)
    }

    @Test func zeroVarianceUnderMinMax() throws {
        let fw = try Self.tinyFramework()
        var d = Dataset()
        for (u, a, b) in [("x", 1.0, 5.0), ("y", 2.0, 5.0), ("z", 3.0, 5.0)] {
            d.set(unit: u, period: "1", variable: "A", value: a)
            d.set(unit: u, period: "1", variable: "B", value: b)
        }
        #expect {
            try Pipeline.run(framework: fw, data: d, spec: PipelineSpec())
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .zeroVariance && g.location?.field == "B"
        }
    }

    @Test func allMissingIndicator() throws {
        let fw = try Self.tinyFramework()
        var d = Dataset()
        for (u, a) in [("x", 1.0), ("y", 2.0)] {
            d.set(unit: u, period: "1", variable: "A", value: a)
            d.set(unit: u, period: "1", variable: "B", value: .nan)
        }
        #expect {
            try Pipeline.run(framework: fw, data: d, spec: PipelineSpec())
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .indicatorHasNoValues && g.location?.field == "B"
        }
    }

    @Test func nonPositiveUnderGeometric() throws {
        let fw = try Self.tinyFramework()
        var d = Dataset()
        for (u, a, b) in [("x", 1.0, 5.0), ("y", -2.0, 6.0)] {
            d.set(unit: u, period: "1", variable: "A", value: a)
            d.set(unit: u, period: "1", variable: "B", value: b)
        }
        let spec = PipelineSpec(normalise: nil, aggregate: .init(method: .geometric))
        #expect {
            try Pipeline.run(framework: fw, data: d, spec: spec)
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .aggregationNeedsPositive && g.location?.field == "A" && g.mentions("-2")
        }
    }

    @Test func unknownIndicatorInLongData() throws {
        let fw = try Self.tinyFramework()
        #expect {
            try DataImport.long(
                header: ["unit", "period", "indicator", "value"],
                rows: [["x", "1", "A", "1"], ["x", "1", "C", "2"]], framework: fw)
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .unknownIndicator && g.mentions("C") && g.location?.line == 3
                && g.location?.column == 3
        }
    }

    @Test func unknownIndicatorColumnInWideData() throws {
        let fw = try Self.tinyFramework()
        #expect {
            try DataImport.wide(
                header: ["unit", "A", "Z"], rows: [["x", "1", "2"]], framework: fw, unitColumn: "unit")
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .unknownIndicator && g.location?.field == "Z" && g.location?.column == 3
        }
    }

    @Test func unknownUnit() throws {
        let fw = try Self.tinyFramework()
        #expect {
            try DataImport.long(
                header: ["unit", "period", "indicator", "value"],
                rows: [["x", "1", "A", "1"], ["q", "1", "A", "2"]], framework: fw, knownUnits: ["x", "y"])
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .unknownUnit && g.mentions("q") && g.location?.line == 3
        }
    }

    @Test func duplicateRows() throws {
        let fw = try Self.tinyFramework()
        #expect {
            try DataImport.long(
                header: ["unit", "period", "indicator", "value"],
                rows: [["x", "1", "A", ""], ["x", "1", "A", "2"]], framework: fw)
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .importDuplicateRow && g.mentions("x / 1 / A") && g.location?.line == 3
        }
        #expect {
            try DataImport.wide(
                header: ["unit", "A"], rows: [["x", "1"], ["x", "2"]], framework: fw, unitColumn: "unit")
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .importDuplicateRow && g.mentions("x / 0") && g.location?.line == 3
        }
    }

    @Test func textInNumbers() throws {
        let fw = try Self.tinyFramework()
        #expect {
            try DataImport.wide(
                header: ["unit", "A", "B"], rows: [["x", "1", "2"], ["y", "3", "12%"]], framework: fw,
                unitColumn: "unit")
        } throws: { e in
            let g = e as! GSLError
            return g.cause == .textInNumberColumn && g.mentions("12%")
                && g.location == SourceLocation(line: 3, column: 3, field: "B")
        }
    }
}
