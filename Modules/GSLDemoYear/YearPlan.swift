import GSLCore

/// What a generated federation year aims at (Datasets/demo/ningbo-year.yaml): counts and amounts at
/// scale 1. Read strictly: an unknown key is an error with a suggestion.
public struct YearPlan: Decodable, Sendable {
    /// Chambers to found.
    public struct Chambers: Decodable, Sendable {
        public var direct: Int
        public var townStreet: Int
        enum CodingKeys: String, CodingKey {
            case direct
            case townStreet = "town_street"
        }
    }
    /// Visits of the year's campaign.
    public struct Visits: Decodable, Sendable {
        public var firms: Int
        public var revisitShare: Double
        enum CodingKeys: String, CodingKey {
            case firms
            case revisitShare = "revisit_share"
        }
    }
    /// Requests and how they end.
    public struct Requests: Decodable, Sendable {
        public var received: Int
        public var solved: Int
        public var rejected: Int
        public var lateShare: Double
        public var unsatisfiedShare: Double
        enum CodingKeys: String, CodingKey {
            case received, solved, rejected
            case lateShare = "late_share"
            case unsatisfiedShare = "unsatisfied_share"
        }
    }
    /// Information reports.
    public struct InfoReports: Decodable, Sendable {
        public var submitted: Int
        public var adopted: Int
    }
    /// Proposals.
    public struct Proposals: Decodable, Sendable {
        public var filed: Int
        public var adoptedNational: Int
        enum CodingKeys: String, CodingKey {
            case filed
            case adoptedNational = "adopted_national"
        }
    }
    /// Events.
    public struct Events: Decodable, Sendable {
        public var reportSessions: Int
        public var reportAttendance: Int
        public var trainingsH1: Int
        public var trainingAttendancesH1: Int
        public var trainingsH2: Int
        public var forums: Int
        public var dialogues: Int
        public var tours: Int
        public var exhibitions: Int
        public var exhibitionAgreements: Int
        public var exhibitionAmount: String
        enum CodingKeys: String, CodingKey {
            case reportSessions = "report_sessions"
            case reportAttendance = "report_attendance"
            case trainingsH1 = "trainings_h1"
            case trainingAttendancesH1 = "training_attendances_h1"
            case trainingsH2 = "trainings_h2"
            case forums, dialogues, tours, exhibitions
            case exhibitionAgreements = "exhibition_agreements"
            case exhibitionAmount = "exhibition_amount"
        }
    }
    /// Matching deals.
    public struct Matching: Decodable, Sendable {
        public var projectDeals: Int
        public var projectAmount: String
        public var creditDeals: Int
        public var creditAmount: String
        public var talentsHigh: Int
        public var talentDeals: Int
        public var failedShare: Double
        enum CodingKeys: String, CodingKey {
            case projectDeals = "project_deals"
            case projectAmount = "project_amount"
            case creditDeals = "credit_deals"
            case creditAmount = "credit_amount"
            case talentsHigh = "talents_high"
            case talentDeals = "talent_deals"
            case failedShare = "failed_share"
        }
    }
    /// Pairing of firms and villages.
    public struct Pairing: Decodable, Sendable {
        public var firms: Int
        public var villages: Int
        public var invested: String
        public var workshops: Int
        public var jobs: Int
    }
    /// Index data.
    public struct Index: Decodable, Sendable {
        public var framework: String
        public var dataset: String
        public var firstYear: Int
        enum CodingKeys: String, CodingKey {
            case framework, dataset
            case firstYear = "first_year"
        }
    }

    public var enterprises: Int
    public var entrepreneurs: Int
    public var newMemberShare: Double
    public var chambers: Chambers
    public var visits: Visits
    public var requests: Requests
    public var infoReports: InfoReports
    public var proposals: Proposals
    public var events: Events
    public var matching: Matching
    public var pairing: Pairing
    public var index: Index

    enum CodingKeys: String, CodingKey {
        case enterprises, entrepreneurs, chambers, visits, requests, proposals, events, matching, pairing,
            index
        case newMemberShare = "new_member_share"
        case infoReports = "info_reports"
    }

    /// Parses a plan from YAML, strictly.
    public static func parse(yaml: String, file: String?) throws(GSLError) -> YearPlan {
        let plan = try ConfigDecoder.decode(
            YearPlan.self, from: ConfigYAML.parse(yaml, file: file), file: file)
        try plan.check(file: file)
        return plan
    }

