import Foundation
import GSLCore

/// Seeded synthetic data for demonstrations, tests and benchmarks (no real statistics).
public enum SyntheticData {
    /// Ningbo's 10 county-level units (GB/T 2260 codes, 2023).
    public static let ningboCounties: [(code: String, name: String)] = [
        ("330203", "海曙区"), ("330205", "江北区"), ("330206", "北仑区"), ("330211", "镇海区"), ("330212", "鄞州区"),
        ("330213", "奉化区"), ("330225", "象山县"), ("330226", "宁海县"), ("330281", "余姚市"), ("330282", "慈溪市"),
    ]

    /// Standard normal draw (Box–Muller).
    static func normal(_ g: inout SeededGenerator) -> Double {
        let u1 = max(g.uniform(), 1e-300), u2 = g.uniform()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// Indicator values for Ningbo's 10 counties over `periods` (default 2019–2023) for every indicator of
    /// `framework`: each county has a persistent level, each year a small improvement, plus noise; values
    /// centre between the indicator's 不允许值 and 满意值 (or goalposts) and stay on the indicator's side of zero.
    public static func ningbo(
        framework: Framework, seed: UInt64 = 2025,
        periods: [String] = ["2019", "2020", "2021", "2022", "2023"]
    ) -> Dataset {
        var g = SeededGenerator(seed: seed)
        var data = Dataset()
        let units = ningboCounties
        let levels = units.map { _ in normal(&g) }
        for (code, name) in units { data.addUnit(code); data.unitNames[code] = name }
        data.groups["kind"] = Dictionary(
            uniqueKeysWithValues: units.map {
                ($0.code, $0.code.hasPrefix("33028") ? "县级市" : ($0.code.hasPrefix("33022") ? "县" : "市辖区"))
            })
        for code in framework.indicatorCodes {
            let ind = framework.node(code)!.indicator!
            var bad = ind.unacceptable ?? ind.goalposts?[0] ?? 0
            var good = ind.satisfactory ?? ind.goalposts?[1] ?? 100
            if ind.unacceptable == nil && ind.direction < 0 { swap(&bad, &good) }
            let span = good - bad
            let sensitivity = 0.5 + g.uniform()
            for (t, period) in periods.enumerated() {
                for (u, (unit, _)) in units.enumerated() {
                    let z = 0.35 * levels[u] * sensitivity + 0.06 * Double(t) + 0.15 * normal(&g)
                    var x = bad + span * (0.55 + 0.25 * z)
                    if min(bad, good) >= 0 { x = max(x, 0) }
                    data.set(unit: unit, period: period, variable: code, value: (x * 100).rounded() / 100)
                }
            }
        }
        return data
    }

    /// A flat two-level framework: `groups` dimensions of `indicators / groups` indicators each, equal weights.
    public static func framework(indicators: Int, groups: Int) -> Framework {
        var nodes = [IndexNode(code: "Index", nameZh: "综合指数", nameEn: "Index")]
        for gIdx in 0..<groups {
            nodes.append(
                IndexNode(
                    code: "D\(gIdx + 1)", nameZh: "维度\(gIdx + 1)", nameEn: "Dimension \(gIdx + 1)",
                    parent: "Index"))
        }
        for i in 0..<indicators {
            nodes.append(
                IndexNode(
                    code: "I\(i + 1)", nameZh: "指标\(i + 1)", nameEn: "Indicator \(i + 1)",
                    parent: "D\(i % groups + 1)", indicator: IndicatorSpec(direction: i % 7 == 3 ? -1 : 1)))
        }
        // Valid by construction.
        return try! Framework(
            id: "synthetic", version: "\(indicators)x\(groups)", nameZh: "合成指数", nameEn: "Synthetic index",
            illustrative: true, nodes: nodes)
    }

    /// Log-normal-ish values for `units` units on every indicator of `framework`, one period, seeded;
    /// `missingRate` of cells left missing.
    public static func panel(
        framework: Framework, units: Int, seed: UInt64, missingRate: Double = 0,
        period: String = "2023"
    ) -> Dataset {
        var g = SeededGenerator(seed: seed)
        var data = Dataset()
        let width = String(units).count
        let names = (0..<units).map {
            "U" + String(repeating: "0", count: max(0, width - String($0 + 1).count)) + String($0 + 1)
        }
        let latent = names.map { _ in normal(&g) }
        for code in framework.indicatorCodes {
            let load = 0.3 + 0.6 * g.uniform()
            let skewed = g.uniform() < 0.2
            for (u, name) in names.enumerated() {
                if missingRate > 0 && g.uniform() < missingRate { data.addUnit(name); continue }
                let z = load * latent[u] + (1 - load * load).squareRoot() * normal(&g)
                data.set(
                    unit: name, period: period, variable: code,
                    value: skewed ? Foundation.exp(1.2 * z) : 50 + 10 * z)
            }
        }
        return data
    }
}
