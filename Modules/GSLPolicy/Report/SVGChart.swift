import Foundation

/// Small self-contained SVG line charts for the trend of means and the event-study plot.
public enum SVGChart {
    /// A series: label, colour and points (x, y, optional interval).
    public struct Series: Sendable {
        /// Legend label.
        public var label: String
        /// Stroke colour.
        public var colour: String
        /// Points: x, y, and an interval (low, high) drawn as a whisker when given.
        public var points: [(x: Double, y: Double, low: Double?, high: Double?)]

        /// A series.
        public init(
            label: String, colour: String, points: [(x: Double, y: Double, low: Double?, high: Double?)]
        ) {
            self.label = label
            self.colour = colour
            self.points = points
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func number(_ v: Double) -> String { String(format: "%.1f", v) }

    static func tick(_ v: Double) -> String {
        abs(v) >= 1000
            ? String(format: "%.0f", v) : abs(v) >= 10 ? String(format: "%.1f", v) : String(format: "%.2f", v)
    }

    /// A line chart of `series` with a horizontal line at `zero` when given and a dashed vertical
    /// line at `marker` when given.
    public static func lines(
        title: String, xLabel: String, yLabel: String, series: [Series], zero: Bool = false,
        marker: Double? = nil
    ) -> String {
        let width = 640.0, height = 360.0, left = 70.0, right = 20.0, top = 40.0, bottom = 50.0
        let xs = series.flatMap { $0.points.map(\.x) }
        var ys = series.flatMap { s in s.points.flatMap { [$0.y] + [$0.low, $0.high].compactMap { $0 } } }
        if zero { ys.append(0) }
        let xMin = xs.min() ?? 0, xMax = max(xs.max() ?? 1, (xs.min() ?? 0) + 1)
        var yMin = ys.min() ?? 0, yMax = ys.max() ?? 1
        if yMax - yMin < 1e-12 { yMin -= 1; yMax += 1 }
        let pad = (yMax - yMin) * 0.08
        yMin -= pad
        yMax += pad
        func px(_ x: Double) -> Double { left + (x - xMin) / (xMax - xMin) * (width - left - right) }
        func py(_ y: Double) -> Double { top + (yMax - y) / (yMax - yMin) * (height - top - bottom) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(number(width / 2))" y="22" text-anchor="middle" font-size="15">\(escape(title))</text>

            """
        // Axes and ticks.
        svg +=
            "<line x1=\"\(number(left))\" y1=\"\(number(height - bottom))\" x2=\"\(number(width - right))\" y2=\"\(number(height - bottom))\" stroke=\"#333\"/>\n"
        svg +=
            "<line x1=\"\(number(left))\" y1=\"\(number(top))\" x2=\"\(number(left))\" y2=\"\(number(height - bottom))\" stroke=\"#333\"/>\n"
        for x in Set(xs).sorted() {
            svg +=
                "<text x=\"\(number(px(x)))\" y=\"\(number(height - bottom + 18))\" text-anchor=\"middle\">\(Int(x))</text>\n"
        }
        for i in 0...4 {
            let y = yMin + (yMax - yMin) * Double(i) / 4
            svg +=
                "<line x1=\"\(number(left - 4))\" y1=\"\(number(py(y)))\" x2=\"\(number(width - right))\" y2=\"\(number(py(y)))\" stroke=\"#eee\"/>\n"
            svg +=
                "<text x=\"\(number(left - 8))\" y=\"\(number(py(y) + 4))\" text-anchor=\"end\">\(tick(y))</text>\n"
        }
        svg +=
            "<text x=\"\(number(width / 2))\" y=\"\(number(height - 12))\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        svg +=
            "<text x=\"16\" y=\"\(number(height / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(number(height / 2)))\">\(escape(yLabel))</text>\n"
        if zero, yMin < 0, yMax > 0 {
            svg +=
                "<line x1=\"\(number(left))\" y1=\"\(number(py(0)))\" x2=\"\(number(width - right))\" y2=\"\(number(py(0)))\" stroke=\"#888\"/>\n"
        }
        if let marker {
            svg +=
                "<line x1=\"\(number(px(marker)))\" y1=\"\(number(top))\" x2=\"\(number(px(marker)))\" y2=\"\(number(height - bottom))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>\n"
        }
        for (k, s) in series.enumerated() {
            let path = s.points.map { "\(number(px($0.x))),\(number(py($0.y)))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(s.colour)\" stroke-width=\"2\" points=\"\(path)\"/>\n"
            for p in s.points {
                svg +=
                    "<circle cx=\"\(number(px(p.x)))\" cy=\"\(number(py(p.y)))\" r=\"3\" fill=\"\(s.colour)\"/>\n"
                if let lo = p.low, let hi = p.high {
                    svg +=
                        "<line x1=\"\(number(px(p.x)))\" y1=\"\(number(py(lo)))\" x2=\"\(number(px(p.x)))\" y2=\"\(number(py(hi)))\" stroke=\"\(s.colour)\"/>\n"
                }
            }
            let ly = top + 4 + Double(k) * 16
            svg +=
                "<line x1=\"\(number(width - right - 150))\" y1=\"\(number(ly))\" x2=\"\(number(width - right - 130))\" y2=\"\(number(ly))\" stroke=\"\(s.colour)\" stroke-width=\"2\"/>\n"
            svg +=
                "<text x=\"\(number(width - right - 125))\" y=\"\(number(ly + 4))\">\(escape(s.label))</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}
