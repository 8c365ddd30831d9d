import Foundation
import GSLCore
import GSLTestSupport
import Testing

@testable import GSLPolicy

/// The estimators against the reference packages on the committed synthetic panels
/// (Tests/Fixtures/policy/*.csv; expected values written by Benchmarks/policy-reference.py with
/// pyfixest, statsmodels, linearmodels and `differences`), to 1e-8.
@Suite struct ReferenceAgreementTests {
    static let directory = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/policy")

    static func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("expected.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// A fixture panel: firm,year,y,cohort,x1,x2 (our own clean CSV); covariates from each firm's row.
    static func panel(_ name: String) throws -> Panel {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        var firms: [String] = [], index: [String: Int] = [:], cohort: [Int?] = [], covariates: [[Double]] = []
        var observations: [(firm: Int, year: Int, value: Double)] = []
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let f: Int
            if let known = index[cells[0]] {
                f = known
            } else {
                f = firms.count
                index[cells[0]] = f
                firms.append(cells[0])
                cohort.append(Int(cells[3]))
                covariates.append([Double(cells[4])!, Double(cells[5])!])
            }
            observations.append((f, Int(cells[1])!, Double(cells[2])!))
        }
        return try Panel(
            firms: firms, observations: observations, cohort: cohort, covariateNames: ["x1", "x2"],
            covariates: covariates)
    }

    func close(_ a: Double, _ b: Any?, _ what: String, tolerance: Double = 1e-8) {
        guard let b = b as? Double else {
            Issue.record("\(what): no expected value")
            return
        }
        #expect(abs(a - b) <= tolerance * max(1, abs(b)), "\(what): \(a) vs \(b)")
    }

    @Test(arguments: ["staggered", "unbalanced"])
    func twfeMatchesPyfixestStatsmodelsAndLinearmodels(_ name: String) throws {
        let panel = try Self.panel("\(name).csv")
        let refs = try Self.expected()["twfe_\(name)"] as! [String: [String: Any]]
        for convention in SmallSample.allCases {
            let fit = try TwoWayFixedEffects.did(panel, convention: convention)
            let c = fit.ols.coefficients[0]
            let ref = refs[convention.rawValue]!
            close(c.estimate, ref["estimate"], "\(name) \(convention) estimate")
            close(c.standardError, ref["se"], "\(name) \(convention) se")
            if convention == .stata {
                // linearmodels PanelOLS, clustered by entity, debiased and group-debiased.
                close(c.standardError, refs["linearmodels"]!["se"], "\(name) linearmodels se")
            }
        }
        #expect(panel.isBalanced == (name == "staggered"))
    }

    @Test func eventStudyMatchesPyfixestAndStatsmodels() throws {
        let panel = try Self.panel("staggered.csv")
        let refs = try Self.expected()["event_staggered"] as! [String: Any]
        for convention in SmallSample.allCases {
            let study = try EventStudy(panel, convention: convention)
            #expect(study.eventTimes == refs["eventTimes"] as! [Int])
            let ref = refs[convention.rawValue] as! [String: Any]
            let b = ref["estimates"] as! [Double], se = ref["se"] as! [Double]
            for (j, c) in study.coefficients.enumerated() {
                close(c.estimate, b[j], "\(convention) \(c.term)")
                close(c.standardError, se[j], "\(convention) \(c.term) se")
            }
            close(study.preTrend!.statistic, ref["wald"], "\(convention) pre-trend Wald", tolerance: 1e-7)
        }
    }

    @Test func twoByTwoMatchesStatsmodels() throws {
        let panel = try Self.panel("single.csv")
        let ref = try Self.expected()["did2x2_single"] as! [String: Any]
        let did = try CanonicalDiD(panel)
        close(did.att.estimate, ref["estimate"], "2×2 att")
        close(did.att.standardError, ref["se"], "2×2 se")
    }

    @Test func logitMatchesStatsmodels() throws {
        let panel = try Self.panel("single.csv")
        let ref = try Self.expected()["logit_single"] as! [String: Any]
        let sample = (0..<panel.firms.count)
        let fit = try Logit(
            y: sample.map { panel.cohort[$0] == nil ? 0 : 1 }, x: sample.map { panel.covariates[$0] },
            names: ["x1", "x2"])
        let params = ref["params"] as! [Double], se = ref["se"] as! [Double]
        for j in 0..<3 {
            close(fit.coefficients[j].estimate, params[j], "logit β\(j)")
            close(fit.coefficients[j].standardError, se[j], "logit se\(j)")
        }
        close(fit.logLikelihood, ref["llf"], "logit log-likelihood")
    }

    @Test(arguments: [CallawaySantAnna.Control.never, .notYet])
    func callawaySantAnnaMatchesDifferences(_ control: CallawaySantAnna.Control) throws {
        let panel = try Self.panel("staggered.csv")
        let key = control == .never ? "cs_never_treated" : "cs_not_yet_treated"
        let ref = try Self.expected()[key] as! [String: Any]
        let cs = try CallawaySantAnna(panel, control: control)
        let cells = ref["cells"] as! [[String: Any]]
        #expect(cs.cells.count == cells.count)
        for (mine, theirs) in zip(cs.cells, cells) {
            #expect(mine.group == theirs["g"] as? Int && mine.year == theirs["t"] as? Int)
            #expect(mine.base == theirs["base"] as? Int)
            close(mine.att.estimate, theirs["att"], "ATT(\(mine.group),\(mine.year))")
            close(mine.att.standardError, theirs["se"], "se(\(mine.group),\(mine.year))")
        }
        for kind in AggregationKind.allCases {
            let a = cs.aggregate(kind)
            let r = ref[kind.rawValue] as! [String: Any]
            let overall = r["overall"] as! [String: Any]
            close(a.overall.estimate, overall["att"], "\(kind) overall")
            close(a.overall.standardError, overall["se"], "\(kind) overall se")
            let parts = r["parts"] as! [[String: Any]]
            #expect(a.keys == r["keys"] as! [Int], "\(kind) keys")
            for (mine, theirs) in zip(a.parts, parts) {
                close(mine.estimate, theirs["att"], "\(kind) \(mine.term)")
                close(mine.standardError, theirs["se"], "\(kind) \(mine.term) se")
            }
        }
    }
}

extension ReferenceAgreementTests {
    /// Outcome regression on x1, x2 against `differences` (`y ~ x1 + x2`, `est_method="reg"`).
    @Test func callawaySantAnnaWithCovariatesMatchesDifferences() throws {
        let panel = try Self.panel("staggered.csv")
        let ref = try Self.expected()["cs_covariates_never_treated"] as! [String: Any]
        let cs = try CallawaySantAnna(panel, control: .never, covariates: true)
        let cells = ref["cells"] as! [[String: Any]]
        #expect(cs.cells.count == cells.count)
        for (mine, theirs) in zip(cs.cells, cells) {
            close(mine.att.estimate, theirs["att"], "ATT(\(mine.group),\(mine.year)) with covariates")
            close(mine.att.standardError, theirs["se"], "se(\(mine.group),\(mine.year)) with covariates")
        }
        for kind in AggregationKind.allCases {
            let a = cs.aggregate(kind)
            let overall = (ref[kind.rawValue] as! [String: Any])["overall"] as! [String: Any]
            close(a.overall.estimate, overall["att"], "\(kind) overall with covariates")
            close(a.overall.standardError, overall["se"], "\(kind) overall se with covariates")
        }
    }
}
