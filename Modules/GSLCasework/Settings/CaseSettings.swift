import Foundation
import GSLCore

/// The federation's own casework settings, stored in the database: category taxonomy, SLA policies,
/// 三率 weights, reopen window and escalation thresholds. Absent parts keep the defaults.
public struct CaseSettings: Sendable, Codable, Equatable {
    /// Request categories.
    public var taxonomy: CaseTaxonomy?
    /// SLA policies by category and priority.
    public var policies: SLAPolicySet?
    /// 三率 weights and the credit of 基本满意.
    public var weights: RateWeights?
    /// The reopen window.
    public var rules: WorkflowRules?
    /// Share of the time after which a request is flagged (default 0.75).
    public var warningShare: Double?
    /// Working days overdue after which L3 (通报) applies (default 5).
    public var l3AfterOverdueWorkdays: Int?

    /// Settings with every part given or defaulted.
    public init(
        taxonomy: CaseTaxonomy? = nil, policies: SLAPolicySet? = nil, weights: RateWeights? = nil,
        rules: WorkflowRules? = nil, warningShare: Double? = nil, l3AfterOverdueWorkdays: Int? = nil
    ) {
        self.taxonomy = taxonomy
        self.policies = policies
        self.weights = weights
        self.rules = rules
        self.warningShare = warningShare
        self.l3AfterOverdueWorkdays = l3AfterOverdueWorkdays
    }

    /// The defaults, spelled out (what `gsl case config show` prints on a fresh store).
    public static let standard = CaseSettings(
        taxonomy: .standard, policies: .standard, weights: .standard, rules: .standard, warningShare: 0.75,
        l3AfterOverdueWorkdays: 5)

    /// The SLA clock these settings describe.
    public var clock: SLAClock {
        SLAClock(warningShare: warningShare ?? 0.75, l3AfterOverdueWorkdays: l3AfterOverdueWorkdays ?? 5)
    }

    /// Parses and checks settings JSON.
    public static func parse(_ text: String, file: String) throws(GSLError) -> CaseSettings {
        // Strict: an unknown or misspelt key is refused with its line and a suggestion.
        let root = try ConfigJSON.parse(text, file: file)
        let settings = try ConfigDecoder.decode(CaseSettings.self, from: root, file: file)
        try settings.taxonomy?.validate()
        // A value out of range is refused at its key's line and column.
        func at(_ key: String) -> SourceLocation {
            root[key]?.location(file: file, field: key) ?? SourceLocation(file: file, field: key)
        }
        if let share = settings.warningShare, !(share > 0 && share < 1) {
            throw GSLError.data(
                "预警比例应在 0 与 1 之间：\(share)", en: "warningShare must be between 0 and 1: \(share)",
                at: at("warningShare")
            ).because(.caseSettingsInvalid)
        }
        if let l3 = settings.l3AfterOverdueWorkdays, l3 < 1 {
            throw GSLError.data(
                "通报阈值应为正整数：\(l3)", en: "l3AfterOverdueWorkdays must be positive: \(l3)",
                at: at("l3AfterOverdueWorkdays")
            ).because(.caseSettingsInvalid)
        }
        return settings
    }

    /// The settings as sorted, pretty JSON.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }
}
