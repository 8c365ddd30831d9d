import Foundation
import GSLCore

/// Puts one indicator column on a common scale.
public enum Normaliser {
    /// Normalises column `x` of indicator `code` (direction and transform from `spec`).
    public static func normalise(
        _ x: [Double], code: String, indicator: IndicatorSpec, method: NormaliseMethod,
        options o: PipelineSpec.Normalise
    ) throws(GSLError) -> [Double] {
        let dir = Double(indicator.direction)
        let logT = indicator.transform == "log"
        func tr(_ v: Double) -> Double { logT ? Foundation.log(v) : v }
        if logT, x.contains(where: { !$0.isNaN && $0 <= 0 }) {
            throw .data(
                "对数变换要求正值：\(code)", en: "log transform needs positive values: \(code)",
                at: SourceLocation(field: code))
        }
        let v = x.map { $0.isNaN ? .nan : tr($0) }
        let p = Stat.present(v)
        guard !p.isEmpty else {
            throw GSLError.data(
                "指标全部缺失：\(code)", en: "indicator has no values: \(code)", at: SourceLocation(field: code)
            ).because(.indicatorHasNoValues)
        }
        switch method {
        case .minMax, .distanceToMax:
            let d = v.map { $0 * dir }
            let pd = Stat.present(d)
            let lo = pd.min()!, hi = pd.max()!
            if hi == lo {
                throw GSLError.data(
                    "指标无变异，无法最小-最大标准化：\(code)",
                    en: "zero-variance indicator under min-max: \(code)", at: SourceLocation(field: code)
                ).because(.zeroVariance)
            }
            let (l, u) = method == .minMax ? (o.low, o.high) : (0, 1)
            return d.map { ($0 - lo) / (hi - lo) * (u - l) + l }
        case .zScore:
            let d = v.map { $0 * dir }
            let m = Stat.mean(d), s = Stat.sd(d)
            if !(s > 0) {
                throw GSLError.data(
                    "指标无变异，无法标准化：\(code)", en: "zero-variance indicator under z-score: \(code)",
                    at: SourceLocation(field: code)
                ).because(.zeroVariance)
            }
            return d.map { ($0 - m) / s * o.sd + o.mean }
        case .goalposts:
            var lo: Double, hi: Double
            if let g = indicator.goalposts {
                lo = tr(g[0]); hi = tr(g[1])
            } else if let u = indicator.unacceptable, let s = indicator.satisfactory {
                lo = tr(min(u, s)); hi = tr(max(u, s))
            } else {
                throw .data(
                    "缺少目标值（goalposts）：\(code)", en: "no goalposts for \(code)",
                    at: SourceLocation(field: code))
            }
            if dir < 0 { swap(&lo, &hi) }
            return v.map { a in
                var r = (a - lo) / (hi - lo)
                if o.truncate { r = min(max(r, 0), 1) }
                return r * o.high
            }
        case .efficacy:
            var bad: Double, good: Double
            if let u = indicator.unacceptable, let s = indicator.satisfactory {
                bad = tr(u); good = tr(s)
            } else if let g = indicator.goalposts {
                (bad, good) = dir > 0 ? (tr(g[0]), tr(g[1])) : (tr(g[1]), tr(g[0]))
            } else {
                throw .data(
                    "缺少满意值/不允许值：\(code)", en: "no satisfactory/unacceptable values for \(code)",
                    at: SourceLocation(field: code))
            }
            return v.map { a in
                var d = (a - bad) / (good - bad) * 40 + 60
                if o.truncate { d = min(d, 100) }
                return d
            }
        case .distanceToTarget:
            guard let t0 = indicator.target else {
                throw .data(
                    "缺少目标值 target：\(code)", en: "no target for \(code)", at: SourceLocation(field: code))
            }
            let d = v.map { $0 * dir }
            let t = tr(t0) * dir
            let lo = Stat.present(d).min()!
            if t == lo {
                throw .data(
                    "目标值等于最小值：\(code)", en: "target equals the minimum: \(code)",
                    at: SourceLocation(field: code))
            }
            return d.map { x in
                if x.isNaN { return .nan }
                let r = (x - lo) / (t - lo)
                return o.truncate ? min(r, 1) : r
            }
        case .fractionOfMax:
            let d = v.map { $0 * dir }
            let hi = Stat.present(d).max()!
            return d.map { $0 / hi }
        case .rank:
            return Stat.rankMin(v.map { $0 * dir }, descending: false)
        case .borda:
            return Stat.rankMin(v.map { $0 * dir }, descending: false).map { $0 - 1 }
        case .percentileRank:
            let r = Stat.rankMin(v.map { $0 * dir }, descending: false)
            let n = Double(p.count)
            return r.map { n > 1 ? ($0 - 1) / (n - 1) : 1 }
        case .scaled:
            if o.high == o.low {
                throw .data(
                    "缩放区间为零：\(code)", en: "scaled bounds are equal: \(code)", at: SourceLocation(field: code))
            }
            return v.map { ($0 * dir - o.low) / (o.high - o.low) * 100 }
        }
    }
}
