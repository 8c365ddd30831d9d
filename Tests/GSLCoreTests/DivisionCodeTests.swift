import Foundation
import GSLCore
import GSLTestSupport
import Testing

/// A CSV file read into header-keyed rows (quoted fields with commas supported); shared by the
/// GSLCore reference-data tests.
struct ReferenceCSV {
    let rows: [[String: String]]

    /// The table at `url`, or nil if the file does not exist.
    static func load(_ url: URL) throws -> ReferenceCSV? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false; pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(field); field = ""
            } else if scalar == "\n" || scalar == "\r" {
                if scalar == "\r" { if let next = iterator.next(), next != "\n" { pending = next } }
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { return ReferenceCSV(rows: []) }
        let rows = records.dropFirst().map { values in
            Dictionary(
                uniqueKeysWithValues: header.enumerated().map {
                    ($0.element, $0.offset < values.count ? values[$0.offset] : "")
                })
        }
        return ReferenceCSV(rows: rows)
    }

    /// `Datasets/reference/<path>`.
    static func dataset(_ path: String) throws -> ReferenceCSV? {
        try load(Fixtures.datasets.appendingPathComponent("reference/\(path)"))
    }
}

/// The GSLError a throwing call ends with, or nil if it returns.
func typedGSLError<T>(_ body: () throws(GSLError) -> T) -> GSLError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

@Suite struct DivisionCodeParsingTests {
    @Test(arguments: [
        ("33", "33", DivisionLevel.province), ("3302", "3302", .city), ("330203", "330203", .county),
        ("330203001", "330203001", .town), ("330203001001", "330203001001", .village),
        ("330000000000", "33", .province), ("330200000000", "3302", .city),
        ("330203000000", "330203", .county),
        ("330203001000", "330203001", .town), ("330000", "33", .province), ("330200", "3302", .city),
        ("３３０２０３", "330203", .county), (" 3302 03 ", "330203", .county), ("３３０２　０３　００１", "330203001", .town),
    ])
    func canonicalForms(text: String, canonical: String, level: DivisionLevel) throws {
        let code = try DivisionCode(text)
        #expect(code.rawValue == canonical)
        #expect(code.level == level)
        #expect(code.description == canonical)
    }

    @Test(arguments: [
        "", "3", "33020", "3302031", "3302030010011", "33O2", "33-02", "00", "000000000000", "99",
        "330000001000", "3302000010",
    ])
    func rejectsMalformed(text: String) {
        let error = typedGSLError { () throws(GSLError) in try DivisionCode(text) }
        #expect(error?.kind == .data, "\(text)")
    }

    @Test func messagesQuoteTheTextAndTheReason() {
        let length = typedGSLError { () throws(GSLError) in try DivisionCode("33020") }
        #expect(length?.cause == .invalidDivisionCode)
        #expect(length?.mentions("33020") == true)
        for text in ["33O2", "000203", "330000001000"] {
            let error = typedGSLError { () throws(GSLError) in try DivisionCode(text) }
            #expect(error?.cause == .invalidDivisionCode, "\(text)")
            #expect(error?.mentions(text) == true, "\(text)")
        }
    }

    @Test func padded12() throws {
        #expect(try DivisionCode("33").padded12 == "330000000000")
        #expect(try DivisionCode("330203001").padded12 == "330203001000")
        #expect(try DivisionCode("330203001001").padded12 == "330203001001")
    }

    @Test func codable() throws {
        let code = try DivisionCode("330203000000")
        let data = try JSONEncoder().encode([code])
        #expect(String(decoding: data, as: UTF8.self) == "[\"330203\"]")
        #expect(try JSONDecoder().decode([DivisionCode].self, from: data) == [code])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([DivisionCode].self, from: Data("[\"3\"]".utf8))
        }
    }
}

