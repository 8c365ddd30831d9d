import GSLDemo
import GSLTabular
import Testing

@Suite struct SyntheticCSVTests {
    @Test func csvReadsBackAsTheRows() throws {
        let generator = SyntheticOrganisations(regionCodes: ["330203", "330226"])
        let text = generator.csv(count: 200, seed: 9)
        let file = try TabularReader.parse(Array(text.utf8), path: "demo.csv", format: .csv, encoding: .utf8)
        #expect(file.header == SyntheticOrganisations.header)
        #expect(file.rows.count == 200)
        for (index, row) in file.rows.enumerated() {
            #expect(row.values == generator.row(index, seed: 9))
        }
        var heard: [Int] = []
        generator.writeCSV(count: 3, seed: 9, progress: { heard.append($0) }, to: { _ in })
        #expect(heard == [0, 1, 2])
    }
}
