import GSLCore

/// One follow-through step with its details.
public enum MatchAction: Sendable, Hashable {
    /// 对接.
    case introduce
    /// 洽谈.
    case negotiate
    /// 成交: the amount (project value, credit granted), and for talent the hires and salary band.
    case deal(amount: Money?, hires: Int?, salaryBand: String?)
    /// 未成, with the reason.
    case fail(reason: String)

    /// The step kind.
    public var step: MatchStep {
        switch self {
        case .introduce: .introduce
        case .negotiate: .negotiate
        case .deal: .deal
        case .fail: .fail
        }
    }

    /// Refuses a deal without its outcome (an amount, or hires for talent and training) and a
    /// failure without a reason.
    public func validate(kind: PostingKind) throws(GSLError) {
        switch self {
        case .deal(let amount, let hires, _):
            if let hires, hires < 1 {
                throw GSLError.data("录用人数应为正整数：\(hires)", en: "hires must be at least 1: \(hires)")
                    .because(.matchingStepInvalid)
            }
            if let amount, amount.fen <= 0 {
                throw GSLError.data(
                    "成交金额应为正数：\(amount.formatted())", en: "the deal amount must be positive"
                )
                .because(.matchingStepInvalid)
            }
            if kind == .talent || kind == .training {
                guard hires != nil || amount != nil else {
                    throw GSLError.data(
                        "人才/培训成交须有录用人数或金额", en: "a talent or training deal needs hires or an amount"
                    ).because(.matchingStepInvalid)
                }
            } else if amount == nil {
                throw GSLError.data("成交须有金额", en: "a deal needs an amount").because(.matchingStepInvalid)
            }
        case .fail(let reason):
            guard !TextNormaliser.collapseSpaces(reason).isEmpty else {
                throw GSLError.data("未成须说明原因", en: "a failure needs a reason").because(.matchingStepInvalid)
            }
        case .introduce, .negotiate:
            break
        }
    }
}
