import Foundation
import GSLTestSupport
import Testing

/// `gsl index show RUN --stage …` and `--treatment`: every stage of a run, exact in csv/json.
@Suite struct IndexStageCLITests {
    static let framework = """
        id: s
        version: "1"
        nodes:
          - code: R
            children:
              - {code: a, indicator: {direction: 1}}
              - {code: b, indicator: {direction: -1}}
              - {code: c, indicator: {direction: 1}}
        """

    /// Values with many digits, one unit with a missing value (screened out at 0.9), c skewed enough
    /// to be treated.
    static let rows: [(String, Double, Double?, Double)] = [
        ("u1", 0.123456789012345, 10.987654321, 1), ("u2", 1.000000000000001, 3.3333333333333335, 2),
        ("u3", 2.718281828459045, 7.1, 1), ("u4", 3.141592653589793, 5.55, 3), ("u5", 4.4, 2.2, 2),
        ("u6", 5.25, 9.75, 1), ("u7", 6.125, 1.0625, 400), ("u8", 7.5, nil, 2),
    ]

    func prepared() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["index", "framework", "import", try cli.write("s.yaml", Self.framework)])
        var csv = "unit,period,indicator,value\n"
        for (u, a, b, c) in Self.rows {
            csv += "\(u),2024,a,\(a)\n\(u),2024,c,\(c)\n"
            if let b { csv += "\(u),2024,b,\(b)\n" }
        }
        try cli.ok([
            "index", "data", "import", try cli.write("d.csv", csv), "--framework", "s@1", "--dataset", "d",
        ])
        try cli.ok(["index", "compute", "--framework", "s@1", "--dataset", "d", "--screen", "0.9", "--treat"])
        return cli
    }

    /// A JSON value read with JSONDecoder (JSONSerialization on Linux may lose the last digit of a double).
    enum Value: Decodable {
        case double(Double), string(String), bool(Bool), null
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let d = try? c.decode(Double.self) {
                self = .double(d)
            } else {
                self = .string(try c.decode(String.self))
            }
        }
    }

    func rows(_ json: String) throws -> [[String: Any]] {
        try JSONDecoder().decode([[String: Value]].self, from: Data(json.utf8)).map { row in
            row.compactMapValues { v -> Any? in
                switch v {
                case .double(let d): d
                case .string(let s): s
                case .bool(let b): b
                case .null: nil
                }
            }
        }
    }

    @Test func stagesAreExact() throws {
        let cli = try prepared()
        let raw = try rows(try cli.ok(["index", "show", "1", "--stage", "raw", "--format", "json"]).stdout)
        #expect(raw.count == 8)
        for (u, a, b, _) in Self.rows {
            let row = raw.first { $0["unit"] as? String == u }!
            #expect(row["a"] as? Double == a)
            #expect((row["b"] as? Double) == b)
        }
        // Min-max of a over the 7 screened units, computed here the way the engine does.
        let kept = Self.rows.filter { $0.2 != nil }
        let lo = kept.map(\.1).min()!, hi = kept.map(\.1).max()!
        let normalised = try rows(
            try cli.ok(["index", "show", "1", "--stage", "normalised", "--format", "json"]).stdout)
        #expect(normalised.count == 7)
        for (u, a, _, _) in kept {
            let row = normalised.first { $0["unit"] as? String == u }!
            #expect(row["a"] as? Double == (a - lo) / (hi - lo) * 100)
        }
        // CSV carries the same digits; a table rounds to 4 decimals.
        let csv = try cli.ok(["index", "show", "1", "--stage", "normalised", "--format", "csv"]).stdout
        let u2 = csv.split(whereSeparator: \.isNewline).first { $0.hasPrefix("u2,") }!.split(separator: ",")
        #expect(Double(String(u2[1])) == normalised.first { $0["unit"] as? String == "u2" }!["a"] as? Double)
        let table = try cli.ok(["index", "show", "1", "--stage", "normalised", "--format", "table"]).stdout
        #expect(table.contains("u2") && !table.contains(String(u2[1])))
        let aggregated = try rows(
            try cli.ok(["index", "show", "1", "--stage", "aggregated", "--format", "json"]).stdout)
        #expect(Set(aggregated[0].keys) == ["unit", "R", "a", "b", "c"])
    }

    @Test func treatmentLogAndScreeningRecord() throws {
        let cli = try prepared()
        let log = try rows(try cli.ok(["index", "show", "1", "--treatment", "--format", "json"]).stdout)
        let screen = log.filter { $0["step"] as? String == "screen" }
        let treat = log.filter { $0["step"] as? String == "treat" }
        #expect(screen.count == 8 && treat.count == 3)
        let u8 = screen.first { $0["code"] as? String == "u8" }!
        #expect(
            u8["included"] as? Bool == false && abs((u8["availability"] as? Double ?? 0) - 2.0 / 3) < 1e-15)
        let c = treat.first { $0["code"] as? String == "c" }!
        #expect(c["passed_before"] as? Bool == false)
        #expect((c["winsorised"] as? Double ?? 0) >= 1 && c["winsorised_units"] as? String == "u7")
        #expect(c["skew_before"] is Double && c["skew_after"] is Double)
    }

    @Test func missingStageAndBadNamesAreErrors() throws {
        let cli = try prepared()
        let skipped = try cli.fail(["index", "show", "1", "--stage", "imputed"])
        #expect(skipped.status == 66 && skipped.cause == "index.stage-missing", "\(skipped)")
        #expect(skipped.en.contains("imputed"), "\(skipped)")
        let bad = try cli.run(["index", "show", "1", "--stage", "cooked"])
        #expect(bad.status == 64, "\(bad.stderr)")
        let both = try cli.run(["index", "show", "1", "--stage", "raw", "--treatment"])
        #expect(both.status == 64, "\(both.stderr)")
    }
}