    /// Refuses targets that cannot hold together (more solved than received…).
    func check(file: String?) throws(GSLError) {
        func refuse(_ zh: String, _ en: String) -> GSLError {
            GSLError.data(
                "演示年度计划无效：\(zh)", en: "invalid year plan: \(en)",
                at: SourceLocation(file: file, line: nil, column: nil, field: nil)
            ).because(.demoPlanInvalid)
        }
        let counts = [
            enterprises, entrepreneurs, chambers.direct, chambers.townStreet, visits.firms, requests.received,
            requests.solved, requests.rejected, infoReports.submitted, infoReports.adopted, proposals.filed,
            proposals.adoptedNational, events.reportSessions, events.reportAttendance, events.trainingsH1,
            events.trainingAttendancesH1, events.trainingsH2, events.forums, events.dialogues, events.tours,
            events.exhibitions, events.exhibitionAgreements, matching.projectDeals, matching.creditDeals,
            matching.talentsHigh, matching.talentDeals, pairing.firms, pairing.villages, pairing.workshops,
            pairing.jobs,
        ]
        if counts.contains(where: { $0 < 0 }) { throw refuse("数量不能为负", "counts must not be negative") }
        if requests.solved + requests.rejected > requests.received {
            throw refuse("办结与不予受理之和超过收到的诉求", "solved plus rejected exceed the requests received")
        }
        if visits.firms > enterprises { throw refuse("走访企业多于会员企业", "more firms visited than enterprises") }
        if infoReports.adopted > infoReports.submitted {
            throw refuse("采用多于报送", "more reports adopted than submitted")
        }
        if proposals.adoptedNational > proposals.filed {
            throw refuse("采用的提案多于立案", "more proposals adopted than filed")
        }
        if pairing.villages > pairing.firms || pairing.firms > enterprises {
            throw refuse(
                "结对企业须不少于结对村、不多于会员企业",
                "paired firms must be at least the villages and at most the enterprises")
        }
        for share in [
            newMemberShare, visits.revisitShare, requests.lateShare, requests.unsatisfiedShare,
            matching.failedShare,
        ]
        where !(0...1).contains(share) {
            throw refuse("比例须在 0 到 1 之间", "shares must lie between 0 and 1")
        }
        for amount in [
            events.exhibitionAmount, matching.projectAmount, matching.creditAmount, pairing.invested,
        ] {
            _ = try Money.parse(amount)
        }
    }

    /// The plan with every count and amount multiplied by `scale` (at least 1 where not 0).
    public func scaled(_ scale: Double) -> YearPlan {
        func n(_ x: Int) -> Int { x == 0 ? 0 : max(1, Int((Double(x) * scale).rounded())) }
        func m(_ s: String) -> String {
            guard let v = try? Money.parse(s) else { return s }
            return Money(fen: Int64((Double(v.fen) * scale).rounded())).plainYuan
        }
        var p = self
        p.enterprises = n(enterprises)
        p.entrepreneurs = n(entrepreneurs)
        p.chambers = Chambers(direct: n(chambers.direct), townStreet: n(chambers.townStreet))
        p.visits.firms = min(p.enterprises, n(visits.firms))
        p.requests.received = n(requests.received)
        p.requests.solved = min(n(requests.solved), p.requests.received)
        p.requests.rejected = min(n(requests.rejected), p.requests.received - p.requests.solved)
        p.infoReports = InfoReports(
            submitted: n(infoReports.submitted),
            adopted: min(n(infoReports.adopted), n(infoReports.submitted)))
        p.proposals = Proposals(
            filed: n(proposals.filed), adoptedNational: min(n(proposals.adoptedNational), n(proposals.filed)))
        p.events.reportSessions = n(events.reportSessions)
        p.events.trainingsH1 = n(events.trainingsH1)
        p.events.trainingAttendancesH1 = n(events.trainingAttendancesH1)
        p.events.trainingsH2 = n(events.trainingsH2)
        p.events.forums = n(events.forums)
        p.events.dialogues = n(events.dialogues)
        p.events.tours = n(events.tours)
        p.events.exhibitions = n(events.exhibitions)
        p.events.exhibitionAgreements = n(events.exhibitionAgreements)
        p.events.exhibitionAmount = m(events.exhibitionAmount)
        p.matching.projectDeals = n(matching.projectDeals)
        p.matching.projectAmount = m(matching.projectAmount)
        p.matching.creditDeals = n(matching.creditDeals)
        p.matching.creditAmount = m(matching.creditAmount)
        p.matching.talentsHigh = n(matching.talentsHigh)
        p.matching.talentDeals = min(n(matching.talentDeals), p.matching.talentsHigh)
        p.pairing.firms = min(p.enterprises, n(pairing.firms))
        p.pairing.villages = min(p.pairing.firms, n(pairing.villages))
        p.pairing.invested = m(pairing.invested)
        p.pairing.workshops = n(pairing.workshops)
        p.pairing.jobs = n(pairing.jobs)
        return p
    }
}
