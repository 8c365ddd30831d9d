import GSLCore
import GSLEvents
import GSLEventsStore
import GSLStore

extension YearRun {
    static let lectureTopics = [
        "数字化转型的路径与方法", "新质生产力与民营企业", "企业合规经营", "出海与全球供应链", "家族企业传承", "资本市场与上市辅导", "品牌建设",
        "人工智能赋能制造业", "绿色低碳发展", "新《公司法》解读", "宏观经济形势分析", "专精特新之路",
    ]
    static let expos = [
        "中国—中东欧国家博览会", "中国国际消费品博览会", "中国进出口商品交易会", "中国国际进口博览会", "浙江投资贸易洽谈会", "中国国际服务贸易交易会",
        "中国国际工业博览会", "宁波国际服装节", "中国塑料博览会", "中国国际文具礼品博览会", "宁波国际智能制造博览会", "中国国际高新技术成果交易会",
    ]

    /// Creates one single-session event (sessions of `days` days) and returns its id and session ids.
    mutating func event(
        _ title: String, _ type: EventType, series: String? = nil, on start: LocalDate, days: Int = 1,
        venue: String, capacity: Int?
    ) throws(GSLError) -> (id: Int64, sessions: [Int64]) {
        let sessions = (0..<days).map { d in
            EventRepository.NewSession(
                start: EventTime(date: start.adding(days: d), minute: 14 * 60 - (days > 1 ? 5 * 60 : 0)),
                end: EventTime(date: start.adding(days: d), minute: 16 * 60 + 30))
        }
        let view = try generator.events.create(
            EventRepository.NewEvent(
                title: title, type: type, series: series, venue: venue, capacity: capacity, themes: [],
                sessions: sessions),
            context: context)
        return (view.event.id, view.sessions.map(\.id))
    }

    /// Registers `count` distinct people and checks in the first `attend` of them at every session.
    mutating func fill(_ event: (id: Int64, sessions: [Int64]), on day: LocalDate, count: Int, attend: Int)
        throws(GSLError)
        -> Int
    {
        guard !people.isEmpty else { return 0 }
        let chosen = dice.sample(count, of: people.count).map { String(people[$0]) }
        for person in chosen {
            _ = try generator.events.register(
                eventID: event.id, person: person, on: day.adding(days: -dice.int(2...10)), note: nil,
                context: context)
        }
        let present = Array(chosen.prefix(attend))
        if present.isEmpty { return 0 }
        for (i, session) in event.sessions.enumerated() {
            _ = try generator.events.checkIn(
                eventID: event.id, sessionID: session, people: present, day: day.adding(days: i),
                context: context)
        }
        return present.count * event.sessions.count
    }

    /// Evenly spaced workdays from `from` to `to`, `n` of them.
    mutating func schedule(_ n: Int, _ from: LocalDate, _ to: LocalDate) -> [LocalDate] {
        guard n > 0 else { return [] }
        let span = Double(to.dayNumber - from.dayNumber)
        return (0..<n).map { i in
            var d = from.adding(days: Int(span * (Double(i) + 0.5) / Double(n)))
            while d.weekday > 5 { d = d.adding(days: 1) }
            return d
        }
    }

