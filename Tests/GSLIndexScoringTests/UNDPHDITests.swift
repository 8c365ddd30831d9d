import Foundation
import GSLCore
import GSLIndexScoring
import GSLTestSupport
import Testing

@Suite struct UNDPHDITests {
    static let spec = PipelineSpec(normalise: .init(method: .goalposts, high: 1, truncate: true))

    @Test func frameworkShape() throws {
        let fw = try FrameworkParser.parse(yaml: CSVFixture.frameworkText("hdi.yaml"))
        #expect(fw.indicatorCodes == ["le", "eys", "mys", "gnipc"])
        #expect(fw.node("HDI")?.aggregation == .geometric)
        #expect(fw.node("gnipc")?.indicator?.transform == "log")
        #expect(fw.level(of: "HDI") == 3)
    }

    @Test func oneCountryByHand() throws {
        let fw = try FrameworkParser.parse(yaml: CSVFixture.frameworkText("hdi.yaml"))
        var data = Dataset()
        for (k, v) in [("le", 90.0), ("eys", 9.0), ("mys", 7.5), ("gnipc", 100_000)] {
            data.set(unit: "X", period: "2022", variable: k, value: v)
        }
        data.set(unit: "Y", period: "2022", variable: "le", value: 52.5)
        data.set(unit: "Y", period: "2022", variable: "eys", value: 18)
        data.set(unit: "Y", period: "2022", variable: "mys", value: 15)
        data.set(unit: "Y", period: "2022", variable: "gnipc", value: 200)
        let r = try Pipeline.run(framework: fw, data: data, spec: Self.spec)
        // X: LEI capped at 1, EI = (0.5 + 0.5)/2, II capped at 1 → HDI = 0.5^(1/3).
        #expect(abs(r.score(unit: "X", node: "HDI")! - pow(0.5, 1.0 / 3)) < 1e-12)
        // Y: LEI = 0.5, EI = 1, II = ln 2 / ln 750.
        let ii = Foundation.log(2.0) / Foundation.log(750.0)
        #expect(abs(r.score(unit: "Y", node: "income")! - ii) < 1e-12)
        #expect(abs(r.score(unit: "Y", node: "HDI")! - pow(0.5 * 1 * ii, 1.0 / 3)) < 1e-12)
        #expect(r.score(unit: "Y", node: "health")! == 0.5)
    }

    @Test func zeroDimensionUnderGeometricIsAnError() throws {
        let fw = try FrameworkParser.parse(yaml: CSVFixture.frameworkText("hdi.yaml"))
        var data = Dataset()
        for (k, v) in [("le", 70.0), ("eys", 12.0), ("mys", 9.0), ("gnipc", 100)] {
            data.set(unit: "Z", period: "2022", variable: k, value: v)
        }
        #expect {
            try Pipeline.run(framework: fw, data: data, spec: Self.spec)
        } throws: { error in
            let e = error as! GSLError
            return e.kind == .data && e.cause == .aggregationNeedsPositive
                && e.mentions("income") && e.mentions("HDI") && e.mentions("Z")
        }
    }

    @Test(
        .enabled(if: Fixtures.sharedReference != nil, "../shared/reference is absent: HDI comparison skipped")
    )
    func all193CountriesMatchPublishedHDI() throws {
        let fw = try FrameworkParser.parse(yaml: CSVFixture.frameworkText("hdi.yaml"))
        let url = Fixtures.sharedReference!.appendingPathComponent("index/hdi/hdi_2022_components.csv")
        var (header, rows) = try CSVFixture.read(url)
        header = header.map { $0.replacingOccurrences(of: "_2022", with: "") }
        let data = try DataImport.wide(
            header: header, rows: rows, framework: fw, unitColumn: "iso3", period: "2022",
            nameColumn: "country", ignoredColumns: ["hdicode", "region", "hdi_rank", "hdi"])
        let r = try Pipeline.run(framework: fw, data: data, spec: Self.spec)
        let hdiColumn = header.firstIndex(of: "hdi")!
        var matched = 0
        for row in rows {
            let published = Double(row[hdiColumn])!
            let mine = Stat.roundHalfUp(try #require(r.score(unit: row[0], node: "HDI")), digits: 3)
            #expect(abs(mine - published) < 1e-9, "\(row[0]): \(mine) vs \(published)")
            if abs(mine - published) < 1e-9 { matched += 1 }
        }
        #expect(rows.count == 193)
        #expect(matched == 193)
    }
}
