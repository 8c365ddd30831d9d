import GSLCore
import GSLEvents
import GSLStore

/// The annual report's figures over events, attendance and outcomes.
public enum EventFigures {
    /// Events held (not cancelled) whose first day falls in the period.
    static func held(_ condition: String, to: String = ":to", alias: String = "") -> String {
        let a = alias.isEmpty ? "" : alias + "."
        let qualified =
            alias.isEmpty ? condition : condition.replacingOccurrences(of: "type =", with: "\(a)type =")
        return
            "\(a)status = 'scheduled' AND substr(\(a)starts_at, 1, 10) BETWEEN :from AND \(to) AND (\(qualified))"
    }

    /// One event-count figure.
    static func count(
        _ id: String, _ section: FigureSection, _ label: Message, _ condition: String, _ definition: Message,
        to: String = ":to"
    ) -> FigureDefinition {
        FigureDefinition(
            id: id, section: section, label: label, measure: Message("场", en: ""), unit: .count,
            definition: definition,
            valueSQL: "SELECT COUNT(*) FROM events WHERE \(held(condition, to: to))",
            recordsSQL: """
                SELECT id AS event_id, substr(starts_at, 1, 10) AS day, type, title, venue
                FROM events WHERE \(held(condition, to: to)) ORDER BY starts_at, id
                """)
    }

    static let firstHalfEnd = ":year || '-06-30'"
    static let trainings = "type = 'training' OR type = 'seminar'"
    static let exhibitionAgreements = """
        FROM event_outcomes x JOIN events e ON e.id = x.event_id
        WHERE e.type = 'exhibition' AND x.kind = 'agreement' AND x.on_date BETWEEN :from AND :to
        """

    /// The figures, in report order.
    public static let figures: [FigureDefinition] = [
        count(
            "events.dialogues", .relations, Message("政企恳谈会", en: "Government–business dialogues"),
            "type = 'dialogue'", Message("期间内举办的恳谈会", en: "dialogues held in the period")),
        count(
            "events.report-sessions", .growth,
            Message("举办报告会（讲堂、思享会）", en: "Report sessions (lectures, salons)"),
            "type = 'lecture' OR type = 'salon'",
            Message("期间内举办的讲堂与思享会", en: "lectures and salons held in the period")),
        count(
            "events.trainings-h1", .growth, Message("上半年培训与研讨", en: "Trainings and seminars, first half"),
            trainings, Message("1月1日至6月30日举办的培训与研讨", en: "trainings and seminars held 1 January – 30 June"),
            to: firstHalfEnd),
        FigureDefinition(
            id: "events.training-attendance-h1", section: .growth,
            label: Message("上半年培训参训人次", en: "Training attendances, first half"),
            measure: Message("人次", en: ""),
            unit: .count,
            definition: Message(
                "上半年培训与研讨的签到人次（每人每场次计一次）",
                en: "check-ins at first-half trainings and seminars (one per person and session)"),
            valueSQL: """
                SELECT COUNT(*) FROM event_attendance a JOIN events e ON e.id = a.event_id
                WHERE \(held(trainings, to: firstHalfEnd, alias: "e"))
                """,
            recordsSQL: """
                SELECT a.event_id, e.title, a.session_id, a.person_id, p.name AS person, a.on_date
                FROM event_attendance a JOIN events e ON e.id = a.event_id JOIN people p ON p.id = a.person_id
                WHERE \(held(trainings, to: firstHalfEnd, alias: "e")) ORDER BY a.on_date, a.event_id, a.person_id
                """),
        FigureDefinition(
            id: "events.people-reached", section: .growth,
            label: Message("参加活动的企业家", en: "Entrepreneurs reached by events"), measure: Message("人", en: ""),
            unit: .count,
            definition: Message(
                "期间内至少签到一次的人（去重）", en: "distinct people checked in at least once in the period"),
            valueSQL:
                "SELECT COUNT(DISTINCT person_id) FROM event_attendance WHERE on_date BETWEEN :from AND :to",
            recordsSQL: """
                SELECT a.person_id, p.name AS person, COUNT(*) AS attendances, MIN(a.on_date) AS first_day
                FROM event_attendance a JOIN people p ON p.id = a.person_id
                WHERE a.on_date BETWEEN :from AND :to GROUP BY a.person_id ORDER BY attendances DESC, a.person_id
                """),
        count(
            "events.forums", .growth, Message("青年企业家论坛与座谈", en: "Forums"), "type = 'forum'",
            Message("期间内举办的座谈会与论坛", en: "forums held in the period")),
        count(
            "events.tours", .growth, Message("考察交流", en: "Study tours"), "type = 'tour'",
            Message("期间内组织的考察", en: "study tours in the period")),
        count(
            "events.exhibitions", .development, Message("组织参加展会", en: "Exhibitions"), "type = 'exhibition'",
            Message("期间内组织参加的展会", en: "exhibitions attended in the period")),
        FigureDefinition(
            id: "events.exhibition-agreements", section: .development,
            label: Message("展会签约项目", en: "Agreements signed at exhibitions"), measure: Message("个", en: ""),
            unit: .count,
            definition: Message("期间内在展会上签订的协议", en: "agreements signed at exhibitions in the period"),
            valueSQL: "SELECT COUNT(*) \(exhibitionAgreements)",
            recordsSQL: """
                SELECT x.id AS outcome_id, x.on_date, e.title AS exhibition, x.title, x.amount_fen
                \(exhibitionAgreements) ORDER BY x.on_date, x.id
                """),
        FigureDefinition(
            id: "events.exhibition-amount", section: .development,
            label: Message("展会签约金额", en: "Amount agreed at exhibitions"), unit: .fen,
            definition: Message("展会签约协议的金额合计", en: "total amount of the agreements signed at exhibitions"),
            valueSQL: "SELECT COALESCE(SUM(x.amount_fen), 0) \(exhibitionAgreements)",
            recordsSQL: """
                SELECT x.id AS outcome_id, x.on_date, e.title AS exhibition, x.title, x.amount_fen
                \(exhibitionAgreements) ORDER BY x.amount_fen DESC, x.id
                """),
    ]

    /// Events by month and kind.
    public static let series: [SeriesDefinition] = [
        SeriesDefinition(
            id: "events.by-month", section: .growth, title: Message("各月活动", en: "Events by month"),
            columns: [
                Message("报告会", en: "report sessions"), Message("培训研讨", en: "trainings"),
                Message("展会", en: "exhibitions"), Message("其他", en: "other"),
            ],
            unit: .count,
            sql: """
                SELECT substr(starts_at, 1, 7) AS month,
                       SUM(CASE WHEN type = 'lecture' OR type = 'salon' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN \(trainings) THEN 1 ELSE 0 END),
                       SUM(CASE WHEN type = 'exhibition' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN type = 'lecture' OR type = 'salon' OR \(trainings) OR type = 'exhibition'
                                THEN 0 ELSE 1 END)
                FROM events WHERE status = 'scheduled' AND substr(starts_at, 1, 10) BETWEEN :from AND :to
                GROUP BY month ORDER BY month
                """)
    ]
}