    /// The year's events with their registrations, attendance and exhibition agreements.
    mutating func eventsOfYear() throws(GSLError) {
        let e = plan.events
        var made = 0
        var checkIns = 0
        // Report sessions: 甬商大讲堂 (lectures) and 亲清思享会 (salons).
        let sizes = dice.spread(e.reportSessions * e.reportAttendance, into: e.reportSessions)
        for (i, d) in schedule(e.reportSessions, day(1, 6), day(12, 22)).enumerated() {
            let salon = i % 3 == 2
            let ev = try event(
                "\(salon ? "亲清思享会" : "甬商大讲堂")·\(dice.pick(Self.lectureTopics))", salon ? .salon : .lecture,
                series: salon ? "亲清思享会" : "甬商大讲堂", on: d, venue: salon ? "宁波商会国贸中心" : "市工商联报告厅",
                capacity: sizes[i] + 40)
            checkIns += try fill(ev, on: d, count: sizes[i] + sizes[i] / 10, attend: sizes[i])
            made += 1
        }
        // Trainings and seminars: the first half's attendance is the plan's figure.
        let h1 = dice.spread(e.trainingAttendancesH1, into: e.trainingsH1)
        for (i, d) in schedule(e.trainingsH1, day(1, 8), day(6, 26)).enumerated() {
            let seminar = i % 4 == 3
            let ev = try event(
                seminar ? "民营企业发展研讨会（第\(i + 1)期）" : "企业经营管理培训班（第\(i + 1)期）", seminar ? .seminar : .training,
                on: d, venue: "宁波市民营经济学院", capacity: h1[i] + 30)
            checkIns += try fill(ev, on: d, count: h1[i] + 3, attend: h1[i])
            made += 1
        }
        for (i, d) in schedule(e.trainingsH2, day(7, 6), day(12, 18)).enumerated() {
            let n = dice.int(25...60)
            let ev = try event(
                "企业经营管理培训班（下半年第\(i + 1)期）", .training, on: d, venue: "宁波市民营经济学院", capacity: n + 30)
            checkIns += try fill(ev, on: d, count: n + 3, attend: n)
            made += 1
        }
        for (i, d) in schedule(e.forums, day(2, 20), day(12, 15)).enumerated() {
            let n = dice.int(18...35)
            let ev = try event("新生代企业家座谈会（第\(i + 1)期）", .forum, on: d, venue: "宁波市青年企业家之家", capacity: n + 20)
            checkIns += try fill(ev, on: d, count: n, attend: n - dice.int(0...2))
            made += 1
        }
        for (i, d) in schedule(e.dialogues, day(3, 1), day(11, 30)).enumerated() {
            let n = dice.int(12...20)
            let ev = try event(
                "政企恳谈会·\(Self.categories[i % Self.categories.count].titles[0])", .dialogue, on: d,
                venue: "市政府会议中心",
                capacity: n + 10)
            checkIns += try fill(ev, on: d, count: n, attend: n)
            made += 1
        }
        for (i, d) in schedule(e.tours, day(3, 15), day(11, 15)).enumerated() {
            let n = dice.int(15...30)
            let ev = try event(
                "\(dice.pick(["深圳", "苏州", "合肥", "成都", "温州", "义乌", "上海", "杭州"]))考察交流（第\(i + 1)批）", .tour,
                on: d, days: 2,
                venue: "外地", capacity: n + 5)
            checkIns += try fill(ev, on: d, count: n, attend: n)
            made += 1
        }
        // Exhibitions and the agreements signed at them.
        var exhibitions: [(id: Int64, day: LocalDate)] = []
        for (i, d) in schedule(e.exhibitions, day(1, 12), day(12, 10)).enumerated() {
            let ev = try event(
                "\(Self.expos[i % Self.expos.count])（\(year)）", .exhibition, on: d, days: 3,
                venue: "展馆\(i % Self.expos.count + 1)", capacity: nil)
            exhibitions.append((ev.id, d))
            made += 1
        }
        summary.add("events", Message("活动", en: "events"), made)
        summary.add("check-ins", Message("签到人次", en: "check-ins"), checkIns)
        let total = try Money.parse(e.exhibitionAmount).fen
        let amounts = dice.split(total, into: e.exhibitionAgreements, unit: 1_000_000)
        for (i, amount) in amounts.enumerated() where !exhibitions.isEmpty {
            let ex = i < exhibitions.count ? exhibitions[i] : dice.pick(exhibitions)
            let parties = dice.sample(2, of: enterprises.count).map { String(enterprises[$0]) }
            _ = try generator.events.addOutcome(
                OutcomeRepository.NewOutcome(
                    eventID: ex.id, kind: .agreement, title: "合作协议（第\(i + 1)号）", amount: Money(fen: amount),
                    date: ex.day.adding(days: 1), evidence: "签约仪式现场文本", parties: parties),
                context: context)
        }
        summary.add("agreements", Message("展会签约", en: "exhibition agreements"), amounts.count)
    }
}
