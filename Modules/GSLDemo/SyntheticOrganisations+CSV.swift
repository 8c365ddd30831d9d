import GSLTabular

extension SyntheticOrganisations {
    /// Writes the header and rows `0..<count` for `seed` as CSV through GSLTabular's renderer
    /// (RFC 4180 quoting, quoted line breaks, spreadsheet formulas defused), piece by piece.
    /// `progress` hears the index of each row before it is written.
    public func writeCSV(
        count: Int, seed: UInt64, progress: ((Int) -> Void)? = nil, to sink: (String) -> Void
    ) {
        let rows = (0..<max(count, 0)).lazy.map { index -> [Cell] in
            progress?(index)
            return row(index, seed: seed).map(Cell.text)
        }
        TableRenderer.write(
            columns: Self.header.map { Column($0) }, rows: rows, format: .csv, options: RenderOptions(),
            to: sink)
    }

    /// The header and rows `0..<count` for `seed` as one CSV text.
    public func csv(count: Int, seed: UInt64) -> String {
        var text = ""
        writeCSV(count: count, seed: seed) { text += $0 }
        return text
    }
}
