import Foundation
import GRDB
import GSLCore
import GSLTabular

/// An organisation parsed and checked from text fields, before references (region by name, parent,
/// chamber) are resolved against the store.
public struct OrganisationDraft: Sendable, Equatable {
    /// Kind of organisation.
    public var kind: OrganisationKind
    /// Name.
    public var name: String
    /// Normalised USCC.
    public var uscc: String?
    /// Region as given: a code or a name (resolved by the repository).
    public var regionText: String?
    /// Industry code as normalised by the catalogue.
    public var industryCode: String?
    /// Section letter of the industry.
    public var industrySection: String?
    /// Size class, given or derived.
    public var size: EnterpriseSize?
    /// Employees.
    public var employees: Int?
    /// Revenue.
    public var revenue: Money?
    /// Total assets.
    public var assets: Money?
    /// Chamber type.
    public var chamberType: ChamberType?
    /// Parent organisation reference (id, USCC or name).
    public var parentRef: String?
    /// Established date (ISO).
    public var established: String?
    /// Address.
    public var address: String?
    /// Phone.
    public var phone: String?
    /// Legal representative.
    public var legalRep: String?
    /// Note.
    public var note: String?
    /// A chamber to join (import column 所属商会).
    public var chamberRef: String?
    /// Role in that chamber.
    public var role: String?

    /// The fields an organisation import understands, with Chinese and English header names.
    public static let fields: [FieldSpec] = [
        FieldSpec("name", aliases: ["名称", "企业名称", "单位名称", "组织名称", "商会名称", "机构名称"], required: true),
        FieldSpec("kind", aliases: ["类型", "组织类型", "类别", "type"]),
        FieldSpec("uscc", aliases: ["统一社会信用代码", "社会信用代码", "信用代码", "统一代码", "credit_code"]),
        FieldSpec("region", aliases: ["区划代码", "所在地区", "地区", "地区代码", "行政区划", "所属区县", "所在地", "region_code"]),
        FieldSpec("industry", aliases: ["行业代码", "行业", "所属行业", "国民经济行业代码", "industry_code"]),
        FieldSpec("size", aliases: ["规模", "企业规模"]),
        FieldSpec("employees", aliases: ["从业人员", "从业人数", "员工人数", "职工人数", "从业人员(人)"]),
        FieldSpec(
            "revenue", aliases: ["营业收入", "营收", "年营业收入", "营业收入(万元)", "营业收入(元)", "营业收入(亿元)", "revenue_yuan"]),
        FieldSpec("assets", aliases: ["资产总额", "总资产", "资产总额(万元)", "资产总额(元)", "资产总额(亿元)", "assets_yuan"]),
        FieldSpec("chamber_type", aliases: ["商会类型"]),
        FieldSpec("parent", aliases: ["上级", "上级单位", "主管单位", "parent_id"]),
        FieldSpec("established", aliases: ["成立日期", "成立时间", "注册日期"]),
        FieldSpec("address", aliases: ["地址", "注册地址", "住所", "经营地址"]),
        FieldSpec("phone", aliases: ["电话", "联系电话", "手机"]),
        FieldSpec("legal_rep", aliases: ["法定代表人", "法人代表", "法人"]),
        FieldSpec("note", aliases: ["备注", "说明"]),
        FieldSpec("chamber", aliases: ["所属商会", "商会"]),
        FieldSpec("role", aliases: ["职务", "会内职务", "商会职务"]),
    ]

