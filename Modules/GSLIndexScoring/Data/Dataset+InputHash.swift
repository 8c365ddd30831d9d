import GSLCore

extension Dataset {
    /// SHA-256 of the data one pipeline run reads: the unit list (in order), the values of `period`,
    /// and the group labels; with a panel imputation (`panelLatest`, `panelLinear`), which reads
    /// other periods, the values of every period. A change to another period's values therefore
    /// leaves the hash of a run that does not read them unchanged.
    public func inputHash(period: String, spec: PipelineSpec) -> String {
        let panel: Bool
        switch spec.impute?.method {
        case .panelLatest?, .panelLinear?: panel = true
        default: panel = false
        }
        var lines = ["period|\(period)"]
        lines += units.enumerated().map { "unit|\($0.offset)|\($0.element)" }
        for (key, value) in values where panel || key.period == period {
            lines.append("value|\(key.unit)|\(key.period)|\(key.variable)|\(value)")
        }
        for (g, m) in groups { for (u, l) in m { lines.append("group|\(g)|\(u)|\(l)") } }
        return SHA256.hex(lines.sorted().joined(separator: "\n"))
    }
}
