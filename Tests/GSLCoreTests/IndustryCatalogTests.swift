import GSLCore
import GSLTestSupport
import Testing

@Suite struct IndustryCatalogTests {
    let catalog = IndustryCatalog.standard

    @Test func countsPerLevel() {
        let counts = Dictionary(grouping: catalog.entries, by: \.level).mapValues(\.count)
        #expect(counts == [.section: 20, .division: 97, .group: 473, .class: 1382])
        #expect(Set(catalog.entries.map(\.code)).count == catalog.entries.count)
    }

    @Test func embeddedTableMatchesTheDatasetCSV() throws {
        guard let table = try ReferenceCSV.dataset("standards/gbt4754_2017.csv") else {
            Issue.record("Datasets/reference/standards/gbt4754_2017.csv is missing; nothing to compare")
            return
        }
        let fromCSV = table.rows.map { row in
            Industry(
                code: row["code"]!, name: row["name"]!, level: IndustryLevel(rawValue: row["level"]!)!,
                parentCode: row["parent_code"]!.isEmpty ? nil : row["parent_code"]!)
        }
        #expect(fromCSV.count == catalog.entries.count)
        #expect(fromCSV == catalog.entries, "regenerate with scripts/gen-industries.py")
    }

    @Test func everyParentExistsOneLevelUp() {
        for entry in catalog.entries {
            guard let parentCode = entry.parentCode else {
                #expect(entry.level == .section)
                continue
            }
            let parent = catalog.lookup(parentCode)
            let levels = IndustryLevel.allCases
            #expect(
                parent.map { levels.firstIndex(of: $0.level)! + 1 } == levels.firstIndex(of: entry.level),
                "\(entry.code)")
        }
    }

    @Test(arguments: [
        ("C", "C"), ("c", "C"), ("30", "30"), ("301", "301"), ("3011", "3011"), ("C3011", "3011"),
        ("c3011", "3011"), ("Ｃ３０１１", "3011"), (" 3011 ", "3011"), ("A0111", "0111"), ("C30", "30"),
    ])
    func lookupForms(text: String, canonical: String) {
        #expect(catalog.lookup(text)?.code == canonical, "\(text)")
    }

    @Test(arguments: ["", "D3011", "Z", "9999", "30111", "X", "C99"])
    func lookupRejects(text: String) {
        #expect(catalog.lookup(text) == nil, "\(text)")
    }

    @Test func namesAndLevels() throws {
        let cement = try #require(catalog.lookup("3011"))
        #expect(cement.name == "水泥制造")
        #expect(cement.level == .class)
        #expect(catalog.lookup("C")?.name == "制造业")
        #expect(catalog.lookup("7010")?.name == "房地产开发经营")
    }

    @Test func parentChain() {
        #expect(catalog.parentChain("C3011").map(\.code) == ["C", "30", "301", "3011"])
        #expect(catalog.parentChain("0111").map(\.code) == ["A", "01", "011", "0111"])
        #expect(catalog.parentChain("J").map(\.code) == ["J"])
        #expect(catalog.parentChain("nonsense").isEmpty)
        #expect(catalog.section(of: "6511")?.code == "I")
        #expect(catalog.section(of: "59")?.code == "G")
        #expect(catalog.section(of: "??") == nil)
    }

    @Test func children() {
        #expect(catalog.children(of: "70").map(\.code) == ["701", "702", "703", "704", "709"])
        #expect(catalog.children(of: "G").map(\.code) == ["53", "54", "55", "56", "57", "58", "59", "60"])
        #expect(catalog.children(of: "C").count == 31)
        #expect(catalog.children(of: "3011").isEmpty)
        #expect(catalog.children(of: "nonsense").isEmpty)
        #expect(catalog.classes(under: "59").count == 11)
        #expect(catalog.classes(under: "A").allSatisfy { $0.level == .class && $0.code.count == 4 })
    }
}
