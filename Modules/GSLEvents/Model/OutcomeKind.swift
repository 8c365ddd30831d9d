import GSLCore

/// What an event produced, in the federation's ledger of results.
public enum OutcomeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 签约: a signed agreement.
    case agreement
    /// 意向: a letter of intent.
    case intent
    /// 授信: a credit line granted by a bank.
    case credit
    /// 采购: a procurement deal.
    case procurement

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .agreement: Message("签约", en: "agreement")
        case .intent: Message("意向", en: "intent")
        case .credit: Message("授信", en: "credit line")
        case .procurement: Message("采购", en: "procurement")
        }
    }

    /// The kind whose code, Chinese or English name is `text`.
    public static func parse(_ text: String) throws(GSLError) -> OutcomeKind {
        try EventsEnum.parse(text, allCases, what: Message("成果类型", en: "outcome kind")) { $0.label }
    }
}
