import ArgumentParser

/// An enumerated option value that is accepted in any case and with or without `-`/`_`
/// (`minMax`, `minmax`, `min-max`, `MIN_MAX`), as people type them.
protocol LenientArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension LenientArgument {
    public init?(argument: String) {
        let key = Self.folded(argument)
        guard let match = Self.allCases.first(where: { Self.folded($0.rawValue) == key }) else { return nil }
        self = match
    }

    /// Lower case without separators.
    static func folded(_ text: String) -> String {
        String(text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
    }
}
