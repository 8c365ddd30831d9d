/// The sixteen industry groups of 工信部联企业〔2011〕300号 article 4, with their thresholds
/// (identical in 国统字〔2017〕213号).
public enum SizeIndustryGroup: String, Sendable, CaseIterable {
    /// 农、林、牧、渔业 (item 1).
    case agriculture = "农、林、牧、渔业"
    /// 工业: mining, manufacturing, utilities (item 2).
    case industry = "工业"
    /// 建筑业 (item 3).
    case construction = "建筑业"
    /// 批发业 (item 4).
    case wholesale = "批发业"
    /// 零售业 (item 5).
    case retail = "零售业"
    /// 交通运输业, railways excluded (item 6).
    case transport = "交通运输业"
    /// 仓储业 (item 7).
    case warehousing = "仓储业"
    /// 邮政业 (item 8).
    case postal = "邮政业"
    /// 住宿业 (item 9).
    case accommodation = "住宿业"
    /// 餐饮业 (item 10).
    case catering = "餐饮业"
    /// 信息传输业 (item 11).
    case informationTransmission = "信息传输业"
    /// 软件和信息技术服务业 (item 12).
    case software = "软件和信息技术服务业"
    /// 房地产开发经营 (item 13).
    case realEstateDevelopment = "房地产开发经营"
    /// 物业管理 (item 14).
    case propertyManagement = "物业管理"
    /// 租赁和商务服务业 (item 15).
    case leasingAndBusinessServices = "租赁和商务服务业"
    /// 其他未列明行业 (item 16).
    case otherUnlisted = "其他未列明行业"

    /// The item number within article 4 (1–16).
    public var item: Int { Self.allCases.firstIndex(of: self)! + 1 }

    /// The article and item that set this group's thresholds, in Chinese.
    public var citationZh: String {
        let numerals = [
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
            "十一", "十二", "十三", "十四", "十五", "十六",
        ]
        return
            "工信部联企业〔2011〕300号《中小企业划型标准规定》第四条第（\(numerals[item - 1])）项（国统字〔2017〕213号《统计上大中小微型企业划分办法（2017）》标准相同）"
    }

    /// The article and item that set this group's thresholds, in English.
    public var citationEn: String {
        "MIIT et al. 2011 No. 300 (SME classification rules), article 4 item (\(item)); same thresholds in NBS 2017 No. 213"
    }

    /// The indicators and their lower bounds (persons or 万元).
    public var thresholds: [SizeThreshold] {
        switch self {
        case .agriculture: [.init(.revenue, large: 20000, medium: 500, small: 50)]
        case .industry:
            [
                .init(.employees, large: 1000, medium: 300, small: 20),
                .init(.revenue, large: 40000, medium: 2000, small: 300),
            ]
        case .construction:
            [
                .init(.revenue, large: 80000, medium: 6000, small: 300),
                .init(.assets, large: 80000, medium: 5000, small: 300),
            ]
        case .wholesale:
            [
                .init(.employees, large: 200, medium: 20, small: 5),
                .init(.revenue, large: 40000, medium: 5000, small: 1000),
            ]
        case .retail:
            [
                .init(.employees, large: 300, medium: 50, small: 10),
                .init(.revenue, large: 20000, medium: 500, small: 100),
            ]
        case .transport:
            [
                .init(.employees, large: 1000, medium: 300, small: 20),
                .init(.revenue, large: 30000, medium: 3000, small: 200),
            ]
        case .warehousing:
            [
                .init(.employees, large: 200, medium: 100, small: 20),
                .init(.revenue, large: 30000, medium: 1000, small: 100),
            ]
        case .postal:
            [
                .init(.employees, large: 1000, medium: 300, small: 20),
                .init(.revenue, large: 30000, medium: 2000, small: 100),
            ]
        case .accommodation:
            [
                .init(.employees, large: 300, medium: 100, small: 10),
                .init(.revenue, large: 10000, medium: 2000, small: 100),
            ]
        case .catering:
            [
                .init(.employees, large: 300, medium: 100, small: 10),
                .init(.revenue, large: 10000, medium: 2000, small: 100),
            ]
        case .informationTransmission:
            [
                .init(.employees, large: 2000, medium: 100, small: 10),
                .init(.revenue, large: 100000, medium: 1000, small: 100),
            ]
        case .software:
            [
                .init(.employees, large: 300, medium: 100, small: 10),
                .init(.revenue, large: 10000, medium: 1000, small: 50),
            ]
        case .realEstateDevelopment:
            [
                .init(.revenue, large: 200000, medium: 1000, small: 100),
                .init(.assets, large: 10000, medium: 5000, small: 2000),
            ]
        case .propertyManagement:
            [
                .init(.employees, large: 1000, medium: 300, small: 100),
                .init(.revenue, large: 5000, medium: 1000, small: 500),
            ]
        case .leasingAndBusinessServices:
            [
                .init(.employees, large: 300, medium: 100, small: 10),
                .init(.assets, large: 120000, medium: 8000, small: 100),
            ]
        case .otherUnlisted: [.init(.employees, large: 300, medium: 100, small: 10)]
        }
    }

    /// Whether a class falls under 其他未列明行业 only through the trailing 等 of the rules' list
    /// (education 83 and health 84 are not named there).
    public static func isReadIntoOtherUnlisted(classCode code: String) -> Bool {
        code.hasPrefix("83") || code.hasPrefix("84")
    }

    /// The group of a GB/T 4754-2017 class (4 digits), or why the standard does not cover it.
    public static func group(forClass code: String) -> Result<SizeIndustryGroup, SizeCoverageGap> {
        let division = Int(code.prefix(2)) ?? -1
        switch division {
        case 1...5: return .success(.agriculture)
        case 6...46: return .success(.industry)
        case 47...50: return .success(.construction)
        case 51: return .success(.wholesale)
        case 52: return .success(.retail)
        case 53: return .failure(.railway)
        case 54...58: return .success(.transport)
        // 装卸搬运 (591) is counted with transport; the rest of 59 is warehousing.
        case 59: return .success(code.hasPrefix("591") ? .transport : .warehousing)
        case 60: return .success(.postal)
        case 61: return .success(.accommodation)
        case 62: return .success(.catering)
        case 63, 64: return .success(.informationTransmission)
        case 65: return .success(.software)
        case 66...69: return .failure(.finance)
        case 70:
            switch code {
            case "7010": return .success(.realEstateDevelopment)
            case "7020": return .success(.propertyManagement)
            case "7040": return .failure(.ownPropertyLeasing)
            default: return .success(.otherUnlisted)
            }
        case 71, 72: return .success(.leasingAndBusinessServices)
        // The rules name M, N, O, 社会工作 (85) and R and end the list with 等; education (83) and
        // health (84) are read as part of that 等 (see `isReadIntoOtherUnlisted`).
        case 73...90: return .success(.otherUnlisted)
        case 91...96: return .failure(.publicAdministration)
        case 97: return .failure(.internationalOrganisations)
        default: return .failure(.unknown)
        }
    }
}
