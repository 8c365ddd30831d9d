import Foundation
import GSLCore

/// Renders an HTML report in headless Chromium (Debian's package, with a CJK font) and measures it:
/// every SVG text inside its chart and overlapping no other text, bars drawn, table cells not
/// overflowing; and prints it to PDF to check the paper size.
public enum BrowserLayout {
    /// The Chromium binary, when installed.
    public static let chromium: String? = [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
    ]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// What the browser saw.
    public struct Measurement: Sendable {
        /// How many SVG text elements were measured.
        public var texts: Int
        /// Problems: text outside its chart, overlapping texts, bars over texts in change charts,
        /// table cells whose content overflows.
        public var problems: [String]
        /// Per chart (`data-chart`), how many bars (`rect`) with a positive area were drawn.
        public var bars: [String: Int]
    }

    static let script = """
        <script>
        (function () {
          const problems = [];
          const bars = {};
          let count = 0;
          const hit = (a, b) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 &&
                                a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
          document.querySelectorAll('svg').forEach((svg, k) => {
            const w = +svg.getAttribute('width'), h = +svg.getAttribute('height');
            const name = svg.getAttribute('data-chart') || ('chart ' + k);
            const texts = [...svg.querySelectorAll('text')].map(t => ({ s: t.textContent, b: t.getBBox() }));
            count += texts.length;
            texts.forEach((t, i) => {
              if (t.b.x < -0.5 || t.b.y < -0.5 || t.b.x + t.b.width > w + 0.5 || t.b.y + t.b.height > h + 0.5)
                problems.push(name + ': outside: ' + t.s);
              for (let j = i + 1; j < texts.length; j++)
                if (hit(t.b, texts[j].b)) problems.push(name + ': text overlap: ' + t.s + ' | ' + texts[j].s);
            });
            bars[name] = [...svg.querySelectorAll('rect')].filter(r => { const b = r.getBBox(); return b.width > 0 && b.height > 0; }).length;
            if (svg.getAttribute('data-chart') === 'change') {
              svg.querySelectorAll('rect').forEach(r => {
                const b = r.getBBox();
                texts.forEach(t => { if (hit(t.b, b)) problems.push(name + ': bar over text: ' + t.s); });
              });
            }
          });
          document.querySelectorAll('td, th').forEach(c => {
            if (c.scrollWidth > c.clientWidth + 1) problems.push('cell overflows: ' + c.textContent);
          });
          const pre = document.createElement('pre');
          pre.id = 'layout-check';
          pre.textContent = JSON.stringify({ texts: count, problems: problems, bars: bars });
          document.body.appendChild(pre);
        })();
        </script>
        """

    /// Runs Chromium on `html` with `arguments` (the file URL is appended); returns standard output.
    static func run(_ html: String, _ arguments: [String], extra: (URL) -> [String] = { _ in [] }) throws -> (
        String, URL
    ) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gsl-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("page.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium!)
        p.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.path)/profile"] + arguments
            + extra(dir) + [file.absoluteString]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        // A browser that hangs must not hang the test run.
        let watchdog = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: watchdog)
        defer { watchdog.cancel() }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (text, dir)
    }

    /// Measures every chart and table of `html` in the browser.
    public static func measure(_ html: String) throws -> Measurement {
        let page = html.replacingOccurrences(of: "</body>", with: script + "</body>")
        let (dom, dir) = try run(page, ["--window-size=1400,2000", "--dump-dom"])
        defer { try? FileManager.default.removeItem(at: dir) }
        guard let start = dom.range(of: "<pre id=\"layout-check\">"),
            let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else {
            throw GSLError(
                .internalError, Message("无输出", en: "chromium dumped no layout check: \(dom.prefix(200))"))
        }
        let json = dom[start.upperBound..<end.lowerBound].replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        return Measurement(
            texts: (object["texts"] as? Int) ?? 0, problems: (object["problems"] as? [String]) ?? [],
            bars: (object["bars"] as? [String: Int]) ?? [:])
    }

    /// Prints `html` to PDF; returns the first page's size in points (width, height).
    public static func printedPageSize(_ html: String) throws -> (width: Double, height: Double)? {
        var pdfPath = ""
        let (_, dir) = try run(html, ["--no-pdf-header-footer"]) { dir in
            pdfPath = dir.appendingPathComponent("page.pdf").path
            return ["--print-to-pdf=\(pdfPath)"]
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        guard let data = FileManager.default.contents(atPath: pdfPath) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let r = text.range(of: "/MediaBox [") else { return nil }
        let numbers = text[r.upperBound...].prefix(60).split(whereSeparator: { $0 == " " || $0 == "]" })
            .prefix(4).compactMap { Double($0) }
        guard numbers.count == 4 else { return nil }
        return (numbers[2] - numbers[0], numbers[3] - numbers[1])
    }
}
