import Foundation
import GSLCore
import GSLIndexScoring
import GSLTestSupport
import Testing

/// The HTML report rendered in a real browser (headless Chromium with a CJK font): no two text boxes of a
/// chart overlap, no text leaves its chart, and no bar of the change chart covers a label.
@Suite struct ReportRenderingTests {
    static let chromium = BrowserLayout.chromium

    /// A report of qinqing v2 on synthetic Ningbo data against a previous run ranked nearly the other way
    /// round, with long Chinese unit names: large ↓ and ↑ changes next to long labels.
    static func report(lang: Lang) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let yaml = try String(
            contentsOf: root.appendingPathComponent("Datasets/frameworks/qinqing-v2.yaml"), encoding: .utf8)
        let fw = try FrameworkParser.parse(yaml: yaml)
        let data = SyntheticData.ningbo(framework: fw)
        var mirrored = data
        for code in fw.indicatorCodes {
            let values = data.units.compactMap { data.value(unit: $0, period: "2023", variable: code) }
            let lo = values.min()!, hi = values.max()!
            for u in data.units {
                if let v = data.value(unit: u, period: "2023", variable: code) {
                    mirrored.set(unit: u, period: "2023", variable: code, value: lo + hi - v)
                }
            }
        }
        let spec = PipelineSpec(period: "2023", normalise: .init(method: .minMax))
        let now = try Pipeline.run(framework: fw, data: data, spec: spec)
        let before = try Pipeline.run(framework: fw, data: mirrored, spec: spec)
        var names = data.unitNames
        names["330203"] = "宁波国家高新技术产业开发区（新材料科技城）"
        names["330226"] = "宁海县"
        names["330282"] = "慈溪市（前湾新区）"
        let input = IndexReportInput(
            framework: fw, frameworkHash: fw.contentHash, runID: 2, dataset: "ningbo",
            dataHash: data.contentHash,
            result: now, previous: (id: 1, result: before, root: fw.rootCode), unitNames: names,
            createdAt: "2026-12-02T00:00:00Z", actor: "test")
        return IndexReport.html(input, lang: lang)
    }

    /// Measures every chart in Chromium; returns the number of text elements and the problems found.
    static func measure(_ html: String) throws -> (texts: Int, problems: [String]) {
        let m = try BrowserLayout.measure(html)
        return (m.texts, m.problems)
    }

    @Test(
        .enabled(
            if: chromium != nil,
            "chromium is not installed (apt-get install chromium fonts-wqy-zenhei): report layout not checked"
        ),
        arguments: [Lang.zh, Lang.en])
    func chartsHaveNoOverlappingText(lang: Lang) throws {
        let html = try Self.report(lang: lang)
        #expect(html.contains("data-chart=\"change\""))
        let (texts, problems) = try Self.measure(html)
        // Three charts of 10 units: the check really saw the labels.
        #expect(texts > 60)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
