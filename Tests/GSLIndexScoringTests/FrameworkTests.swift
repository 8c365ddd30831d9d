import Foundation
import GSLCore
import GSLIndexScoring
import Testing

@Suite struct FrameworkTests {
    static let nested = """
        id: demo
        version: "1"
        name_zh: 示例
        name_en: Demo
        denominators:
          - {code: pop, name_zh: 人口, name_en: Population, unit: 万人}
        grading:
          kind: rank_quantiles
          grades:
            - {label_zh: 前列, label_en: Top, top: 0.2}
        nodes:
          - code: R
            name_zh: 总指数
            name_en: Index
            children:
              - code: D1
                name_zh: 维度一
                name_en: Dimension 1
                weight: 2
                children:
                  - code: a
                    name_zh: 指标甲
                    name_en: Indicator a
                    indicator: {direction: 1, unit: 个, source: 统计局, denominator: pop}
                  - code: b
                    name_zh: 指标乙
                    name_en: Indicator b
                    indicator: {direction: -1, 满意值: 1, 不允许值: 5}
              - code: D2
                name_zh: 维度二
                name_en: Dimension 2
                children:
                  - {code: c, name_zh: 指标丙, name_en: Indicator c, indicator: {direction: 1, goalposts: [0, 10], transform: log}}
        """

    static let flat = """
        # Same framework, flat form, other key order.
        version: "1"
        id: demo
        name_en: Demo
        name_zh: 示例
        grading:
          kind: rank_quantiles
          grades:
            - {label_zh: 前列, label_en: Top, top: 0.2}
        denominators:
          - {code: pop, name_zh: 人口, name_en: Population, unit: 万人}
        nodes:
          - {code: c, parent: D2, name_zh: 指标丙, name_en: Indicator c, indicator: {goalposts: [0, 10], transform: log, direction: 1}}
          - {code: R, name_zh: 总指数, name_en: Index}
          - {code: D1, parent: R, name_zh: 维度一, name_en: Dimension 1, weight: 2}
          - {code: D2, parent: R, name_zh: 维度二, name_en: Dimension 2, weight: 1.0}
          - {code: a, parent: D1, name_zh: 指标甲, name_en: Indicator a, indicator: {direction: 1, unit: 个, source: 统计局, denominator: pop}}
          - {code: b, parent: D1, name_zh: 指标乙, name_en: Indicator b, indicator: {direction: -1, satisfactory: 1, unacceptable: 5}}
        """

    @Test func parsesTreeOfAnyDepth() throws {
        let fw = try FrameworkParser.parse(yaml: Self.nested)
        #expect(fw.rootCode == "R")
        #expect(fw.indicatorCodes == ["a", "b", "c"])
        #expect(fw.children(of: "D1") == ["a", "b"])
        #expect(fw.level(of: "R") == 3 && fw.level(of: "D2") == 2 && fw.level(of: "c") == 1)
        #expect(fw.depth(of: "c") == 2)
        #expect(fw.path(to: "b") == ["R", "D1", "b"])
        #expect(fw.node("b")?.indicator?.satisfactory == 1 && fw.node("b")?.indicator?.unacceptable == 5)
        #expect(fw.node("a")?.indicator?.denominator == "pop")
        #expect(fw.node("c")?.indicator?.goalposts == [0, 10])
        #expect(fw.node("D1")?.weight == 2)
        #expect(fw.grading?.kind == .rankQuantiles && fw.grading?.grades.first?.bound == 0.2)
        #expect(fw.node("D1")?.line == 16)
    }

    @Test func contentHashIgnoresLayout() throws {
        let a = try FrameworkParser.parse(yaml: Self.nested)
        let b = try FrameworkParser.parse(yaml: Self.flat)
        #expect(a.contentHash == b.contentHash)
        #expect(a.contentHash.count == 64)
        var changed = Self.nested.replacingOccurrences(of: "weight: 2", with: "weight: 3")
        #expect(try FrameworkParser.parse(yaml: changed).contentHash != a.contentHash)
        changed = Self.nested.replacingOccurrences(of: "指标甲", with: "指标甲2")
        #expect(try FrameworkParser.parse(yaml: changed).contentHash != a.contentHash)
    }

    @Test func siblingOrderIsContent() throws {
        let swapped =
            Self.flat.replacingOccurrences(
                of: "  - {code: D1, parent: R, name_zh: 维度一, name_en: Dimension 1, weight: 2}\n", with: "")
            + "\n  - {code: D1, parent: R, name_zh: 维度一, name_en: Dimension 1, weight: 2}\n"
        let b = try FrameworkParser.parse(yaml: swapped)
        #expect(b.children(of: "R") == ["D2", "D1"])
        #expect(b.contentHash != (try FrameworkParser.parse(yaml: Self.flat)).contentHash)
    }

    @Test func jsonRoundTrip() throws {
        let a = try FrameworkParser.parse(yaml: Self.nested)
        let data = try JSONEncoder().encode(a)
        let b = try JSONDecoder().decode(Framework.self, from: data)
        #expect(a == b)
        #expect(a.contentHash == b.contentHash)
        #expect(b.children(of: "R") == ["D1", "D2"])
    }

