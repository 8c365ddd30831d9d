import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLStore
import GSLTestSupport
import Testing

/// `IndexService` on an in-memory store: what the index commands call, checked against the engine
/// run on the same framework and data.
@Suite struct IndexServiceTests {
    static let context = MutationContext(actor: "测试", command: "index test", at: "2025-03-01T02:00:00.000Z")
    static let efficacy = PipelineSpec(normalise: .init(method: .efficacy, truncate: true))

    /// A service over a fresh store holding qinqing@v2 and the seeded Ningbo data (dataset
    /// `ningbo`), with the same framework and data as values for the oracle.
    static func prepared() throws -> (IndexService, Framework, Dataset) {
        let service = IndexService(store: try Store(inMemory: Store.coreMigrations + IndexSchema.migrations))
        let path = Fixtures.datasets.appendingPathComponent("frameworks/qinqing-v2.yaml").path
        let imported = try service.importFrameworks(paths: [path], context: context)
        #expect(imported.map(\.framework.reference) == ["qinqing@v2"] && imported[0].created)
        let generated = try service.generateSyntheticData(
            framework: "qinqing@v2", dataset: "ningbo", seed: 2025, context: context)
        #expect(generated.units == 10 && generated.periods == ["2019", "2020", "2021", "2022", "2023"])
        let framework = try FrameworkParser.parse(yaml: CSVFixture.frameworkText("qinqing-v2.yaml"))
        return (service, framework, SyntheticData.ningbo(framework: framework, seed: 2025))
    }

    @Test func computeReturnsTheStoredRunWithUnitNames() throws {
        let (service, framework, data) = try Self.prepared()
        var spec = Self.efficacy
        spec.period = "2022"
        let view = try service.compute(
            framework: "qinqing@v2", dataset: "ningbo", spec: spec, label: "test", context: Self.context)
        #expect(view.run.id == 1 && view.run.period == "2022" && view.run.dataset == "ningbo")
        #expect(view.run.framework.reference == "qinqing@v2" && view.run.label == "test")
        #expect(view.run.actor == "测试" && view.run.createdAt == Self.context.at)
        #expect(view.unitNames.count == 10)
        #expect(view.unitNames["330203"] == "海曙区" && view.unitNames["330212"] == "鄞州区")
        // The stored scores and ranks are the engine's on the same inputs.
        let oracle = try Pipeline.run(framework: framework, data: data, spec: spec)
        let root = framework.rootCode
        for unit in data.units {
            let score = try #require(view.run.result.score(unit: unit, node: root))
            #expect(score == oracle.score(unit: unit, node: root))
            #expect(score >= 40 && score <= 100)
            #expect(view.run.result.rank(unit: unit, node: root) == oracle.rank(unit: unit, node: root))
        }
        #expect(Set(data.units.compactMap { view.run.result.rank(unit: $0, node: root) }) == Set(1...10))
        // Reading it back gives the same view.
        let shown = try service.run(view.run.id)
        #expect(shown.unitNames == view.unitNames && shown.run.specHash == view.run.specHash)
        let verified = try service.verify(view.run.id)
        #expect(verified.verification.resultIdentical && verified.verification.dataUnchanged)
    }

