import GSLTabular

/// Rates (三率, coverage): tables show percentages rounded to 0.01 under a "%" title, for reading;
/// csv, json and ndjson carry the fractions 0–1 themselves at full precision, so that a
/// spreadsheet computes with the exact value and the JSON never changes with rounding.
enum RatePresenter {
    /// The column: `key` in JSON; the title with "%" in tables, without it in csv.
    static func column(_ key: String, _ zh: String, _ en: String, _ out: Output) -> Column {
        let table = out.format == .table
        return Column(
            key, title: table ? out.t("\(zh)%", "\(en) %") : out.t(zh, en), alignRight: true)
    }

    /// The cell maker for `out`: a percentage to 0.01 in tables, the fraction elsewhere.
    static func cell(_ out: Output) -> (Double?) -> Cell {
        let table = out.format == .table
        return { x in
            guard let x else { return .null }
            return table ? .double((x * 10_000).rounded() / 100) : .double(x)
        }
    }
}
