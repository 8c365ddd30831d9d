import Foundation
import GSLCore
import GSLDemoYear
import GSLReports
import GSLStore
import GSLTestSupport
import Testing

/// The generated year and the annual report over it: the figures meet the plan, are traceable,
/// compare across years, and render in a browser.
@Suite struct AnnualReportTests {
    static func store() throws -> Store { try YearFixture.twoYears.get() }

    static func figures(_ year: Int, compare: Int? = nil) throws -> [String: ReportFigure] {
        let report = try AnnualReportService(store: store()).annual(year: year, compare: compare)
        return Dictionary(uniqueKeysWithValues: report.figures.map { ($0.definition.id, $0) })
    }

    @Test func figuresMeetThePlan() throws {
        let plan = try YearFixture.plan().scaled(YearFixture.scale)
        let f = try Self.figures(2023)
        func int(_ id: String) -> Int64? {
            if case .integer(let n) = f[id]?.value { return n }
            return nil
        }
        #expect(int("events.trainings-h1") == Int64(plan.events.trainingsH1))
        #expect(int("events.training-attendance-h1") == Int64(plan.events.trainingAttendancesH1))
        #expect(int("events.report-sessions") == Int64(plan.events.reportSessions))
        #expect(int("events.exhibition-agreements") == Int64(plan.events.exhibitionAgreements))
        #expect(int("events.exhibition-amount") == (try Money.parse(plan.events.exhibitionAmount)).fen)
        #expect(int("match.project-deals") == Int64(plan.matching.projectDeals))
        #expect(int("match.project-amount") == (try Money.parse(plan.matching.projectAmount)).fen)
        #expect(int("match.credit-amount") == (try Money.parse(plan.matching.creditAmount)).fen)
        #expect(int("match.talents-high") == Int64(plan.matching.talentsHigh))
        #expect(int("cases.received") == Int64(plan.requests.received))
        #expect(int("visits.firms") == Int64(plan.visits.firms))
        #expect(int("pair.workshops")! >= Int64(plan.pairing.workshops))
        #expect(int("chambers.direct") == Int64(plan.chambers.direct))
        #expect(int("index.units") == 10)
        // Solved requests closed in the year: all planned ones opened early enough to close.
        #expect(int("cases.solved")! > 0 && int("cases.solved")! <= Int64(plan.requests.solved))
        if case .real(let share) = f["cases.on-time"]?.value {
            #expect(share > 0.5 && share <= 1)
        } else {
            Issue.record("cases.on-time has no value")
        }
    }

    @Test func explainListsTheRecordsBehindACount() throws {
        let service = AnnualReportService(store: try Self.store())
        for id in [
            "cases.solved", "events.exhibition-agreements", "match.project-deals", "visits.firms",
            "pair.firms",
        ] {
            let e = try service.explain(id, year: 2023, limit: 3)
            guard case .integer(let n) = e.value else {
                Issue.record("\(id): no integer value")
                continue
            }
            #expect(Int64(e.recordCount) == n, "\(id)")
            #expect(e.rows.count == min(3, e.recordCount))
            #expect(e.definition.valueSQL.contains(":from"))
        }
        let sum = try service.explain("match.credit-amount", year: 2023, limit: 100_000)
        let column = sum.columns.firstIndex(of: "deal_amount_fen")!
        let total = sum.rows.compactMap { $0[column].flatMap { Int64($0) } }.reduce(0, +)
        #expect(.integer(total) == sum.value)
    }

    @Test func unknownFigureSuggestsTheNearest() {
        #expect(throws: GSLError.self) { try AnnualReportService.figure("cases.solvd") }
        do {
            _ = try AnnualReportService.figure("cases.solvd")
        } catch {
            #expect(error.cause == .reportFigureUnknown)
            #expect(error.message.zh.contains("cases.solved"))
        }
    }

    @Test func yearOverYear() throws {
        let f = try Self.figures(2023, compare: 2022)
        let visits = try #require(f["visits.firms"])
        #expect(visits.previous != nil)
        #expect(visits.change == (visits.value.double ?? 0) - (visits.previous?.double ?? 0))
        // The second year reused the first year's member enterprises and chambers.
        if case .integer(let direct) = f["chambers.direct"]?.value {
            #expect(direct == Int64(try YearFixture.plan().scaled(YearFixture.scale).chambers.direct))
        }
        let md = AnnualReportText.markdown(
            try AnnualReportService(store: try Self.store()).annual(year: 2023, compare: 2022), lang: .zh)
        #expect(md.contains("| 指标 | 2023 | 2022 | 变化 | 编号 |"))
    }

    @Test func sameSeedSameContent() throws {
        let a = try YearFixture.generated(years: [2023], seed: 5)
        let b = try YearFixture.generated(years: [2023], seed: 5)
        let c = try YearFixture.generated(years: [2023], seed: 6)
        let ha = try YearFixture.contentHashes(a)
        #expect(ha == (try YearFixture.contentHashes(b)))
        #expect(ha["audit_log"] != nil && ha["match_proposals"] != nil)
        #expect(ha != (try YearFixture.contentHashes(c)))
        let check = try AuditService(store: a).verify(anchorFile: nil, publicKey: nil)
        #expect(check.chainProblems.isEmpty && check.entries > 1000)
    }

    @Test func aFailedGenerationLeavesNoTrace() throws {
        let store = try YearFixture.emptyStore()
        let before = try YearFixture.counts(store)
        #expect(throws: GSLError.self) {
            _ = try YearGenerator(store: store).generate(
                .init(
                    year: 2023, seed: 1, scale: YearFixture.scale, plan: try YearFixture.plan(),
                    frameworkPath: "/nonexistent/framework.yaml", actor: "测试"))
        }
        #expect(try YearFixture.counts(store) == before)
    }

    @Test func planIsStrict() throws {
        let text = try String(
            contentsOfFile: Fixtures.datasets.appendingPathComponent("demo/ningbo-year.yaml").path,
            encoding: .utf8)
        #expect(throws: GSLError.self) {
            try YearPlan.parse(
                yaml: text.replacingOccurrences(of: "enterprises: 10000", with: "enterprizes: 10000"),
                file: "p.yaml")
        }
        do {
            _ = try YearPlan.parse(
                yaml: text.replacingOccurrences(of: "solved: 1530", with: "solved: 9530"), file: "p.yaml")
            Issue.record("an impossible plan was accepted")
        } catch {
            #expect(error.cause == .demoPlanInvalid)
        }
    }

    @Test(
        .enabled(
            if: BrowserLayout.chromium != nil,
            "chromium is not installed (apt-get install chromium fonts-wqy-zenhei): annual report layout not checked"
        ),
        arguments: [Lang.zh, Lang.en])
    func htmlChartsAreDrawnAndFit(lang: Lang) throws {
        let report = try AnnualReportService(store: try Self.store()).annual(year: 2023, compare: 2022)
        let html = AnnualReportHTML.html(report, lang: lang)
        // Self-contained: nothing fetched (the only URL is the SVG namespace), no script.
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("https://"))
        #expect(!html.contains("<script"))
        let m = try BrowserLayout.measure(html)
        #expect(m.problems.isEmpty, "\(m.problems.joined(separator: "\n"))")
        for chart in AnnualReportService.charts {
            #expect((m.bars[chart.id] ?? 0) > 0, "\(chart.id) drew no bars")
        }
        #expect(m.texts > 40)
        let size = try #require(try BrowserLayout.printedPageSize(html))
        // A4 is 595 × 842 points.
        #expect(abs(size.width - 595) < 3 && abs(size.height - 842) < 3, "\(size)")
    }
}