    @Test func diffListsEveryKindOfChange() throws {
        let a = try FrameworkParser.parse(yaml: Self.nested)
        let edited = Self.nested
            .replacingOccurrences(of: "weight: 2", with: "weight: 1.5")
            .replacingOccurrences(
                of: "indicator: {direction: -1, 满意值: 1, 不允许值: 5}", with: "indicator: {direction: 1}"
            )
            .replacingOccurrences(of: "name_zh: 指标甲", with: "name_zh: 指标甲（新）")
            .replacingOccurrences(
                of: "  - {code: c,",
                with:
                    "  - {code: d, name_zh: 丁, name_en: d, indicator: {direction: 1}}\n          - {code: c,")
        var b = try FrameworkParser.parse(yaml: edited)
        // Move b under D2 and drop nothing else.
        let moved = edited.replacingOccurrences(
            of: """
                          - code: b
                            name_zh: 指标乙
                            name_en: Indicator b
                            indicator: {direction: 1}
                """, with: ""
        ).replacingOccurrences(
            of: "  - {code: c,",
            with:
                "  - {code: b, name_zh: 指标乙, name_en: Indicator b, indicator: {direction: 1}}\n          - {code: c,"
        )
        b = try FrameworkParser.parse(yaml: moved)
        let d = FrameworkDiff(from: a, to: b)
        let lines = d.changes.map(\.description)
        #expect(lines.contains("reweighted D1: 2.0 → 1.5"))
        #expect(lines.contains("renamed a: 指标甲/Indicator a → 指标甲（新）/Indicator a"))
        #expect(lines.contains("moved b: D1 → D2"))
        #expect(lines.contains("redirected b: -1 → 1"))
        #expect(lines.contains("added d under D2"))
        #expect(
            FrameworkDiff(from: b, to: a).changes.contains(
                .removed(code: "d", parent: "D2", isIndicator: true)))
        #expect(FrameworkDiff(from: a, to: a).isEmpty)
    }

    @Test func shippedFrameworksParse() throws {
        for name in ["asem.yaml", "hdi.yaml", "qinqing-v1.yaml", "qinqing-v2.yaml"] {
            let fw = try FrameworkParser.parse(yaml: CSVFixture.frameworkText(name), file: name)
            #expect(!fw.indicatorCodes.isEmpty, "\(name)")
        }
        let asem = try FrameworkParser.parse(yaml: CSVFixture.frameworkText("asem.yaml"))
        #expect(
            asem.indicatorCodes.count == 49 && asem.aggregateCodes.count == 11 && asem.denominators.count == 4
        )
    }

    @Test func yamlExportReparsesToTheSameHash() throws {
        for name in ["asem.yaml", "hdi.yaml", "qinqing-v1.yaml", "qinqing-v2.yaml"] {
            let fw = try FrameworkParser.parse(yaml: CSVFixture.frameworkText(name))
            let text = fw.yaml()
            let back = try FrameworkParser.parse(yaml: text)
            #expect(back.contentHash == fw.contentHash, "\(name)")
            #expect(back.canonicalText == fw.canonicalText)
        }
        let demo = try FrameworkParser.parse(yaml: Self.nested)
        #expect(demo.yaml().contains("name_zh: \"指标乙\""))
        #expect(try FrameworkParser.parse(yaml: demo.yaml()).contentHash == demo.contentHash)
    }

    @Test func qinqingV1ToV2Diff() throws {
        let v1 = try FrameworkParser.parse(yaml: CSVFixture.frameworkText("qinqing-v1.yaml"))
        let v2 = try FrameworkParser.parse(yaml: CSVFixture.frameworkText("qinqing-v2.yaml"))
        #expect(v1.illustrative && v2.illustrative)
        #expect(v1.node("near")?.nameZh == "亲近关系" && v2.node("health")?.nameZh == "健康发展")
        #expect(v2.children(of: "health").map { v2.node($0)!.nameZh } == ["民营企业健康发展", "企业家健康成长"])
        // Three levels below the index (一级 亲近/清廉, 二级, 三级 indicators): COINr counts the index as level 4.
        #expect(v1.level(of: "QQ") == 4 && v1.depth(of: "gs_channel") == 3)
        let d = FrameworkDiff(from: v1, to: v2)
        let added = d.changes.filter { $0.kind == "added" }.map(\.code)
        #expect(
            added == [
                "health", "HD", "hd_new_firms", "hd_rd", "hd_margin", "EG", "eg_training", "eg_charity",
                "eg_credit",
            ])
        #expect(d.changes.contains(.reweighted(code: "near", from: 0.5, to: 0.4)))
        #expect(d.changes.contains(.reweighted(code: "clean", from: 0.5, to: 0.3)))
        #expect(d.changes.contains { $0.kind == "renamed" && $0.code == "QQ" })
        #expect(!d.changes.contains { $0.kind == "removed" })
    }
}
