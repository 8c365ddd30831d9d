import Foundation
import GSLCore
import GSLDemo
import GSLStore

extension YearRun {
    static let trades = [
        "模具", "服装", "家电", "汽车零部件", "新材料", "文具", "电子商务", "港航物流", "化工", "纺织", "轴承", "紧固件", "光伏", "集成电路",
        "医疗器械", "食品", "水产", "茶叶", "建筑业", "装饰", "房地产", "餐饮", "旅游", "会展", "金融服务", "软件", "数字经济", "智能制造",
        "机器人", "新能源汽车", "锂电", "塑料", "五金", "灯具", "小家电", "眼镜", "卫浴", "阀门", "铸造", "注塑",
    ]
    static let hometowns = [
        "温州", "台州", "福建", "江西", "安徽", "湖南", "湖北", "四川", "重庆", "河南", "山东", "江苏", "广东", "贵州", "云南", "甘肃", "陕西",
        "山西", "黑龙江", "吉林", "辽宁", "内蒙古", "广西", "海南", "新疆", "上海", "天津", "北京", "义乌", "绍兴", "金华", "丽水", "衢州",
        "舟山", "湖州", "嘉兴", "杭州", "苍南", "瑞安", "乐清",
    ]
    static let themes = [
        "青年企业家商会", "女企业家商会", "新生代企业家联谊会", "民营企业家协会", "外商投资企业商会", "科技企业商会", "跨境电商商会", "总部经济商会",
        "港口经济商会", "台商投资企业协会", "侨商会", "文化产业商会", "现代服务业商会", "农业企业商会", "健康产业商会", "人工智能产业商会", "数字贸易商会",
        "品牌建设商会", "质量品牌促进会", "绿色发展商会", "知识产权保护商会", "企业法律顾问商会", "人力资源服务商会", "供应链商会", "设计产业商会",
        "新消费商会", "氢能产业商会", "海洋经济商会",
    ]
    static let banks = [
        "中国工商银行宁波市分行", "中国农业银行宁波市分行", "中国银行宁波市分行", "中国建设银行宁波市分行", "交通银行宁波分行", "宁波银行",
        "浙商银行宁波分行", "招商银行宁波分行", "兴业银行宁波分行", "宁波鄞州农村商业银行", "中信银行宁波分行", "浦发银行宁波分行",
    ]
    static let schools = [
        "宁波大学", "宁波诺丁汉大学", "浙大宁波理工学院", "宁波工程学院", "浙江万里学院", "宁波职业技术学院", "浙江纺织服装职业技术学院",
        "宁波城市职业技术学院",
    ]

    /// The names of the direct chambers: trades, home towns, themes, then numbered.
    static func directChamberNames(_ n: Int) -> [String] {
        let base =
            trades.map { "宁波市\($0)商会" } + hometowns.map { "宁波市\($0)商会" } + themes.map { "宁波市\($0)" }
        return (0..<n).map { i in i < base.count ? base[i] : "宁波市第\(i - base.count + 1)联合商会" }
    }

    /// Adds one organisation from named fields, as `gsl org add` does.
    mutating func addOrganisation(_ fields: [String: String?]) throws(GSLError) -> Int64 {
        let draft = try OrganisationDraft.parse(FieldReader(fields), defaultKind: nil)
        return try generator.records.addOrganisation(
            draft, allowDuplicateChamberName: false, context: context
        ).id
    }

    /// All organisations of `kind`, by id.
    func organisations(_ kind: OrganisationKind) throws(GSLError) -> [Organisation] {
        try generator.records.organisationPage(
            OrganisationFilter(kind: kind), chamber: nil, limit: nil, offset: 0, unmask: false,
            context: context
        ).rows
    }

    /// Chambers, member enterprises, their people, banks and schools — once per store: a store that
    /// already has enterprises keeps them and the year's activity runs over them.
    mutating func base(seed: UInt64) throws(GSLError) {
        towns = try generator.records.regionList(parent: nil, level: .town, limit: nil)
            .filter { $0.code.hasPrefix("3302") }
        if towns.isEmpty {
            throw GSLError.data(
                "库中没有宁波的乡镇区划，无法生成演示年度", en: "the store holds no Ningbo towns to generate a year over"
            ).because(.demoNoDivisions)
        }
        let existing = try organisations(.enterprise)
        if existing.isEmpty {
            try found(seed: seed)
        }
        enterprises = try organisations(.enterprise).map(\.id)
        chambers = try organisations(.chamber).map(\.id)
        banks = try organisations(.bank).map(\.id)
        schools = try organisations(.school).map(\.id)
        people = try generator.records.personPage(
            PersonFilter(kind: .entrepreneur), limit: nil, offset: 0, unmask: false, context: context
        ).rows.map(\.id)
    }

