import GSLCore
import GSLStore

/// The annual report's figures over the index: the latest run computed for the report's year.
public enum IndexFigures {
    /// The latest run for the year and the root's scores in it.
    static func rootScores(named: Bool = false) -> String {
        let join = named ? " LEFT JOIN index_units u ON u.dataset = r.dataset AND u.unit = s.unit" : ""
        return """
            FROM index_scores s JOIN index_runs r ON r.id = s.run_id\(join)
            WHERE r.id = (SELECT MAX(id) FROM index_runs WHERE period = :year) AND s.node = r.root
            """
    }

    /// The figures, in report order.
    public static let figures: [FigureDefinition] = [
        FigureDefinition(
            id: "index.units", section: .relations,
            label: Message("亲清健康指数评价区县", en: "Districts scored by the index"),
            measure: Message("个", en: ""), unit: .count,
            definition: Message(
                "本年度最新一次指数计算中有得分的单位", en: "units with a score in the year's latest index run"),
            valueSQL: "SELECT COUNT(*) \(rootScores()) AND s.score IS NOT NULL",
            recordsSQL: """
                SELECT s.run_id, s.unit, u.name, s.score, s.rank
                \(rootScores(named: true))
                ORDER BY s.rank, s.unit
                """),
        FigureDefinition(
            id: "index.mean", section: .relations, label: Message("亲清健康指数平均分", en: "Mean index score"),
            unit: .score,
            definition: Message("本年度最新一次指数计算的各单位总分平均值", en: "mean root score of the year's latest index run"),
            valueSQL: "SELECT AVG(s.score) \(rootScores())",
            recordsSQL: "SELECT s.run_id, s.unit, s.score, s.rank \(rootScores()) ORDER BY s.rank, s.unit"),
    ]

    /// The ranking of the year's latest run.
    public static let series: [SeriesDefinition] = [
        SeriesDefinition(
            id: "index.ranking", section: .relations, title: Message("亲清健康指数排名", en: "Index ranking"),
            columns: [Message("得分", en: "score")], unit: .score,
            sql: """
                SELECT COALESCE(u.name, s.unit), s.score
                \(rootScores(named: true))
                AND s.score IS NOT NULL ORDER BY s.score DESC, s.unit
                """)
    ]
}
