import Foundation
import GSLCore
import GSLIndexScoring
import Testing

/// The HTML report rendered in a real browser (headless Chromium with a CJK font): no two text boxes of a
/// chart overlap, no text leaves its chart, and no bar of the change chart covers a label.
@Suite struct ReportRenderingTests {
    /// The Chromium binary, when installed.
    static let chromium: String? = [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
    ]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

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
        let script = """
            <script>
            (function () {
              const problems = [];
              let count = 0;
              const hit = (a, b) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 &&
                                    a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
              document.querySelectorAll('svg').forEach((svg, k) => {
                const w = +svg.getAttribute('width'), h = +svg.getAttribute('height');
                const texts = [...svg.querySelectorAll('text')].map(t => ({ s: t.textContent, b: t.getBBox() }));
                count += texts.length;
                texts.forEach((t, i) => {
                  if (t.b.x < -0.5 || t.b.y < -0.5 || t.b.x + t.b.width > w + 0.5 || t.b.y + t.b.height > h + 0.5)
                    problems.push('chart ' + k + ': outside: ' + t.s);
                  for (let j = i + 1; j < texts.length; j++)
                    if (hit(t.b, texts[j].b)) problems.push('chart ' + k + ': text overlap: ' + t.s + ' | ' + texts[j].s);
                });
                if (svg.getAttribute('data-chart') === 'change') {
                  svg.querySelectorAll('rect').forEach(r => {
                    const b = r.getBBox();
                    texts.forEach(t => { if (hit(t.b, b)) problems.push('chart ' + k + ': bar over text: ' + t.s); });
                  });
                }
              });
              const pre = document.createElement('pre');
              pre.id = 'layout-check';
              pre.textContent = JSON.stringify({ texts: count, problems: problems });
              document.body.appendChild(pre);
            })();
            </script>
            """
        let page = html.replacingOccurrences(of: "</body>", with: script + "</body>")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gsl-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium!)
        p.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.path)/profile",
            "--window-size=1400,2000", "--dump-dom", file.absoluteString,
        ]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        // A browser that hangs must not hang the test run.
        let watchdog = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: watchdog)
        defer { watchdog.cancel() }
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard let start = dom.range(of: "<pre id=\"layout-check\">"),
            let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else {
            throw GSLError(
                .internalError, Message("无输出", en: "chromium dumped no layout check: \(dom.prefix(200))"))
        }
        let json = dom[start.upperBound..<end.lowerBound].replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        return ((object["texts"] as? Int) ?? 0, (object["problems"] as? [String]) ?? [])
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
