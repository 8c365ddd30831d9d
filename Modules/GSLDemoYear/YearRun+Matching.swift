import GSLCore
import GSLMatching
import GSLMatchingStore
import GSLStore

extension YearRun {
    static let terms = [
        "模具", "注塑", "跨境", "冷链", "轴承", "光伏", "芯片", "港航", "家电", "汽配", "紧固", "检测", "包装", "锂电", "数控", "阀门",
    ]
    static let majors = ["机械工程", "材料科学", "电子信息", "计算机科学", "自动化", "化学工程", "国际贸易", "工业设计"]

    /// Posts one posting from named fields, as `gsl match post` does; returns its reference.
    mutating func post(_ fields: [String: String?], on day: LocalDate) throws(GSLError) -> String {
        let p = try generator.matching.post(fields: fields, today: day, context: context)
        return p.ref ?? String(p.id)
    }

    /// Proposes a pair and follows it to a deal (or a failure); returns whether it ended in a deal.
    mutating func follow(demand: String, supply: String, on day: LocalDate, deal: MatchAction?)
        throws(GSLError)
    {
        let view = try generator.matching.propose(
            demand: demand, supply: supply, date: day, note: nil, context: context)
        let id = view.proposal.id
        func step(_ action: MatchAction, _ on: LocalDate) throws(GSLError) {
            _ = try generator.matching.act(
                action, proposal: id, on: on, note: nil, expectedVersion: nil, context: context)
        }
        try step(.introduce, day.adding(days: dice.int(1...5)))
        guard let deal else {
            try step(
                .fail(reason: dice.pick(["价格未谈拢", "交期无法满足", "企业资质不符", "需求取消"])),
                day.adding(days: dice.int(10...25)))
            return
        }
        try step(.negotiate, day.adding(days: dice.int(6...12)))
        try step(deal, day.adding(days: dice.int(15...30)))
    }