    /// Parses and checks one record. `moneyScale` gives the unit of plain numbers per money field
    /// (1 for 元, 10,000 for a 万元 column).
    public static func parse(
        _ r: FieldReader, defaultKind: OrganisationKind?,
        moneyScale: [String: Int64] = [:]
    ) throws(GSLError) -> OrganisationDraft {
        try r.refuseControlCharacters(in: fields.map(\.key))
        let kindText = r.text("kind")
        var kind = defaultKind ?? .enterprise
        if let kindText {
            guard let k = OrganisationKind.parse(kindText) else {
                throw r.failure(
                    "kind",
                    "未知的组织类型「\(kindText)」（可选：\(OrganisationKind.allCases.map(\.chinese).joined(separator: "、"))）",
                    en:
                        "unknown organisation kind '\(kindText)' (one of: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")))"
                ).because(.storeUnknownValue)
            }
            kind = k
        }
        let name = try r.required("name", label: Message("名称", en: "name"))
        let uscc = try r.parse("uscc") { (t: String) throws(GSLError) in try USCC.validate(t) }
        if kind == .enterprise && uscc == nil {
            throw r.failure("uscc", "企业必须填写统一社会信用代码", en: "an enterprise needs a Unified Social Credit Code")
        }
        var industryCode: String?
        var section: String?
        if let text = r.text("industry") {
            let code = TextNormaliser.halfWidth(text).uppercased()
            guard let entry = IndustryCatalog.standard.lookup(code) else {
                throw r.failure(
                    "industry", "未知的国民经济行业代码「\(text)」（GB/T 4754-2017）",
                    en: "unknown industry code '\(text)' (GB/T 4754-2017)"
                ).because(.unknownIndustry)
            }
            industryCode = entry.code
            section = IndustryCatalog.standard.section(of: entry.code)?.code
        }
        let employees = try r.integer(
            "employees", label: Message("从业人员", en: "employees"), range: 0...10_000_000)
        let revenue = try money(
            r, "revenue", scale: moneyScale["revenue"] ?? 1, label: Message("营业收入", en: "revenue"))
        let assets = try money(
            r, "assets", scale: moneyScale["assets"] ?? 1, label: Message("资产总额", en: "assets"))
        var size: EnterpriseSize?
        if let text = r.text("size") {
            guard let s = EnterpriseSize.parse(text) else {
                throw r.failure(
                    "size", "未知的企业规模「\(text)」（大型、中型、小型、微型）",
                    en: "unknown size '\(text)' (large, medium, small, micro)"
                ).because(.storeUnknownValue)
            }
            size = s
        } else if kind == .enterprise, let industryCode, employees != nil || revenue != nil || assets != nil {
            size = try? SizeClassifier.size(
                industryCode: industryCode, employees: employees, revenue: revenue, assets: assets)
        }
        var chamberType: ChamberType?
        if let text = r.text("chamber_type") {
            guard let t = ChamberType.parse(text) else {
                throw r.failure(
                    "chamber_type", "未知的商会类型「\(text)」（直属、行业、异地、乡镇街道）",
                    en: "unknown chamber type '\(text)' (direct, industry, out_of_town, town_street)"
                ).because(.storeUnknownValue)
            }
            guard kind == .chamber else {
                throw r.failure("chamber_type", "只有商会才有商会类型", en: "only a chamber has a chamber type")
            }
            chamberType = t
        }
        let established = try r.parse("established") { (t: String) throws(GSLError) in
            try LocalDate.parse(t).iso
        }
        let phone = try r.parse("phone") { (t: String) throws(GSLError) -> String in
            try MaskedValue.refuse(t)
            let p = TextNormaliser.halfWidth(t)
            guard p.unicodeScalars.count >= 5,
                p.unicodeScalars.allSatisfy({
                    ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "-" || $0 == "+" || $0 == " " || $0 == "("
                        || $0 == ")" || $0 == "转"
                })
            else {
                throw GSLError.data("电话号码格式不对：「\(t)」", en: "malformed phone number '\(t)'")
                    .because(.invalidPhone)
            }
            return p
        }
        return OrganisationDraft(
            kind: kind, name: TextNormaliser.collapseSpaces(name), uscc: uscc,
            regionText: r.text("region").map(TextNormaliser.halfWidth),
            industryCode: industryCode, industrySection: section, size: size, employees: employees,
            revenue: revenue, assets: assets, chamberType: chamberType, parentRef: r.text("parent"),
            established: established, address: r.text("address"), phone: phone, legalRep: r.text("legal_rep"),
            note: r.text("note"), chamberRef: r.text("chamber"), role: r.text("role"))
    }

    static func money(_ r: FieldReader, _ key: String, scale: Int64, label: Message) throws(GSLError)
        -> Money?
    {
        try r.parse(key) { (t: String) throws(GSLError) -> Money in
            let m = try Money.parse(t)
            guard m.fen >= 0 else {
                throw GSLError.data(
                    "「\(label.zh)」不能为负数：\(t)", en: "'\(label.en)' cannot be negative: \(t)"
                ).because(.negativeValue)
            }
            let hasUnit = t.unicodeScalars.contains { $0 == "万" || $0 == "亿" || $0 == "元" }
            if scale == 1 || hasUnit { return m }
            let (product, overflow) = m.fen.multipliedReportingOverflow(by: scale)
            guard !overflow else {
                throw GSLError.data("「\(label.zh)」金额过大", en: "'\(label.en)' is too large")
            }
            return Money(fen: product)
        }
    }

    /// The unit of plain numbers in a money column, from its header: `营业收入（万元）` → 10,000.
    public static func moneyScale(header: String) -> Int64 {
        let h = TextNormaliser.halfWidth(header)
        if h.contains("亿元") { return 100_000_000 }
        if h.contains("万元") { return 10_000 }
        return 1
    }
}
