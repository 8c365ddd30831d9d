/// The transform used when winsorising is not enough.
public enum TreatFallback: String, Sendable, Codable, CaseIterable {
    /// COINr `log_CT`: log(x − min + 0.01·(max − min)) on the original values.
    case log
    /// Box-Cox with λ on values shifted to be positive (x − min + 1).
    case boxCox
    /// Keep the winsorised values.
    case none
}
