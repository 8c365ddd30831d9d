import GSLCasework
import GSLCore
import GSLStore

/// The annual report's figures over visits, requests, information reports and proposals.
public enum CaseworkFigures {
    /// A request's last close and last answer day (a reopened request counts its latest).
    static let closings = """
        SELECT case_id, MAX(CASE WHEN action = 'close' THEN on_date END) AS closed_on,
               MAX(CASE WHEN action = 'answer' THEN on_date END) AS answered_on
        FROM case_events GROUP BY case_id
        """

    /// The figures, in report order.
    public static let figures: [FigureDefinition] = [
        FigureDefinition(
            id: "visits.firms", section: .relations, label: Message("走访企业", en: "Enterprises visited"),
            measure: Message("家", en: ""), unit: .count,
            definition: Message(
                "期间内至少走访一次的企业数（按企业去重）", en: "distinct enterprises visited at least once in the period"),
            valueSQL: "SELECT COUNT(DISTINCT org_id) FROM visits WHERE on_date BETWEEN :from AND :to",
            recordsSQL: """
                SELECT v.org_id AS enterprise_id, o.name AS enterprise, MIN(v.on_date) AS first_visit,
                       COUNT(*) AS visits
                FROM visits v JOIN organisations o ON o.id = v.org_id
                WHERE v.on_date BETWEEN :from AND :to GROUP BY v.org_id ORDER BY first_visit, v.org_id
                """),
        FigureDefinition(
            id: "visits.count", section: .relations, label: Message("走访次数", en: "Visits made"),
            measure: Message("次", en: ""), unit: .count,
            definition: Message("期间内记录的走访", en: "visits logged in the period"),
            valueSQL: "SELECT COUNT(*) FROM visits WHERE on_date BETWEEN :from AND :to",
            recordsSQL: """
                SELECT v.id AS visit_id, v.on_date, o.name AS enterprise, v.staff
                FROM visits v JOIN organisations o ON o.id = v.org_id
                WHERE v.on_date BETWEEN :from AND :to ORDER BY v.on_date, v.id
                """),
        FigureDefinition(
            id: "cases.received", section: .relations, label: Message("收集企业诉求", en: "Requests received"),
            measure: Message("件", en: ""), unit: .count,
            definition: Message("期间内受理的诉求", en: "requests received in the period"),
            valueSQL: "SELECT COUNT(*) FROM cases WHERE opened_on BETWEEN :from AND :to",
            recordsSQL: """
                SELECT c.id AS request_id, c.opened_on, o.name AS enterprise, c.category, c.title, c.state
                FROM cases c JOIN organisations o ON o.id = c.org_id
                WHERE c.opened_on BETWEEN :from AND :to ORDER BY c.opened_on, c.id
                """),
        FigureDefinition(
            id: "cases.solved", section: .relations, label: Message("协调解决诉求", en: "Requests solved"),
            measure: Message("件", en: ""), unit: .count,
            definition: Message(
                "期间内办结且回访确认已解决的诉求", en: "requests closed in the period whose callback confirmed them solved"),
            valueSQL: """
                SELECT COUNT(*) FROM cases c JOIN (\(closings)) k ON k.case_id = c.id
                WHERE c.state = 'closed' AND c.cb_solved = 1 AND k.closed_on BETWEEN :from AND :to
                """,
            recordsSQL: """
                SELECT c.id AS request_id, k.closed_on, o.name AS enterprise, c.category, c.lead_department,
                       c.title
                FROM cases c JOIN (\(closings)) k ON k.case_id = c.id JOIN organisations o ON o.id = c.org_id
                WHERE c.state = 'closed' AND c.cb_solved = 1 AND k.closed_on BETWEEN :from AND :to
                ORDER BY k.closed_on, c.id
                """),
        FigureDefinition(
            id: "cases.on-time", section: .relations, label: Message("按期答复率", en: "Answered on time"),
            unit: .share,
            definition: Message(
                "期间内办结的诉求中，答复时办理时限（按工作日、调休计）未超的比例",
                en:
                    "share of requests closed in the period answered within the resolution target (working days)"
            ),
            valueSQL: """
                SELECT AVG(c.resolution_met) FROM cases c JOIN (\(closings)) k ON k.case_id = c.id
                WHERE c.state = 'closed' AND c.resolution_met IS NOT NULL AND k.closed_on BETWEEN :from AND :to
                """,
            recordsSQL: """
                SELECT c.id AS request_id, c.opened_on, k.answered_on, k.closed_on, c.resolution_met AS on_time
                FROM cases c JOIN (\(closings)) k ON k.case_id = c.id
                WHERE c.state = 'closed' AND c.resolution_met IS NOT NULL AND k.closed_on BETWEEN :from AND :to
                ORDER BY on_time, k.closed_on, c.id
                """),
        FigureDefinition(
            id: "cases.satisfied", section: .relations, label: Message("回访满意率", en: "Satisfied at callback"),
            unit: .share,
            definition: Message(
                "期间内回访有评价的诉求中，满意或基本满意的比例",
                en:
                    "share of callbacks in the period with a rating that were satisfied or basically satisfied"
            ),
            valueSQL: """
                SELECT AVG(CASE WHEN satisfaction = 'satisfied' OR satisfaction = 'basically_satisfied'
                                THEN 1.0 ELSE 0.0 END)
                FROM case_callbacks WHERE satisfaction IS NOT NULL AND on_date BETWEEN :from AND :to
                """,
            recordsSQL: """
                SELECT case_id AS request_id, on_date, satisfaction, solved
                FROM case_callbacks WHERE satisfaction IS NOT NULL AND on_date BETWEEN :from AND :to
                ORDER BY on_date, case_id
                """),
        FigureDefinition(
            id: "info.submitted", section: .relations,
            label: Message("报送社情民意信息", en: "Information reports submitted"),
            measure: Message("篇", en: ""), unit: .count,
            definition: Message(
                "期间内报送的社情民意信息", en: "public-opinion information reports submitted in the period"),
            valueSQL: """
                SELECT COUNT(DISTINCT report_id) FROM info_events
                WHERE kind = 'submit' AND on_date BETWEEN :from AND :to
                """,
            recordsSQL: """
                SELECT r.id AS report_id, MIN(e.on_date) AS submitted_on, r.title, r.author
                FROM info_reports r JOIN info_events e ON e.report_id = r.id
                WHERE e.kind = 'submit' AND e.on_date BETWEEN :from AND :to GROUP BY r.id
                ORDER BY submitted_on, r.id
                """),
        FigureDefinition(
            id: "info.adopted", section: .relations,
            label: Message("信息被采用", en: "Information reports adopted"),
            measure: Message("篇", en: ""), unit: .count,
            definition: Message("期间内被采用（任一级）的信息", en: "reports adopted at any level in the period"),
            valueSQL: """
                SELECT COUNT(DISTINCT report_id) FROM info_events
                WHERE kind = 'adopt' AND on_date BETWEEN :from AND :to
                """,
            recordsSQL: """
                SELECT r.id AS report_id, e.on_date, e.level, e.body AS adopted_by, r.title
                FROM info_reports r JOIN info_events e ON e.report_id = r.id
                WHERE e.kind = 'adopt' AND e.on_date BETWEEN :from AND :to ORDER BY e.on_date, r.id
                """),
        FigureDefinition(
            id: "proposals.adopted-national", section: .relations,
            label: Message("提案被全国政协采用", en: "Proposals adopted nationally"), measure: Message("件", en: ""),
            unit: .count,
            definition: Message("期间内被国家级机构采用的提案", en: "proposals adopted by a national body in the period"),
            valueSQL: """
                SELECT COUNT(DISTINCT proposal_id) FROM proposal_adoptions
                WHERE level = 'national' AND on_date BETWEEN :from AND :to
                """,
            recordsSQL: """
                SELECT p.id AS proposal_id, a.on_date, a.body AS adopted_by, p.title, p.proposer
                FROM proposals p JOIN proposal_adoptions a ON a.proposal_id = p.id
                WHERE a.level = 'national' AND a.on_date BETWEEN :from AND :to ORDER BY a.on_date, p.id
                """),
    ]

    /// Requests received in the period by category: answered on time, answered late, not closed.
    public static let series: [SeriesDefinition] = [
        SeriesDefinition(
            id: "cases.by-category", section: .relations,
            title: Message("诉求类别与办理时效", en: "Requests by category and SLA outcome"),
            columns: [
                Message("按期办结", en: "closed on time"), Message("逾期办结", en: "closed late"),
                Message("未办结", en: "not closed"),
            ],
            unit: .count,
            sql: """
                SELECT c.category,
                       SUM(CASE WHEN c.state = 'closed' AND c.resolution_met = 1 THEN 1 ELSE 0 END),
                       SUM(CASE WHEN c.state = 'closed' AND c.resolution_met = 0 THEN 1 ELSE 0 END),
                       SUM(CASE WHEN c.state = 'closed' THEN 0 ELSE 1 END)
                FROM cases c
                WHERE c.opened_on BETWEEN :from AND :to
                GROUP BY c.category ORDER BY COUNT(*) DESC, c.category
                """,
            labels: Dictionary(
                CaseTaxonomy.standard.categories.map { ($0.code, Message($0.zh, en: $0.en)) },
                uniquingKeysWith: { a, _ in a }))
    ]
}
