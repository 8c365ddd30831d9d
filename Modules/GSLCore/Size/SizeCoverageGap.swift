/// Why the size standard does not cover an industry.
public enum SizeCoverageGap: Error, Sendable, Equatable {
    /// 铁路运输业 (53): article 3 excludes it from 交通运输业.
    case railway
    /// 金融业 (J): classified by its own standard (银发〔2015〕309号).
    case finance
    /// 房地产租赁经营 (7040): the NBS rules exclude 自有房地产经营活动 from every group.
    case ownPropertyLeasing
    /// 公共管理、社会保障和社会组织 (S): not enterprises.
    case publicAdministration
    /// 国际组织 (T).
    case internationalOrganisations
    /// A code outside GB/T 4754-2017.
    case unknown

    /// Why, in both languages.
    public var reason: Message {
        switch self {
        case .railway:
            Message(
                "铁路运输业不在《中小企业划型标准规定》适用范围内（第三条：交通运输业不含铁路运输业）",
                en:
                    "railway transport is outside the SME classification rules (article 3: transport excludes railways)"
            )
        case .finance:
            Message(
                "金融业不适用《中小企业划型标准规定》，另按《金融业企业划型标准规定》（银发〔2015〕309号）划型",
                en:
                    "finance is outside the SME classification rules; it has its own standard (PBOC 2015 No. 309)"
            )
        case .ownPropertyLeasing:
            Message(
                "房地产租赁经营（自有房地产经营活动）不在划型标准适用的行业范围内",
                en:
                    "property leasing (own real-estate operation) is outside the industries the size rules cover"
            )
        case .publicAdministration:
            Message(
                "公共管理、社会保障和社会组织不是企业，不在《中小企业划型标准规定》适用范围内",
                en:
                    "public administration, social security and social organisations are outside the SME classification rules"
            )
        case .internationalOrganisations:
            Message(
                "国际组织不在《中小企业划型标准规定》适用范围内",
                en: "international organisations are outside the SME classification rules")
        case .unknown:
            Message("不是 GB/T 4754-2017 的行业代码", en: "not a GB/T 4754-2017 industry code")
        }
    }
}
