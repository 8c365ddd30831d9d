/// Whether a total is minimised or maximised.
public enum ObjectiveSense: String, Codable, Sendable, CaseIterable {
    /// The smallest total.
    case minimise
    /// The largest total.
    case maximise
}
