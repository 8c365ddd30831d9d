import Foundation

/// Outlier treatment by COINr's default rule.
public enum Treater {
    /// True when an indicator is within thresholds (COINr `check_SkewKurt`: |skew| < s OR kurt < k).
    static func passes(_ x: [Double], _ spec: PipelineSpec.Treat) -> Bool {
        let s = Stat.skew(x), k = Stat.kurt(x)
        if s.isNaN || k.isNaN { return true }
        return abs(s) < spec.skewThreshold || k < spec.kurtosisThreshold
    }

    /// COINr `log_CT`: log(x − min + 0.01·(max − min)).
    public static func logCT(_ x: [Double]) -> [Double] {
        let p = Stat.present(x)
        guard let lo = p.min(), let hi = p.max() else { return x }
        return x.map { $0.isNaN ? .nan : Foundation.log($0 - lo + 0.01 * (hi - lo)) }
    }

    /// Box-Cox with λ on x − min + 1 (λ = 0 gives the log).
    public static func boxCox(_ x: [Double], lambda: Double) -> [Double] {
        guard let lo = Stat.present(x).min() else { return x }
        return x.map { v in
            if v.isNaN { return .nan }
            let y = v - lo + 1
            return lambda == 0 ? Foundation.log(y) : (pow(y, lambda) - 1) / lambda
        }
    }

    /// Treats one column; returns the new column and its log record.
    public static func treat(_ x: [Double], code: String, units: [String], spec: PipelineSpec.Treat) -> (
        [Double], TreatmentRecord
    ) {
        let s0 = Stat.skew(x), k0 = Stat.kurt(x)
        var rec = TreatmentRecord(
            indicator: code, skewBefore: s0, kurtosisBefore: k0, passedBefore: passes(x, spec))
        if rec.passedBefore || spec.exclude.contains(code) { return (x, rec) }
        var w = x
        var n = 0
        var idxs: [Int] = []
        var sk = s0
        rec.highEnd = s0 > 0
        while n < spec.winmax {
            let present = w.indices.filter { !w[$0].isNaN }
            if sk > 0 {
                let m = present.map { w[$0] }.max()!
                let hit = present.filter { w[$0] == m }
                let rest = present.filter { w[$0] != m }.map { w[$0] }
                guard let next = rest.max() else { break }
                for i in hit { w[i] = next }
                idxs += hit
            } else {
                let m = present.map { w[$0] }.min()!
                let hit = present.filter { w[$0] == m }
                let rest = present.filter { w[$0] != m }.map { w[$0] }
                guard let next = rest.min() else { break }
                for i in hit { w[i] = next }
                idxs += hit
            }
            n += 1
            sk = Stat.skew(w)
            if passes(w, spec) { break }
        }
        rec.winsorised = n
        rec.winsorisedUnits = idxs.map { units[$0] }
        rec.skewAfter = Stat.skew(w)
        rec.kurtosisAfter = Stat.kurt(w)
        rec.passedAfter = passes(w, spec)
        if rec.passedAfter == true || spec.fallback == .none { return (w, rec) }
        switch spec.fallback {
        case .log: rec.fallback = "log"; return (logCT(x), rec)
        case .boxCox: rec.fallback = "boxCox"; return (boxCox(x, lambda: spec.lambda), rec)
        case .none: return (w, rec)
        }
    }
}