    /// The year's matching: large–small firm projects, bank credit and school–enterprise talent,
    /// each posted, proposed and followed to its end.
    mutating func matchingOfYear() throws(GSLError) {
        let m = plan.matching
        let y = year % 100
        let deadline = LocalDate(year: year + 1, month: 3, day: 31)!.iso
        let failures = { (deals: Int) in
            Int((Double(deals) * m.failedShare / (1 - min(m.failedShare, 0.9))).rounded())
        }
        var deals = 0
        // 融通: a demand of one firm, a supply of another sharing its trade term.
        let projectAmounts = dice.split(
            try Money.parse(m.projectAmount).fen, into: m.projectDeals, unit: 1_000_000)
        let projectFails = failures(m.projectDeals)
        for i in 0..<(m.projectDeals + projectFails) {
            let pair = dice.sample(2, of: enterprises.count).map { String(enterprises[$0]) }
            let term = dice.pick(Self.terms)
            let kind = dice.pick(["project", "product", "service"])
            let day = dice.workday(day(1, 5), day(10, 31))
            let amount = i < projectAmounts.count ? projectAmounts[i] : Int64(dice.int(50...2000)) * 1_000_000
            let demand = try post(
                [
                    "ref": "D\(y)-\(i + 1)", "side": "demand", "kind": kind, "org": pair[0],
                    "title": "寻求\(term)\(dice.pick(["配套", "加工", "设备", "技术"]))合作",
                    "text": "本企业\(term)业务扩产，寻求本地\(term)配套伙伴，长期合作。",
                    "amount": Money(fen: amount).plainYuan, "deadline": deadline,
                ], on: day)
            let supply = try post(
                [
                    "ref": "S\(y)-\(i + 1)", "side": "supply", "kind": kind, "org": pair[1],
                    "title": "提供\(term)\(dice.pick(["加工", "配套", "解决方案"]))",
                    "text": "具备\(term)生产能力与检测资质，可承接批量订单。",
                    "deadline": deadline,
                ], on: day)
            try follow(
                demand: demand, supply: supply, on: day,
                deal: i < m.projectDeals
                    ? .deal(amount: Money(fen: amount), hires: nil, salaryBand: nil) : nil)
            if i < m.projectDeals { deals += 1 }
        }
        // 银企: each bank offers three credit products; firms' credit demands are matched to them.
        var products: [String] = []
        for (b, bank) in banks.enumerated() {
            for (k, name) in ["科创贷", "订单贷", "惠企贷"].enumerated() {
                products.append(
                    try post(
                        [
                            "ref": "C\(y)-\(b + 1)-\(k + 1)", "side": "supply", "kind": "credit",
                            "org": String(bank),
                            "title": "\(name)", "text": "面向民营中小企业的\(name)，线上申请，快速审批。", "amount_min": "100000",
                            "amount_max": "500000000", "rate": "\(Double(dice.int(330...420)) / 100)%",
                            "capacity": "100000",
                            "deadline": deadline,
                        ], on: firstDay))
            }
        }
        let creditAmounts = dice.split(
            try Money.parse(m.creditAmount).fen, into: m.creditDeals, unit: 1_000_000)
        let creditFails = products.isEmpty ? 0 : failures(m.creditDeals) / 2
        for i in 0..<(products.isEmpty ? 0 : m.creditDeals + creditFails) {
            let firm = String(dice.pick(enterprises))
            let day = dice.workday(day(1, 5), day(11, 15))
            let amount =
                i < creditAmounts.count
                ? min(creditAmounts[i], 50_000_000_000) : Int64(dice.int(100...5000)) * 1_000_000
            let demand = try post(
                [
                    "ref": "R\(y)-\(i + 1)", "side": "demand", "kind": "credit", "org": firm,
                    "title": "流动资金贷款需求",
                    "text": "订单增长，需要流动资金周转。", "amount": Money(fen: amount).plainYuan, "deadline": deadline,
                ], on: day)
            try follow(
                demand: demand, supply: dice.pick(products), on: day,
                deal: i < m.creditDeals
                    ? .deal(amount: Money(fen: creditAmounts[i]), hires: nil, salaryBand: nil) : nil)
            if i < m.creditDeals { deals += 1 }
        }
        // 校企: school programmes (customised classes) and firms hiring high-end talent.
        var programmes: [String] = []
        for (s, school) in schools.enumerated() {
            programmes.append(
                try post(
                    [
                        "ref": "T\(y)-\(s + 1)", "side": "supply", "kind": "talent", "org": String(school),
                        "title": "高层次人才定制班",
                        "text": "校企合作定制培养，覆盖\(Self.majors.prefix(4).joined(separator: "、"))。",
                        "majors": Self.majors.joined(separator: ";"), "capacity": "1000", "customised": "是",
                        "deadline": deadline,
                    ], on: firstDay))
        }
        // Every talent deal hires at least one; the rest of the plan's hires land at random.
        let talentDeals = min(m.talentDeals, m.talentsHigh)
        var hires = Array(repeating: 1, count: talentDeals)
        for _ in 0..<max(0, m.talentsHigh - talentDeals) { hires[dice.int(0...(talentDeals - 1))] += 1 }
        for i in 0..<(programmes.isEmpty ? 0 : talentDeals) {
            let day = dice.workday(day(2, 1), day(10, 31))
            let demand = try post(
                [
                    "ref": "H\(y)-\(i + 1)", "side": "demand", "kind": "talent",
                    "org": String(dice.pick(enterprises)),
                    "title": "招聘首席技术官", "text": "年薪百万以上，负责研发体系建设。", "majors": dice.pick(Self.majors),
                    "deadline": deadline,
                ], on: day)
            try follow(
                demand: demand, supply: dice.pick(programmes), on: day,
                deal: .deal(amount: nil, hires: hires[i], salaryBand: MatchingFigures.highSalaryBand))
            deals += 1
        }
        summary.add("deals", Message("对接成交", en: "matching deals"), deals)
    }
}
