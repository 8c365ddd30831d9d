import GSLCore
import GSLMatching
import GSLStore

/// The annual report's figures over matching deals.
public enum MatchingFigures {
    /// Deals closed in the period (of the kinds in `condition`).
    static func deals(_ condition: String) -> String {
        "FROM match_proposals m WHERE m.state = 'deal' AND m.deal_on BETWEEN :from AND :to AND (\(condition))"
    }

    /// 融通: large and small firms' products, services and projects.
    static let projects = "m.kind = 'project' OR m.kind = 'product' OR m.kind = 'service'"
    /// The salary band that counts as a high-end talent (年薪百万以上).
    public static let highSalaryBand = "100万元以上"

    static func dealRecords(_ condition: String, order: String) -> String {
        """
        SELECT m.id AS proposal_id, m.deal_on, m.kind, d.title AS demand, od.name AS demand_org,
               os.name AS supply_org, m.deal_amount_fen, m.hires, m.salary_band
        FROM match_proposals m JOIN match_postings d ON d.id = m.demand_id
        JOIN match_postings s ON s.id = m.supply_id
        JOIN organisations od ON od.id = d.org_id JOIN organisations os ON os.id = s.org_id
        WHERE m.state = 'deal' AND m.deal_on BETWEEN :from AND :to AND (\(condition)) ORDER BY \(order)
        """
    }

    /// The figures, in report order.
    public static let figures: [FigureDefinition] = [
        FigureDefinition(
            id: "match.project-deals", section: .development,
            label: Message("大中小企业融通对接项目", en: "Large–small firm projects matched"),
            measure: Message("个", en: ""),
            unit: .count,
            definition: Message(
                "期间内达成的产品、服务、项目类对接", en: "product, service and project deals made in the period"),
            valueSQL: "SELECT COUNT(*) \(deals(projects))",
            recordsSQL: dealRecords(projects, order: "m.deal_on, m.id")),
        FigureDefinition(
            id: "match.project-amount", section: .development,
            label: Message("融通对接金额", en: "Amount of matched projects"), unit: .fen,
            definition: Message("融通对接成交金额合计", en: "total amount of the product, service and project deals"),
            valueSQL: "SELECT COALESCE(SUM(m.deal_amount_fen), 0) \(deals(projects))",
            recordsSQL: dealRecords(projects, order: "m.deal_amount_fen DESC, m.id")),
        FigureDefinition(
            id: "match.credit-deals", section: .development,
            label: Message("银企对接授信企业", en: "Credit lines granted"), measure: Message("笔", en: ""),
            unit: .count,
            definition: Message("期间内达成的银企信贷对接", en: "bank–enterprise credit deals in the period"),
            valueSQL: "SELECT COUNT(*) \(deals("m.kind = 'credit'"))",
            recordsSQL: dealRecords("m.kind = 'credit'", order: "m.deal_on, m.id")),
        FigureDefinition(
            id: "match.credit-amount", section: .development,
            label: Message("新增授信", en: "New credit granted"), unit: .fen,
            definition: Message("银企对接授信金额合计", en: "total credit granted through bank–enterprise matching"),
            valueSQL: "SELECT COALESCE(SUM(m.deal_amount_fen), 0) \(deals("m.kind = 'credit'"))",
            recordsSQL: dealRecords("m.kind = 'credit'", order: "m.deal_amount_fen DESC, m.id")),
        FigureDefinition(
            id: "match.talents-high", section: .development,
            label: Message("校企合作引进年薪百万以上人才", en: "Talents hired at ≥ 1 m yuan a year"),
            measure: Message("名", en: ""), unit: .count,
            definition: Message(
                "期间内人才类对接录用人数（薪酬档次为\(highSalaryBand)）",
                en: "people hired through talent deals in the period in the salary band \(highSalaryBand)"),
            valueSQL: """
                SELECT COALESCE(SUM(m.hires), 0) \(deals("m.kind = 'talent' AND m.salary_band = '\(highSalaryBand)'"))
                """,
            recordsSQL: dealRecords(
                "m.kind = 'talent' AND m.salary_band = '\(highSalaryBand)'", order: "m.deal_on, m.id")),
        FigureDefinition(
            id: "match.firms-helped", section: .development,
            label: Message("对接服务企业", en: "Firms helped by matching"), measure: Message("家", en: ""),
            unit: .count,
            definition: Message(
                "期间内成交对接的供需双方企业（去重）", en: "distinct organisations on either side of a deal in the period"),
            valueSQL: """
                SELECT COUNT(DISTINCT p.org_id) FROM match_proposals m
                JOIN match_postings p ON p.id = m.demand_id OR p.id = m.supply_id
                WHERE m.state = 'deal' AND m.deal_on BETWEEN :from AND :to
                """,
            recordsSQL: """
                SELECT p.org_id, o.name AS organisation, COUNT(*) AS deals, MIN(m.deal_on) AS first_deal
                FROM match_proposals m JOIN match_postings p ON p.id = m.demand_id OR p.id = m.supply_id
                JOIN organisations o ON o.id = p.org_id
                WHERE m.state = 'deal' AND m.deal_on BETWEEN :from AND :to
                GROUP BY p.org_id ORDER BY deals DESC, p.org_id
                """),
    ]

    /// Deals by kind: count and amount.
    public static let series: [SeriesDefinition] = [
        SeriesDefinition(
            id: "match.deals-by-kind", section: .development, title: Message("各类对接成交", en: "Deals by kind"),
            columns: [Message("成交数", en: "deals"), Message("金额（亿元）", en: "amount (100 m yuan)")],
            unit: .count,
            sql: """
                SELECT m.kind, COUNT(*), COALESCE(SUM(m.deal_amount_fen), 0) / 10000000000.0
                FROM match_proposals m WHERE m.state = 'deal' AND m.deal_on BETWEEN :from AND :to
                GROUP BY m.kind ORDER BY COUNT(*) DESC, m.kind
                """,
            labels: Dictionary(uniqueKeysWithValues: PostingKind.allCases.map { ($0.rawValue, $0.label) }))
    ]
}
