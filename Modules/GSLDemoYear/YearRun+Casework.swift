import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLStore

extension YearRun {
    static let staff = ["王芳", "李强", "陈海波", "张丽", "周杰", "吴敏", "郑涛", "孙宁", "朱建国", "胡秀英"]
    /// Categories with their weights (financing and labour lead, as in federations' own tallies),
    /// the lead department and two request titles.
    static let categories: [(code: String, weight: Int, lead: String, titles: [String])] = [
        ("financing", 22, "市金融办", ["续贷困难，需银行支持", "申请科技型中小企业信用贷款"]),
        ("labour", 16, "市人力社保局", ["技术工人招聘难", "外来务工人员子女入学"]),
        ("land", 9, "市自然资源规划局", ["扩产用地指标不足", "厂房租赁到期无法续租"]),
        ("policy", 12, "市经信局", ["技改补助迟迟未兑现", "高新技术企业奖励申报"]),
        ("approval", 8, "市行政审批局", ["环评审批时间长", "施工许可办理卡在消防验收"]),
        ("rights", 6, "市市场监管局", ["商标被抢注维权", "遭遇恶意投诉"]),
        ("arrears", 7, "市国资委", ["国企拖欠工程款", "政府项目尾款未结"]),
        ("market", 8, "市商务局", ["出口订单下滑需拓展市场", "申请参加境外展会补助"]),
        ("innovation", 6, "市科技局", ["研发平台认定", "与高校共建实验室"]),
        ("infrastructure", 4, "市交通局", ["园区道路拥堵", "工业区供电容量不足"]),
        ("other", 2, "市工商联", ["企业家子女教育咨询", "党建工作指导"]),
    ]

    mutating func category() -> (code: String, weight: Int, lead: String, titles: [String]) {
        var r = dice.int(1...Self.categories.map(\.weight).reduce(0, +))
        for c in Self.categories {
            r -= c.weight
            if r <= 0 { return c }
        }
        return Self.categories[0]
    }

    /// The year's visit campaign and its requests, each carried as far as the plan says.
    mutating func casework() throws(GSLError) {
        let campaign = "问千家进百企\(year)"
        _ = try generator.visits.addCampaign(
            name: campaign, from: firstDay, to: lastDay, note: "年度走访企业活动", context: context)
        let visited = dice.sample(plan.visits.firms, of: enterprises.count).map { enterprises[$0] }
        _ = try generator.visits.addTargets(
            campaign: campaign, organisations: visited.map { String($0) }, file: nil, context: context)
        var visitDay: [Int64: LocalDate] = [:]
        var logged = 0
        for firm in visited {
            let d = dice.workday(day(1, 4), day(11, 20))
            visitDay[firm] = d
            _ = try generator.visits.log(
                VisitRepository.VisitDraft(
                    organisation: String(firm), date: d, staff: dice.pick(Self.staff), campaign: campaign,
                    notes: nil, findings: nil),
                context: context)
            logged += 1
            if dice.chance(plan.visits.revisitShare) {
                _ = try generator.visits.log(
                    VisitRepository.VisitDraft(
                        organisation: String(firm), date: dice.workday(d.adding(days: 7), day(12, 20)),
                        staff: dice.pick(Self.staff),
                        campaign: campaign, notes: "回访", findings: nil),
                    context: context)
                logged += 1
            }
        }
        summary.add("visits", Message("走访", en: "visits"), logged)

        let r = plan.requests
        let unsatisfied = min(
            Int((Double(r.received) * r.unsatisfiedShare).rounded()), r.received - r.solved - r.rejected)
        var made = 0
        for i in 0..<r.received {
            // Most requests come from visits (on or after the visit), the rest by hotline, online or chambers.
            let firm = visited.isEmpty || dice.chance(0.25) ? dice.pick(enterprises) : dice.pick(visited)
            let fromVisit = visitDay[firm] != nil && dice.chance(0.85)
            let opened =
                fromVisit
                ? min(visitDay[firm]!.adding(days: dice.int(0...3)), day(11, 25))
                : dice.workday(day(1, 3), day(11, 25))
            let c = category()
            let priority: CasePriority = dice.chance(0.12) ? .high : dice.chance(0.06) ? .low : .normal
            let view = try generator.cases.open(
                CaseRepository.NewCase(
                    organisation: String(firm), category: c.code,
                    source: fromVisit ? .visit : dice.pick([CaseSource.hotline, .online, .chamber]),
                    priority: priority, title: dice.pick(c.titles), description: nil, date: opened),
                context: context)
            made += 1
            let id = view.record.id
            func act(_ action: CaseAction, _ on: LocalDate) throws(GSLError) {
                _ = try generator.cases.act(
                    action, caseID: id, on: on, note: nil, expectedVersion: nil, context: context)
            }
            if i < r.rejected {
                try act(.reject(reason: "不属于受理范围，已告知企业通过司法途径解决"), opened.adding(days: 1))
                continue
            }
            try act(.assign(lead: c.lead, assisting: dice.chance(0.3) ? ["市工商联"] : []), opened)
            try act(.start, opened.adding(days: 1))
            let ends = i < r.rejected + r.solved + unsatisfied
            if !ends {
                // Still open at the year's end: in progress, some answered and waiting for the callback.
                if dice.chance(0.4) { try act(.answer, opened.adding(days: dice.int(2...5))) }
                continue
            }
            let late = opened < day(10, 15) && dice.chance(r.lateShare)
            var answered = opened.adding(days: late ? dice.int(40...60) : dice.int(2...5))
            if opened < day(10, 15) && dice.chance(0.08) {
                // Waiting for the firm's papers: the clock stops while the request is pending.
                let paused = opened.adding(days: 2)
                let resumed = paused.adding(days: dice.int(5...12))
                try act(.pause, paused)
                try act(.resume, resumed)
                answered = max(answered, resumed.adding(days: dice.int(1...3)))
            }
            try act(.answer, answered)
            let solved = i < r.rejected + r.solved
            let callback = Callback(
                contacted: true, solved: solved,
                satisfaction: solved ? (dice.chance(0.8) ? .satisfied : .basicallySatisfied) : .unsatisfied)
            let called = answered.adding(days: dice.int(1...5))
            try act(.evaluate(callback), called)
            try act(.close, called)
        }
        summary.add("requests", Message("诉求", en: "requests"), made)
        // The month-end SLA sweep (预警、催办、通报), as staff run `gsl case escalate`.
        var escalations = 0
        for month in 1...12 {
            let end = day(month, LocalDate.daysIn(month: month, year: year))
            escalations += try generator.cases.escalate(today: end, context: context).count
        }
        summary.add("escalations", Message("预警催办", en: "escalations"), escalations)
    }