@Suite struct DivisionCodeHierarchyTests {
    @Test func parentsAndAncestors() throws {
        let village = try DivisionCode("330203001001")
        #expect(village.parent?.rawValue == "330203001")
        #expect(village.ancestors.map(\.rawValue) == ["33", "3302", "330203", "330203001"])
        #expect(try DivisionCode("33").parent == nil)
        #expect(try DivisionCode("33").ancestors.isEmpty)
        #expect(try DivisionCode("3302").parent == DivisionCode("33"))
    }

    @Test func ancestry() throws {
        let ningbo = try DivisionCode("3302")
        #expect(ningbo.isAncestor(of: try DivisionCode("330203001001")))
        #expect(!ningbo.isAncestor(of: ningbo))
        #expect(!(try DivisionCode("330203")).isAncestor(of: ningbo))
        #expect(!(try DivisionCode("3301")).isAncestor(of: try DivisionCode("330203")))
    }

    @Test func ordering() throws {
        let codes = try ["3303", "330203001", "33", "3302", "34", "330203"].map(DivisionCode.init)
        #expect(codes.sorted().map(\.rawValue) == ["33", "3302", "330203", "330203001", "3303", "34"])
    }

    @Test func villageKinds() throws {
        #expect(try DivisionCode("330203001001").villageKind == .residentsCommittee)
        #expect(try DivisionCode("330203100199").villageKind == .residentsCommittee)
        #expect(try DivisionCode("330203100200").villageKind == .villagersCommittee)
        #expect(try DivisionCode("330203100399").villageKind == .villagersCommittee)
        #expect(try DivisionCode("330203102400").villageKind == .other)
        #expect(try DivisionCode("330203001").villageKind == nil)
        #expect(VillageKind.villagersCommittee.chinese == "村委会")
        #expect(VillageKind.residentsCommittee.chinese == "居委会")
        #expect(VillageKind.other.chinese == "其他")
    }
}

@Suite struct NingboDivisionTableTests {
    @Test func tablesAreConsistentWithTheCodeRules() throws {
        guard let counties = try ReferenceCSV.dataset("divisions/ningbo_counties.csv"),
            let towns = try ReferenceCSV.dataset("divisions/ningbo_towns.csv"),
            let villages = try ReferenceCSV.dataset("divisions/ningbo_villages.csv")
        else {
            Issue.record("Datasets/reference/divisions is missing")
            return
        }
        #expect(counties.rows.count == 10)
        #expect(towns.rows.count == 162)
        #expect(villages.rows.count == 3023)
        let ningbo = try DivisionCode("3302")
        var countyCodes: Set<DivisionCode> = []
        for row in counties.rows {
            let code = try DivisionCode(row["code"]!)
            #expect(code.level == .county && code.parent == ningbo, "\(row)")
            countyCodes.insert(code)
        }
        var townCodes: Set<DivisionCode> = []
        for row in towns.rows {
            let code = try DivisionCode(row["code"]!)
            #expect(code.level == .town, "\(row)")
            #expect(code.parent.map(countyCodes.contains) == true, "\(row)")
            #expect(code.parent?.rawValue == row["parent_code"], "\(row)")
            townCodes.insert(code)
        }
        var kinds: [VillageKind: Int] = [:]
        for row in villages.rows {
            let code = try DivisionCode(row["code"]!)
            #expect(code.level == .village, "\(row)")
            // Every village's parent is in the town file (the four Cixi zones of 2023 have no villages).
            #expect(code.parent.map(townCodes.contains) == true, "village \(row["code"]!) has no town")
            #expect(code.parent?.rawValue == row["parent_code"], "\(row)")
            let kind = try #require(code.villageKind)
            kinds[kind, default: 0] += 1
            switch row["kind"]! {
            case "村委会": #expect(kind == .villagersCommittee, "\(row)")
            case "居委会": #expect(kind == .residentsCommittee, "\(row)")
            default: #expect(kind == .other, "\(row)")
            }
        }
        #expect(kinds == [.villagersCommittee: 2158, .residentsCommittee: 841, .other: 24])
    }
}
