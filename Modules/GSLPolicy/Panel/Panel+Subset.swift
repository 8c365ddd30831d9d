import GSLCore

extension Panel {
    /// The panel with only the observations of `keep` (firm numbers); firm numbering, cohorts and
    /// covariates stay as they are.
    public func keeping(firms keep: Set<Int>) -> Panel {
        var copy = self
        let chosen = (0..<count).filter { keep.contains(firm[$0]) }
        copy.firm = chosen.map { firm[$0] }
        copy.period = chosen.map { period[$0] }
        copy.outcome = chosen.map { outcome[$0] }
        return copy
    }
}
