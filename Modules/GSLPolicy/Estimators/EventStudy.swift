import GSLCore

/// The event study: TWFE with one dummy per event time `e = year − first treated year` of the
/// treated firms, the year before adoption (`e = −1`) left out as the reference, and a joint Wald
/// test that every lead (`e ≤ −2`) is zero — the pre-trend test.
public struct EventStudy: Sendable {
    /// The event times estimated, ascending (−1 not among them).
    public let eventTimes: [Int]
    /// One coefficient per event time, named `e=…`.
    public let coefficients: [Coefficient]
    /// The joint test of the leads; nil when there are none.
    public let preTrend: WaldTest?
    /// The regression.
    public let fit: TwoWayFixedEffects.Fit

    /// Estimates the event study; event times outside `window` are binned into its ends.
    public init(_ panel: Panel, convention: SmallSample, window: ClosedRange<Int>? = nil) throws(GSLError) {
        try panel.requireCohortsInside()
        if let window, !window.contains(-1) || window.lowerBound > -2 && window.upperBound < 0 {
            throw GSLError.data(
                "事件窗口须包含 −1 和至少一个其他时点", en: "the event window must contain −1 and another event time"
            ).because(.policyOptionInvalid)
        }
        var relative = [Int?](repeating: nil, count: panel.count)
        for k in 0..<panel.count {
            guard let g = panel.cohort[panel.firm[k]] else { continue }
            var e = panel.years[panel.period[k]] - g
            if let window { e = min(max(e, window.lowerBound), window.upperBound) }
            relative[k] = e
        }
        let times = Set(relative.compactMap { $0 })
        guard times.contains(-1) else {
            throw GSLError.data(
                "处理组在政策前一年（e = −1）没有观测，无法作为参照期",
                en:
                    "the treated firms have no observation in the year before adoption (e = −1), the reference period"
            ).because(.policyInsufficientData)
        }
        guard panel.cohort.contains(where: { $0 == nil }) else {
            throw GSLError.data(
                "事件研究需要从未受政策的对照企业", en: "the event study needs never-treated comparison firms"
            ).because(.policySingularDesign)
        }
        let estimated = times.filter { $0 != -1 }.sorted()
        let position = Dictionary(
            uniqueKeysWithValues: estimated.enumerated().map { ($0.element, $0.offset) })
        var columns = [[Double]](
            repeating: [Double](repeating: 0, count: panel.count), count: estimated.count)
        for k in 0..<panel.count {
            if let e = relative[k], let j = position[e] { columns[j][k] = 1 }
        }
        let names = estimated.map { "e=\($0)" }
        let fit = try TwoWayFixedEffects.fit(panel, names: names, regressors: columns, convention: convention)
        let leads = estimated.indices.filter { estimated[$0] <= -2 }
        eventTimes = estimated
        coefficients = fit.ols.coefficients
        preTrend = leads.isEmpty ? nil : try fit.ols.wald(leads)
        self.fit = fit
    }
}
