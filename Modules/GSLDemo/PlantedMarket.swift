import GSLCore
import GSLTabular

/// A synthetic market with known good pairs, for measuring recommendation quality: each planted
/// demand has one supply in the same industry group, the same county and with a shared
/// two-character term (模具, 注塑, 跨境 …); the other supplies are drawn at random.
public struct PlantedMarket: Sendable {
    /// Town codes to place organisations in.
    public let townCodes: [String]
    /// The posting kind (raw value) of every posting.
    public let kind: String

    /// The generated files as CSV text.
    public struct Files: Sendable {
        /// Organisations (the `gsl org import` columns).
        public let organisations: String
        /// Postings (the `gsl match import` columns), demands `D0001…`, supplies `S0001…`.
        public let postings: String
        /// Planted pairs: 需求, 供给.
        public let planted: String
    }

    /// Two-character terms of the trades.
    static let terms = [
        "模具", "注塑", "跨境", "电商", "冷链", "轴承", "纺织", "光伏", "芯片", "港航", "化纤", "家电", "文具", "汽配", "紧固",
        "涂装", "检测", "包装", "仓储", "锂电", "数控", "焊接", "铸造", "服装", "陶瓷", "医械", "水产", "茶叶", "漆包", "阀门",
    ]
    static let nouns = ["生产线", "加工", "配套", "项目", "订单", "技术", "设备", "渠道"]

    /// A market over `townCodes`.
    public init(townCodes: [String], kind: String = "project") {
        self.townCodes = townCodes.isEmpty ? ["330203001"] : townCodes
        self.kind = kind
    }

    /// `demands` planted demands and `supplies` supplies (the first `demands` of them planted partners).
    public func generate(demands: Int, supplies: Int, seed: UInt64) -> Files {
        var rng = SeededGenerator(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        let classes = IndustryCatalog.standard.entries.filter { $0.level == .class }
        let byGroup = Dictionary(grouping: classes, by: { $0.parentCode ?? "" })
        let byCounty = Dictionary(grouping: townCodes, by: { String($0.prefix(6)) })
        let orgGenerator = SyntheticOrganisations(regionCodes: townCodes)
        var orgRows: [[Cell]] = []
        func organisation(region: String, industry: String) -> String {
            var row = orgGenerator.row(orgRows.count, seed: seed)
            row[2] = region
            row[3] = industry
            orgRows.append(row.map(Cell.text))
            return row[1]
        }
        var postingRows: [[Cell]] = []
        var plantedRows: [[Cell]] = []
        func posting(
            _ ref: String, _ side: String, org: String, term: String, amount: Int, range: (Int, Int)?
        ) {
            let noun = pick(Self.nouns)
            let title = side == "demand" ? "寻求\(term)\(noun)合作" : "提供\(term)\(noun)"
            let text =
                side == "demand"
                ? "本企业需要\(term)方面的\(noun)伙伴，\(pick(Self.nouns))优先"
                : "具备\(term)\(pick(Self.nouns))能力，可承接\(noun)"
            postingRows.append(
                [
                    ref, side, kind, org, title, text, side == "demand" ? "\(amount)万" : "",
                    range.map { "\($0.0)万" } ?? "", range.map { "\($0.1)万" } ?? "",
                ].map(Cell.text))
        }
        let dWidth = max(4, String(demands).count), sWidth = max(4, String(supplies).count)
        func ref(_ prefix: String, _ i: Int, _ width: Int) -> String {
            let n = String(i + 1)
            return prefix + String(repeating: "0", count: max(0, width - n.count)) + n
        }
        for i in 0..<demands {
            let industry = pick(classes)
            let siblings = byGroup[industry.parentCode ?? ""] ?? [industry]
            let town = pick(townCodes)
            let partnerTown = pick(byCounty[String(town.prefix(6))] ?? [town])
            let term = pick(Self.terms)
            let amount = 100 + Int(rng.next() % 4_900)
            let demandOrg = organisation(region: town, industry: industry.code)
            let supplyOrg = organisation(region: partnerTown, industry: pick(siblings).code)
            posting(ref("D", i, dWidth), "demand", org: demandOrg, term: term, amount: amount, range: nil)
            let low = max(1, amount / 2), high = amount * 2
            posting(ref("S", i, sWidth), "supply", org: supplyOrg, term: term, amount: 0, range: (low, high))
            plantedRows.append([.text(ref("D", i, dWidth)), .text(ref("S", i, sWidth))])
        }
        for i in demands..<supplies {
            let org = organisation(region: pick(townCodes), industry: pick(classes).code)
            let low = 50 + Int(rng.next() % 2_000)
            posting(
                ref("S", i, sWidth), "supply", org: org, term: pick(Self.terms), amount: 0,
                range: (low, low * 4))
        }
        func csv(_ header: [String], _ rows: [[Cell]]) -> String {
            var text = ""
            TableRenderer.write(
                columns: header.map { Column($0) }, rows: rows, format: .csv, options: RenderOptions()
            ) { text += $0 }
            return text
        }
        return Files(
            organisations: csv(SyntheticOrganisations.header, orgRows),
            postings: csv(["编号", "供需", "类别", "组织", "标题", "内容", "金额", "金额下限", "金额上限"], postingRows),
            planted: csv(["需求", "供给"], plantedRows))
    }
}