    @Test func trendReusesMatchingRunsAndComputesTheRest() throws {
        let (service, framework, data) = try Self.prepared()
        var spec = Self.efficacy
        spec.period = "2023"
        let template = try service.compute(
            framework: "qinqing@v2", dataset: "ningbo", spec: spec, label: nil, context: Self.context)
        let units = ["330212", "330225"]
        let trend = try service.trend(
            units: units, basis: .run(template.run.id), dataset: nil, spec: PipelineSpec(),
            context: Self.context)
        #expect(trend.framework == "qinqing@v2" && trend.dataset == "ningbo")
        var general = spec
        general.period = nil
        #expect(trend.specHash == general.contentHash)
        // 2019–2022 had no run with this spec: computed and stored as runs 2–5; 2023 is the template.
        #expect(trend.computed.map(\.period) == ["2019", "2020", "2021", "2022"])
        #expect(trend.computed.map(\.run) == [2, 3, 4, 5])
        #expect(
            trend.rows.map(\.period) == [
                "2019", "2019", "2020", "2020", "2021", "2021", "2022", "2022", "2023", "2023",
            ])
        #expect(trend.rows.map(\.unit) == Array(repeating: units, count: 5).flatMap { $0 })
        #expect(trend.rows.map(\.run) == [2, 2, 3, 3, 4, 4, 5, 5, 1, 1])
        #expect(trend.rows.filter { $0.unit == "330212" }.allSatisfy { $0.name == "鄞州区" })
        // Every row's score and rank are the engine's for that period.
        for row in trend.rows {
            var s = spec
            s.period = row.period
            let oracle = try Pipeline.run(framework: framework, data: data, spec: s)
            #expect(row.score == oracle.score(unit: row.unit, node: framework.rootCode))
            #expect(row.rank == oracle.rank(unit: row.unit, node: framework.rootCode))
        }
        // Again, from the latest run: every period now has its run, nothing is computed.
        let again = try service.trend(
            units: units, basis: .latestRun, dataset: "ningbo", spec: PipelineSpec(), context: Self.context)
        #expect(again.computed.isEmpty)
        #expect(
            again.rows.map(\.run) == trend.rows.map(\.run)
                && again.rows.map(\.score) == trend.rows.map(\.score))
        #expect(try service.runs(framework: "qinqing").count == 5)
    }

    @Test func trendRefusesWhatItCannotUse() throws {
        let (service, _, _) = try Self.prepared()
        // No run yet to copy.
        let noRuns = #expect(throws: GSLError.self) {
            try service.trend(
                units: ["330212"], basis: .latestRun, dataset: nil, spec: PipelineSpec(),
                context: Self.context)
        }
        #expect(noRuns?.kind == .notFound && noRuns?.cause == .trendNeedsFramework)
        let run = try service.compute(
            framework: "qinqing@v2", dataset: "ningbo", spec: Self.efficacy, label: nil, context: Self.context
        )
        // A copied run's spec with pipeline choices on top, or another dataset.
        let withSpec = #expect(throws: GSLError.self) {
            try service.trend(
                units: ["330212"], basis: .run(run.run.id), dataset: nil, spec: Self.efficacy,
                context: Self.context)
        }
        #expect(withSpec?.kind == .usage)
        let otherDataset = #expect(throws: GSLError.self) {
            try service.trend(
                units: ["330212"], basis: .run(run.run.id), dataset: "other", spec: PipelineSpec(),
                context: Self.context)
        }
        #expect(otherDataset?.kind == .usage)
        // A unit the dataset does not have: refused before anything is computed.
        let unknown = #expect(throws: GSLError.self) {
            try service.trend(
                units: ["330299"], basis: .framework("qinqing@v2"), dataset: "ningbo", spec: Self.efficacy,
                context: Self.context)
        }
        #expect(unknown?.kind == .notFound)
        #expect(try service.runs(framework: nil).count == 1)
    }

    @Test func uncertaintyIsStoredOnTheRunAndUsedByTheAssessment() throws {
        let (service, _, _) = try Self.prepared()
        let run = try service.compute(
            framework: "qinqing@v2", dataset: "ningbo", spec: Self.efficacy, label: nil, context: Self.context
        )
        #expect(try service.assess(run: run.run.id).run.uncertainty == nil)
        let analysis = try service.uncertainty(
            ofRun: run.run.id, UncertaintySpec(runs: 50, seed: 3), context: Self.context)
        #expect(analysis.run.id == run.run.id && analysis.value.runs == 50)
        #expect(analysis.unitNames["330203"] == "海曙区")
        let assessed = try service.assess(run: run.run.id)
        #expect(assessed.run.uncertainty == analysis.value)
        #expect(assessed.assessment.rows.count == 10 && assessed.unitNames.count == 10)
        #expect(try service.runs(framework: nil).first?.hasUncertainty == true)
    }
}

@Suite struct RunInputsTests {
    @Test func analysesSayDataChangedOnlyWhenTheRunsInputsChanged() throws {
        let (service, framework, _) = try IndexServiceTests.prepared()
        var spec = IndexServiceTests.efficacy
        spec.period = "2023"
        let run = try service.compute(
            framework: "qinqing@v2", dataset: "ningbo", spec: spec, label: nil,
            context: IndexServiceTests.context)
        let indicator = try #require(framework.indicatorCodes.first)
        // Unchanged data: the run's own (narrow) data hash matches, so no notice.
        let same = try service.whatIf(run: run.run.id, unit: "330203", values: [(indicator, 1)]).dataChanged
        #expect(!same)
        // New values for every period: the notice is due.
        _ = try service.generateSyntheticData(
            framework: "qinqing@v2", dataset: "ningbo", seed: 7, context: IndexServiceTests.context)
        let changed = try service.whatIf(run: run.run.id, unit: "330203", values: [(indicator, 1)])
            .dataChanged
        #expect(changed)
    }
}