    /// Information reports (社情民意) and proposals, some adopted.
    mutating func reportsAndProposals() throws(GSLError) {
        let topics = [
            "关于缓解中小企业融资难的建议", "关于破解制造业招工难的建议", "关于优化涉企检查的建议", "关于支持民营企业出海的建议",
            "关于降低物流成本的建议", "关于加快工业用地供给的建议", "关于清理拖欠民营企业账款的建议", "关于推动新生代企业家传承的建议",
        ]
        let direct = chambers.prefix(10).map { String($0) }
        for i in 0..<plan.infoReports.submitted {
            let d = dice.workday(day(1, 5), day(12, 10))
            let r = try generator.info.draft(
                title: "\(dice.pick(topics))（\(i + 1)）", author: dice.pick(Self.staff),
                chamber: direct.isEmpty ? nil : dice.pick(direct), body: nil, date: d, context: context)
            _ = try generator.info.record(
                .submit, reportID: r.report.id, level: nil, body: nil, date: d, expectedVersion: nil,
                context: context)
            if i < plan.infoReports.adopted {
                let level: InfoLevel = i < 3 ? .national : i < 15 ? .provincial : .municipal
                let body = level == .national ? "全国工商联" : level == .provincial ? "省工商联" : "市委办公厅"
                _ = try generator.info.record(
                    .adopt, reportID: r.report.id, level: level, body: body,
                    date: min(d.adding(days: 20), lastDay),
                    expectedVersion: nil, context: context)
            }
        }
        summary.add("info", Message("社情民意信息", en: "information reports"), plan.infoReports.submitted)
        for i in 0..<plan.proposals.filed {
            let d = dice.workday(day(1, 10), day(3, 10))
            let p = try generator.proposals.file(
                title: dice.pick(topics), proposer: dice.pick(Self.staff), chamber: direct.first, body: nil,
                date: d,
                context: context)
            let id = p.proposal.id
            func act(_ action: ProposalAction, _ on: LocalDate) throws(GSLError) {
                _ = try generator.proposals.act(
                    action, proposalID: id, on: on, note: nil, expectedVersion: nil, context: context)
            }
            try act(.assign(lead: dice.pick(Self.categories).lead, assisting: []), d.adding(days: 7))
            try act(.answer(.a), d.adding(days: 60))
            try act(.evaluate(.satisfied), d.adding(days: 70))
            try act(.close, d.adding(days: 75))
            if i < plan.proposals.adoptedNational {
                try act(.adopt(level: .national, body: "全国政协"), d.adding(days: 120))
            }
        }
        summary.add("proposals", Message("提案", en: "proposals"), plan.proposals.filed)
    }
}