    /// Founds the federation's world: chambers, banks, schools, member enterprises, memberships, people.
    mutating func found(seed: UInt64) throws(GSLError) {
        var made = 0
        for name in Self.directChamberNames(plan.chambers.direct) {
            let since = dice.int(1990...(year - 1))
            _ = try addOrganisation([
                "name": name, "kind": "chamber", "chamber_type": "direct", "region": "330200",
                "established": "\(since)-0\(dice.int(1...9))-1\(dice.int(0...9))",
            ])
            made += 1
        }
        var townChamber: [String: Int64] = [:]
        for town in towns.prefix(plan.chambers.townStreet) {
            townChamber[town.code] = try addOrganisation([
                "name": "\(town.name)商会", "kind": "chamber", "chamber_type": "town_street",
                "region": town.code,
                "established": "\(dice.int(1995...(year - 1)))-0\(dice.int(1...9))-0\(dice.int(1...9))",
            ])
            made += 1
        }
        summary.add("chambers", Message("商会", en: "chambers"), made)
        for name in Self.banks {
            _ = try addOrganisation(["name": name, "kind": "bank", "region": "330200"])
        }
        for name in Self.schools {
            _ = try addOrganisation(["name": name, "kind": "school", "region": "330200"])
        }

        // Member enterprises: one bulk import, as `gsl org import` does.
        let synthetic = SyntheticOrganisations(regionCodes: towns.map(\.code))
        let report = try withTemporaryFile(synthetic.csv(count: plan.enterprises, seed: seed)) {
            (path: String) throws(GSLError) in
            try generator.records.importOrganisations(
                ImportOptions(path: path), defaultKind: .enterprise, context: context)
        }
        summary.add("enterprises", Message("会员企业", en: "member enterprises"), report.inserted)

        // Memberships: the town's chamber where it has one, a direct chamber too for about a third.
        let firms = try organisations(.enterprise)
        let direct = try organisations(.chamber).filter { $0.chamberType == .direct }.map(\.id)
        var memberships = 0
        for firm in firms {
            var joined: [Int64] = []
            if let code = firm.regionCode, let chamber = townChamber[String(code.prefix(9))] {
                joined.append(chamber)
            }
            if joined.isEmpty || dice.chance(0.33) { joined.append(dice.pick(direct)) }
            for chamber in joined {
                let start =
                    dice.chance(plan.newMemberShare)
                    ? dice.workday(firstDay, day(11, 30))
                    : dice.workday(
                        LocalDate(year: year - 12, month: 1, day: 1)!,
                        LocalDate(year: year - 1, month: 12, day: 31)!)
                let role = dice.chance(0.04) ? "副会长" : dice.chance(0.1) ? "理事" : "会员"
                _ = try generator.records.addMembership(
                    chamber: String(chamber), member: String(firm.id), isPerson: false, role: role,
                    start: start,
                    note: nil, context: context)
                memberships += 1
            }
        }
        summary.add("memberships", Message("会籍", en: "memberships"), memberships)

        // Entrepreneurs: the legal representatives of a sample of the firms, one bulk import.
        var csv = "name,kind,gender,birth_year,phone,organisation,title\n"
        for i in dice.sample(plan.entrepreneurs, of: firms.count).sorted() {
            let firm = firms[i]
            let name = firm.legalRep ?? "企业家\(i)"
            let born = dice.chance(0.35) ? dice.int(1980...1995) : dice.int(1955...1979)
            let phone = "13\(dice.int(0...9))\(String(format: "%08d", dice.int(0...99_999_999)))"
            csv +=
                "\(name),entrepreneur,\(dice.chance(0.8) ? "男" : "女"),\(born),\(phone),\(firm.id),\(dice.chance(0.7) ? "董事长" : "总经理")\n"
        }
        let imported = try withTemporaryFile(csv) { (path: String) throws(GSLError) in
            try generator.records.importPeople(
                ImportOptions(path: path), defaultKind: .entrepreneur, context: context)
        }
        summary.add("people", Message("企业家", en: "entrepreneurs"), imported.inserted)
    }

    /// Runs `body` with `text` in a temporary CSV file, removed afterwards.
    func withTemporaryFile<T>(_ text: String, _ body: (String) throws(GSLError) -> T) throws(GSLError) -> T {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "gsl-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).csv"
            ).path
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw GSLError(
                .cannotCreate, Message("无法写临时文件 \(path)", en: "cannot write the temporary file \(path)"))
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }
}
