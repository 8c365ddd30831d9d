import GSLCore
import Testing

@testable import GSLTabular

@Suite struct KeyValueRendererTests {
    static let fields = [
        KeyValueRenderer.Field(key: "name", label: "企业名称", value: .text("宁波甬江科技")),
        KeyValueRenderer.Field(key: "employees", label: "Staff", value: .int(120)),
        KeyValueRenderer.Field(key: "code", label: "信用代码 code", value: .null),
        KeyValueRenderer.Field(key: "active", label: "在册", value: .bool(true)),
    ]

    @Test func tablePadsLabelsByDisplayWidth() {
        let text = KeyValueRenderer.render(Self.fields, format: .table, options: RenderOptions())
        #expect(text == "企业名称       宁波甬江科技\nStaff          120\n信用代码 code\n在册           true\n")
    }

    @Test func csvIsALabelRowAndAValueRow() {
        let text = KeyValueRenderer.render(Self.fields, format: .csv, options: .excel)
        #expect(text == "\u{FEFF}企业名称,Staff,信用代码 code,在册\r\n宁波甬江科技,120,,true\r\n")
    }

    @Test func jsonIsOneSortedObject() {
        let text = KeyValueRenderer.render(Self.fields, format: .json, options: RenderOptions())
        #expect(
            text
                == "{\n  \"active\": true,\n  \"code\": null,\n  \"employees\": 120,\n  \"name\": \"宁波甬江科技\"\n}\n"
        )
    }

    @Test func ndjsonIsTheSameObjectOnOneLine() {
        let text = KeyValueRenderer.render(Self.fields, format: .ndjson, options: RenderOptions())
        #expect(text == "{\"active\":true,\"code\":null,\"employees\":120,\"name\":\"宁波甬江科技\"}\n")
    }

    @Test func csvDefusesFormulaValues() {
        let fields = [KeyValueRenderer.Field(key: "a", label: "a", value: .text("=HYPERLINK(\"x\")"))]
        #expect(
            KeyValueRenderer.render(fields, format: .csv, options: RenderOptions())
                == "a\n\"'=HYPERLINK(\"\"x\"\")\"\n")
    }
}

@Suite struct KeyValueRendererLimitTests {
    @Test func tableValuesAreFlattenedAndTruncated() {
        var options = RenderOptions()
        options.maxColumnWidth = 6
        let fields = [KeyValueRenderer.Field(key: "a", label: "地址", value: .text("宁波\n鄞州区甬江"))]
        #expect(KeyValueRenderer.render(fields, format: .table, options: options) == "地址  宁波 …\n")
    }
}
