/// Unit screening by data availability (COINr `Screen`, `unit_screen = "byNA"` or with non-zero check).
public enum Screener {
    /// One record per unit of `table`.
    public static func screen(_ table: Table, spec: PipelineSpec.Screen) -> [ScreenRecord] {
        let k = Double(table.columns.count)
        return table.units.indices.map { u in
            var missing = 0, zeros = 0
            for col in table.values { if col[u].isNaN { missing += 1 } else if col[u] == 0 { zeros += 1 } }
            let avail = 1 - Double(missing) / k
            let nonZero = 1 - Double(zeros) / k
            var keep = avail >= spec.minAvailability
            if let nz = spec.minNonZero, nonZero < nz { keep = false }
            return ScreenRecord(
                unit: table.units[u], missing: missing, zeros: zeros, availability: avail,
                nonZero: nonZero, included: keep)
        }
    }
}
