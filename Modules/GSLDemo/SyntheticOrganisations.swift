import GSLCore

/// Generates plausible enterprises for demos and benchmarks: valid USCCs, real division and
/// industry codes, sizes consistent with the 2011 thresholds.
public struct SyntheticOrganisations: Sendable {
    /// Division codes to place enterprises in (towns or villages).
    public let regionCodes: [String]
    /// Industry class codes to draw from.
    public let industryCodes: [String]

    private static let prefixes = [
        "宁波", "甬", "浙东", "四明", "三江", "东海", "天一", "明州", "镇海", "北仑", "象山", "余姚", "慈溪", "奉化", "宁海",
    ]
    private static let cores = [
        "恒", "联", "华", "盛", "达", "宏", "信", "泰", "鑫", "瑞", "博", "康", "新", "海", "通", "诚", "德", "益", "丰", "源",
    ]
    private static let trades = [
        "科技", "机械", "电器", "模具", "纺织", "服饰", "贸易", "化工", "新材料", "汽车部件", "食品", "物流", "文具", "塑料", "电子", "家居",
        "医疗器械", "港口服务",
    ]
    private static let forms = ["有限公司", "股份有限公司", "集团有限公司"]
    private static let surnames = Array(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    )
    private static let givens = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志海波宁浩杭斌鹏飞")

    /// A generator over the given codes.
    public init(
        regionCodes: [String],
        industryCodes: [String] = IndustryCatalog.standard.entries.filter { $0.level == .class }.map(\.code)
    ) {
        self.regionCodes = regionCodes.isEmpty ? ["330203"] : regionCodes
        self.industryCodes = industryCodes
    }

    /// The CSV header the rows follow (Chinese, as staff files have it).
    public static let header = [
        "名称", "统一社会信用代码", "所在地区", "行业代码", "从业人员", "营业收入(万元)", "资产总额(万元)", "成立日期", "法定代表人", "电话",
    ]

    /// Row `index` of the set for `seed`; USCCs are unique across indices (names may repeat, as they do).
    public func row(_ index: Int, seed: UInt64) -> [String] {
        var rng = SeededGenerator(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
        let p = Self.prefixes[Int(rng.next() % UInt64(Self.prefixes.count))]
        let c1 = Self.cores[Int(rng.next() % UInt64(Self.cores.count))]
        let c2 = Self.cores[Int(rng.next() % UInt64(Self.cores.count))]
        let t = Self.trades[Int(rng.next() % UInt64(Self.trades.count))]
        let f = Self.forms[Int(rng.next() % 10 == 0 ? 1 : 0)]
        let name = "\(p)\(c1)\(c2)\(t)\(f)"
        let region = regionCodes[Int(rng.next() % UInt64(regionCodes.count))]
        let industry = industryCodes[Int(rng.next() % UInt64(industryCodes.count))]
        // Sizes follow a long tail: most firms are small or micro.
        let scale = Double(rng.next() % 10_000) / 10_000
        let employees = Int(3 + pow(scale, 6) * 3_000)
        let revenueWan = Int(20 + pow(scale, 5) * 80_000)
        let assetsWan = Int(Double(revenueWan) * (0.5 + Double(rng.next() % 100) / 100))
        let year = 1990 + Int(rng.next() % 34)
        let month = 1 + Int(rng.next() % 12)
        let day = 1 + Int(rng.next() % 28)
        let person =
            String(Self.surnames[Int(rng.next() % UInt64(Self.surnames.count))])
            + String(Self.givens[Int(rng.next() % UInt64(Self.givens.count))])
        let phone = "0574-8\(String(format: "%07d", Int(rng.next() % 10_000_000)))"
        return [
            name, Self.uscc(index: index, region: region), region, industry, String(employees),
            String(revenueWan),
            String(assetsWan), String(format: "%04d-%02d-%02d", year, month, day), person, phone,
        ]
    }

    /// A valid, unique USCC for index `index`: 91 (enterprise, market regulator), the county code,
    /// a 9-character body from the index, then the check character.
    public static func uscc(index: Int, region: String) -> String {
        let county = String(region.prefix(6)).padding(toLength: 6, withPad: "0", startingAt: 0)
        var body = ""
        var n = index
        let chars = USCC.charset
        for _ in 0..<9 {
            body = String(chars[n % 31]) + body
            n /= 31
        }
        let first17 = "91" + county + body
        return first17 + String(USCC.checkCharacter(forFirst17: first17)!)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
