import GSLCore

/// A posting as typed or imported, before its organisation is resolved; `validated()` checks what
/// can be checked without the store.
public struct NewPosting: Sendable, Hashable {
    /// External reference, optional.
    public var ref: String?
    /// Demand or supply.
    public var side: PostingSide
    /// The kind.
    public var kind: PostingKind
    /// The organisation as typed (id, USCC or exact name).
    public var organisation: String
    /// The title.
    public var title: String
    /// The description.
    public var text: String
    /// Industry code as typed (any accepted form), nil for the organisation's.
    public var industry: String?
    /// Division code as typed, nil for the organisation's.
    public var region: String?
    /// The amount.
    public var amount: Money?
    /// The least amount offered.
    public var amountMin: Money?
    /// The largest amount offered.
    public var amountMax: Money?
    /// Annual rate in basis points.
    public var rateBP: Int?
    /// Size classes accepted.
    public var eligibleSizes: [EnterpriseSize]
    /// Industry codes excluded (canonicalised by `validated()`).
    public var excludedIndustries: [String]
    /// Majors.
    public var majors: [String]
    /// Capacity (≥ 1).
    public var capacity: Int
    /// 定制班.
    public var customised: Bool
    /// Last valid day.
    public var deadline: LocalDate?
    /// The day posted.
    public var postedOn: LocalDate

    /// A new posting.
    public init(
        ref: String? = nil, side: PostingSide, kind: PostingKind, organisation: String, title: String,
        text: String = "", industry: String? = nil, region: String? = nil, amount: Money? = nil,
        amountMin: Money? = nil, amountMax: Money? = nil, rateBP: Int? = nil,
        eligibleSizes: [EnterpriseSize] = [],
        excludedIndustries: [String] = [], majors: [String] = [], capacity: Int = 1, customised: Bool = false,
        deadline: LocalDate? = nil, postedOn: LocalDate
    ) {
        self.ref = ref
        self.side = side
        self.kind = kind
        self.organisation = organisation
        self.title = title
        self.text = text
        self.industry = industry
        self.region = region
        self.amount = amount
        self.amountMin = amountMin
        self.amountMax = amountMax
        self.rateBP = rateBP
        self.eligibleSizes = eligibleSizes
        self.excludedIndustries = excludedIndustries
        self.majors = majors
        self.capacity = capacity
        self.customised = customised
        self.deadline = deadline
        self.postedOn = postedOn
    }

    /// The posting with spaces collapsed and industry codes canonical; refuses an empty title, an
    /// upside-down amount range, a capacity below 1, an unknown industry code or a deadline before
    /// the posting day. Errors name the field.
    public func validated() throws(GSLError) -> NewPosting {
        var out = self
        out.title = TextNormaliser.collapseSpaces(title)
        out.text = TextNormaliser.collapseSpaces(text)
        out.ref = ref.map(TextNormaliser.collapseSpaces).flatMap { $0.isEmpty ? nil : $0 }
        guard !out.title.isEmpty else {
            throw GSLError.data("标题不能为空", en: "the title is empty", at: SourceLocation(field: "title"))
                .because(.valueRequired)
        }
        if let low = amountMin, let high = amountMax, low > high {
            throw GSLError.data(
                "金额区间上下颠倒：下限 \(low.formatted()) 高于上限 \(high.formatted())",
                en:
                    "amount range upside down: minimum \(low.formatted(lang: .en)) above maximum \(high.formatted(lang: .en))",
                at: SourceLocation(field: "amount_min")
            ).because(.matchingAmountRange)
        }
        for (value, field) in [(amount, "amount"), (amountMin, "amount_min"), (amountMax, "amount_max")] {
            if let value, value.fen < 0 {
                throw GSLError.data(
                    "金额不能为负：\(value.formatted())", en: "negative amount: \(value.formatted(lang: .en))",
                    at: SourceLocation(field: field)
                ).because(.matchingPostingInvalid)
            }
        }
        guard capacity >= 1 else {
            throw GSLError.data(
                "容量应为正整数：\(capacity)", en: "capacity must be at least 1: \(capacity)",
                at: SourceLocation(field: "capacity")
            ).because(.matchingPostingInvalid)
        }
        if let rateBP, rateBP < 0 || rateBP > 10_000 {
            throw GSLError.data(
                "利率超出范围：\(rateBP) 基点", en: "rate out of range: \(rateBP) basis points",
                at: SourceLocation(field: "rate")
            ).because(.matchingPostingInvalid)
        }
        if let deadline, deadline < postedOn {
            throw GSLError.data(
                "截止日 \(deadline.iso) 早于发布日 \(postedOn.iso)",
                en: "deadline \(deadline.iso) is before the posting day \(postedOn.iso)",
                at: SourceLocation(field: "deadline")
            ).because(.matchingPostingInvalid)
        }
        if let industry {
            out.industry = try Self.industryCode(industry, field: "industry")
        }
        out.excludedIndustries = try excludedIndustries.map { (code: String) throws(GSLError) in
            try Self.industryCode(code, field: "exclude_industries")
        }
        out.majors = majors.map(TextNormaliser.collapseSpaces).filter { !$0.isEmpty }
        return out
    }

    /// The canonical GB/T 4754 code of `text`, or a data error naming `field`.
    public static func industryCode(_ text: String, field: String) throws(GSLError) -> String {
        guard let code = IndustryCatalog.standard.canonicalCode(text) else {
            throw GSLError.data(
                "未知的行业代码“\(text)”（GB/T 4754-2017）", en: "unknown industry code '\(text)' (GB/T 4754-2017)",
                at: SourceLocation(field: field)
            ).because(.matchingPostingInvalid)
        }
        return code
    }

    /// Size classes from a list such as `小型,微型` or `small micro`.
    public static func sizes(_ text: String) throws(GSLError) -> [EnterpriseSize] {
        var out: [EnterpriseSize] = []
        for part in Self.list(text) {
            guard let size = EnterpriseSize.parse(part) else {
                throw GSLError.data(
                    "未知的企业规模“\(part)”；可用：大型、中型、小型、微型",
                    en: "unknown size class '\(part)'; known: large, medium, small, micro",
                    at: SourceLocation(field: "sizes")
                ).because(.matchingPostingInvalid)
            }
            if !out.contains(size) { out.append(size) }
        }
        return out
    }

    /// The items of a list separated by commas (any width), 、, ; or spaces.
    public static func list(_ text: String) -> [String] {
        TextNormaliser.halfWidth(text).split(whereSeparator: { ",;、 ，；".contains($0) }).map(String.init)
            .filter { !$0.isEmpty }
    }

    /// A rate typed as `3.45`, `3.45%` or `345bp`, in basis points.
    public static func rate(_ text: String) throws(GSLError) -> Int {
        var t = TextNormaliser.halfWidth(text).trimmingCharacters(in: .whitespaces).lowercased()
        var scale = 100.0
        if t.hasSuffix("bp") {
            t.removeLast(2)
            scale = 1
        } else if t.hasSuffix("%") {
            t.removeLast()
        }
        guard let value = Double(t), value.isFinite, value >= 0 else {
            throw GSLError.data(
                "利率应为百分数，如 3.45% ：“\(text)”", en: "a rate is a percentage such as 3.45%: '\(text)'",
                at: SourceLocation(field: "rate")
            ).because(.matchingPostingInvalid)
        }
        return Int((value * scale).rounded())
    }
}
