import GSLCore
import GSLStore

/// The annual report's figures over pairings, investment and workshops (商会联村).
public enum PairingFigures {
    /// Pairings in force at some point of the period.
    static let active = "start_date <= :to AND (end_date IS NULL OR end_date >= :from)"

    /// The figures, in report order.
    public static let figures: [FigureDefinition] = [
        FigureDefinition(
            id: "pair.firms", section: .villages, label: Message("结对企业", en: "Firms paired with villages"),
            measure: Message("家", en: ""), unit: .count,
            definition: Message(
                "期间内处于结对状态的企业（去重）", en: "distinct firms with a pairing in force in the period"),
            valueSQL: "SELECT COUNT(DISTINCT org_id) FROM pairings WHERE \(active)",
            recordsSQL: """
                SELECT p.org_id, o.name AS firm, COUNT(*) AS villages, MIN(p.start_date) AS since
                FROM pairings p JOIN organisations o ON o.id = p.org_id
                WHERE p.start_date <= :to AND (p.end_date IS NULL OR p.end_date >= :from)
                GROUP BY p.org_id ORDER BY since, p.org_id
                """),
        FigureDefinition(
            id: "pair.villages", section: .villages, label: Message("结对村", en: "Villages paired"),
            measure: Message("个", en: ""), unit: .count,
            definition: Message(
                "期间内处于结对状态的村（去重）", en: "distinct villages with a pairing in force in the period"),
            valueSQL: "SELECT COUNT(DISTINCT village_code) FROM pairings WHERE \(active)",
            recordsSQL: """
                SELECT p.village_code, r.name AS village, COUNT(*) AS firms, MIN(p.start_date) AS since
                FROM pairings p JOIN regions r ON r.code = p.village_code
                WHERE p.start_date <= :to AND (p.end_date IS NULL OR p.end_date >= :from)
                GROUP BY p.village_code ORDER BY since, p.village_code
                """),
        FigureDefinition(
            id: "pair.invested", section: .villages,
            label: Message("结对投入资金", en: "Invested in paired villages"),
            unit: .fen,
            definition: Message("期间内结对企业的项目投资与捐赠", en: "project investment and donations in the period"),
            valueSQL:
                "SELECT COALESCE(SUM(amount_fen), 0) FROM pair_investments WHERE on_date BETWEEN :from AND :to",
            recordsSQL: """
                SELECT i.id AS investment_id, i.on_date, o.name AS firm, r.name AS village, i.kind, i.amount_fen,
                       i.project
                FROM pair_investments i JOIN organisations o ON o.id = i.org_id
                JOIN regions r ON r.code = i.village_code
                WHERE i.on_date BETWEEN :from AND :to ORDER BY i.amount_fen DESC, i.id
                """),
        FigureDefinition(
            id: "pair.workshops", section: .villages,
            label: Message("共富工坊（累计）", en: "Common-prosperity workshops (to date)"),
            measure: Message("家", en: ""), unit: .count,
            definition: Message("期末已开办的共富工坊", en: "workshops opened by the end of the period"),
            valueSQL: "SELECT COUNT(*) FROM pair_workshops WHERE opened_on <= :to",
            recordsSQL: """
                SELECT w.id AS workshop_id, w.opened_on, w.name, r.name AS village, o.name AS firm, w.jobs
                FROM pair_workshops w JOIN regions r ON r.code = w.village_code
                JOIN organisations o ON o.id = w.org_id
                WHERE w.opened_on <= :to ORDER BY w.opened_on, w.id
                """),
        FigureDefinition(
            id: "pair.jobs", section: .villages,
            label: Message("工坊带动就业（累计）", en: "Jobs in workshops (to date)"),
            measure: Message("人", en: ""), unit: .count,
            definition: Message("期末已开办工坊的岗位合计", en: "jobs in the workshops opened by the end of the period"),
            valueSQL: "SELECT COALESCE(SUM(jobs), 0) FROM pair_workshops WHERE opened_on <= :to",
            recordsSQL: """
                SELECT w.id AS workshop_id, w.name, r.name AS village, w.jobs, w.wages_fen
                FROM pair_workshops w JOIN regions r ON r.code = w.village_code
                WHERE w.opened_on <= :to ORDER BY w.jobs DESC, w.id
                """),
    ]

    /// Paired villages by county against the county's villages.
    public static let series: [SeriesDefinition] = [
        SeriesDefinition(
            id: "pair.coverage-by-county", section: .villages,
            title: Message("各区县结对村覆盖", en: "Pairing coverage by county"),
            columns: [Message("结对村", en: "paired villages"), Message("行政村", en: "villages")],
            unit: .count,
            sql: """
                SELECT c.name,
                       (SELECT COUNT(DISTINCT p.village_code) FROM pairings p
                        WHERE substr(p.village_code, 1, 6) = c.code AND p.start_date <= :to
                          AND (p.end_date IS NULL OR p.end_date >= :from)),
                       (SELECT COUNT(*) FROM regions v WHERE v.level = 'village' AND substr(v.code, 1, 6) = c.code
                          AND CAST(substr(v.code, 10, 3) AS INTEGER) >= 200)
                FROM regions c WHERE c.level = 'county' AND substr(c.code, 1, 4) = '3302' ORDER BY c.code
                """)
    ]
}
