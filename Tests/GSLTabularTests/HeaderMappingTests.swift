import GSLCore
import GSLTestSupport
import Testing

@testable import GSLTabular

@Suite struct HeaderMappingTests {
    static let fields = [
        FieldSpec("name", aliases: ["企业名称", "单位名称", "Enterprise Name"], required: true),
        FieldSpec("credit_code", aliases: ["统一社会信用代码", "信用代码"], required: true),
        FieldSpec("revenue", aliases: ["营业收入"]),
        FieldSpec("employees", aliases: ["从业人数", "员工人数"]),
    ]

    @Test func chineseHeadersMatchAliases() throws {
        let mapping = try HeaderMapping(
            header: ["统一社会信用代码", "企业名称", "营业收入（万元）"],
            fields: Self.fields, file: "a.csv", allowUnknown: false)
        #expect(mapping.column("name") == 1)
        #expect(mapping.column("credit_code") == 0)
        #expect(mapping.column("revenue") == 2)
        #expect(mapping.column("employees") == nil)
        #expect(mapping.ignored.isEmpty)
    }

    @Test(arguments: [
        "营业收入（万元）", "营业收入(万元)", "营业收入[元]", "营业收入 【亿元】", "ＲＥＶＥＮＵＥ", "Revenue", "re-ve_nue",
        "营业收入\u{3000}",
    ])
    func headerVariantsMatchTheSameField(_ text: String) throws {
        let mapping = try HeaderMapping(
            header: ["name", "credit code", text], fields: Self.fields, file: "a.csv",
            allowUnknown: false)
        #expect(mapping.column("revenue") == 2)
        #expect(mapping.column("credit_code") == 1)
    }

    @Test func englishHeadersMatchKeysAndAliasesIgnoringCaseAndSeparators() throws {
        let mapping = try HeaderMapping(
            header: ["ENTERPRISE_NAME", "Credit-Code", "Employees"], fields: Self.fields,
            file: "a.csv", allowUnknown: false)
        #expect(mapping.column("name") == 0)
        #expect(mapping.column("credit_code") == 1)
        #expect(mapping.column("employees") == 2)
    }

    @Test func valuesAreTrimmedAndEmptyIsNil() throws {
        let mapping = try HeaderMapping(
            header: ["企业名称", "信用代码", "从业人数"], fields: Self.fields, file: "a.csv",
            allowUnknown: false)
        let row = TabularRow(line: 2, index: 0, values: ["  宁波甬江科技\u{3000}", "91330201MA2H0X1234", "  "])
        #expect(mapping.value("name", in: row) == "宁波甬江科技")
        #expect(mapping.value("credit_code", in: row) == "91330201MA2H0X1234")
        #expect(mapping.value("employees", in: row) == nil)
        #expect(mapping.value("revenue", in: row) == nil)
        #expect(mapping.value("no_such_field", in: row) == nil)
    }

    @Test func twoColumnsForOneFieldAreAnErrorNamingBoth() {
        let error = TestHelpers.error {
            _ = try HeaderMapping(
                header: ["企业名称", "信用代码", "单位名称"], fields: Self.fields, file: "a.csv",
                allowUnknown: true)
        }
        #expect(error?.kind == .data)
        #expect(error?.cause == .importDuplicateColumn)
        #expect(error?.mentions("企业名称") == true && error?.mentions("单位名称") == true)
        #expect(error?.location == SourceLocation(file: "a.csv", field: "单位名称"))
    }

    @Test func missingRequiredFieldNamesChineseAliasKeyAndFile() {
        let error = TestHelpers.error {
            _ = try HeaderMapping(
                header: ["企业名称", "营业收入"], fields: Self.fields, file: "会员.csv", allowUnknown: true)
        }
        #expect(error?.kind == .data)
        #expect(error?.cause == .importColumnMissing)
        #expect(error?.mentions("会员.csv") == true && error?.mentions("credit_code") == true)
        // The Chinese message names the field by its Chinese alias as well.
        let creditCode = Self.fields.first { $0.key == "credit_code" }
        #expect(creditCode.map { error?.mentions($0.displayName, in: .zh) == true } == true)
        #expect(error?.location == nil)
    }

    @Test func requiredFieldWithoutChineseAliasIsNamedByKey() {
        let error = TestHelpers.error {
            _ = try HeaderMapping(
                header: ["x"], fields: [FieldSpec("id", required: true)], file: "f.csv", allowUnknown: true)
        }
        #expect(error?.cause == .importColumnMissing)
        #expect(error?.mentions("f.csv") == true && error?.mentions("id") == true)
    }

    @Test func unknownColumnsAreIgnoredWhenAllowed() throws {
        let mapping = try HeaderMapping(
            header: ["企业名称", "备注", "信用代码", "联系人"], fields: Self.fields,
            file: "a.csv", allowUnknown: true)
        #expect(mapping.ignored == ["备注", "联系人"])
        #expect(mapping.column("credit_code") == 2)
    }

    @Test func unknownColumnsAreAnErrorOtherwise() {
        let error = TestHelpers.error {
            _ = try HeaderMapping(
                header: ["企业名称", "备注", "信用代码"], fields: Self.fields, file: "a.csv",
                allowUnknown: false)
        }
        #expect(error?.kind == .data)
        #expect(error?.cause == .importUnknownColumn)
        #expect(error?.mentions("备注") == true)
    }

    @Test func bracketOnlyHeaderIsNotEmptied() {
        #expect(HeaderNormaliser.normalise("(备注)") == "(备注)")
        #expect(HeaderNormaliser.normalise(" Total Assets （万元） ") == "totalassets")
    }

    @Test func mappingWorksOnARealReadFile() throws {
        let file = try TestHelpers.csv("企业名称,统一社会信用代码,营业收入（万元）,备注\n宁波甬江科技, 91330201MA2H0X1234 ,１２３４,\n")
        let mapping = try HeaderMapping(
            header: file.header, fields: Self.fields, file: file.path, allowUnknown: true)
        let row = file.rows[0]
        #expect(mapping.value("credit_code", in: row) == "91330201MA2H0X1234")
        #expect(mapping.value("revenue", in: row) == "１２３４")
        #expect(mapping.ignored == ["备注"])
        #expect(
            file.location(row: row, column: mapping.column("revenue")).description == "t.csv:2:3 [营业收入（万元）]")
    }
}

@Suite struct TitleRowTests {
    @Test func aTitleAboveTheHeaderIsNamed() {
        let error = TestHelpers.error {
            _ = try HeaderMapping(
                header: ["2024年会员企业名录", "", ""], fields: [FieldSpec("name", aliases: ["名称"], required: true)],
                file: "f.csv", allowUnknown: true)
        }
        #expect(error?.location == SourceLocation(file: "f.csv", line: 1))
        #expect(error?.cause == .titleRowAsHeader)
        #expect(error?.mentions("2024年会员企业名录") == true)
    }
}

@Suite struct CSVTitleRowTests {
    @Test(arguments: ["2024年会员企业名录,,\n名称,统一社会信用代码,所在地区\n", "2024年会员企业名录\n名称,统一社会信用代码,所在地区\n"])
    func aTitleRowAboveTheHeaderIsNamedWhileReading(text: String) {
        let error = TestHelpers.error {
            _ = try TabularReader.parse(Array(text.utf8), path: "t.csv", format: .csv, encoding: .auto)
        }
        #expect(error?.location == SourceLocation(file: "t.csv", line: 1))
        #expect(error?.cause == .titleRowAsHeader, "\(String(describing: error))")
        #expect(error?.mentions("2024年会员企业名录") == true)
    }
}
