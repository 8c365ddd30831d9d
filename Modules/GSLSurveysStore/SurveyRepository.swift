import Foundation
import GRDB
import GSLCore
import GSLStore
import GSLSurveys
import GSLTabular

/// Surveys, their respondents and weights in the store.
public struct SurveyRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store`.
    public init(store: Store) { self.store = store }

    /// Everything an analysis needs: the survey, its codebook, respondents (by 序号) and weights.
    public struct Loaded: Sendable {
        /// The survey's row id.
        public var id: Int64
        /// Its name.
        public var name: String
        /// Its title.
        public var title: String?
        /// The codebook.
        public var codebook: Codebook
        /// Respondents ordered by 序号.
        public var respondents: [Respondent]
        /// Their link status, person and enterprise.
        public var links: [(status: LinkStatus, person: Int64?, organisation: Int64?, note: String?)]
        /// The weights in force (aligned with `respondents`), if any and current.
        public var weights: [Double]?
        /// The weighting in force.
        public var weighting: WeightingSummary?
    }

    /// The survey named `name`, or not-found.
    func surveyID(_ db: Database, _ name: String) throws -> (Int64, String?, String) {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT id, title, codebook FROM surveys WHERE name = ?", arguments: [name])
        else {
            let names = try String.fetchAll(db, sql: "SELECT name FROM surveys ORDER BY name LIMIT 10")
            let known = names.isEmpty ? "" : "（已有：\(names.joined(separator: "、"))）"
            let knownEn = names.isEmpty ? "" : " (known: \(names.joined(separator: ", ")))"
            throw GSLError(
                .notFound, Message("没有名为“\(name)”的调查\(known)", en: "no survey named \"\(name)\"\(knownEn)")
            ).because(.surveysNotFound)
        }
        return (row["id"], row["title"], row["codebook"])
    }

    /// Loads a survey for analysis.
    /// The survey with its respondents; with `questions` (`Q7`, `Q13.10`), only the answers to those
    /// questions are read (all of them when one does not name a question, for the caller's error).
    public func load(_ name: String, questions: [String]? = nil) throws(GSLError) -> Loaded {
        try store.read { db in try load(db, name, questions: questions) }
    }

    func load(_ db: Database, _ name: String, questions: [String]? = nil) throws -> Loaded {
        let (id, title, codebookText) = try surveyID(db, name)
        let codebook = try JSONDecoder().decode(Codebook.self, from: Data(codebookText.utf8))
        let only: Set<Int>? = questions.flatMap { references in
            var numbers = Set<Int>()
            for reference in references {
                let base = reference.split(separator: ".").first.map(String.init) ?? reference
                guard let q = codebook.question(named: base) else { return nil }
                numbers.insert(q.number)
            }
            return numbers
        }
        var respondents: [Respondent] = []
        var links: [(LinkStatus, Int64?, Int64?, String?)] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT number, submitted_at, duration_s, source, source_detail, ip, answers, link_status, person_id,
                       organisation_id, link_note
                FROM survey_respondents WHERE survey_id = ? ORDER BY number
                """, arguments: [id])
        let reader = AnswerCoding.Reader(codebook, only: only)
        while let row = try rows.next() {
            let (answers, other) = reader.decode(row["answers"])
            respondents.append(
                Respondent(
                    number: row["number"], submittedAt: row["submitted_at"],
                    durationSeconds: row["duration_s"],
                    source: row["source"], sourceDetail: row["source_detail"], ip: row["ip"],
                    answers: answers,
                    otherText: other))
            links.append(
                (
                    LinkStatus(rawValue: row["link_status"]) ?? .notAsked, row["person_id"],
                    row["organisation_id"], row["link_note"]
                ))
        }
        var weights: [Double]?
        var summary: WeightingSummary?
        if let w = try Row.fetchOne(
            db, sql: "SELECT * FROM survey_weightings WHERE survey_id = ? ORDER BY id DESC LIMIT 1",
            arguments: [id])
        {
            let values = try JSONDecoder().decode([Double].self, from: Data((w["weights"] as String).utf8))
            let spec = try JSONDecoder().decode([String].self, from: Data((w["spec"] as String).utf8))
            if values.count == respondents.count {
                weights = values
                summary = WeightingSummary(
                    method: WeightingMethod(rawValue: w["method"]) ?? .raking, margins: spec,
                    respondents: w["respondents"], iterations: w["iterations"], trimmed: w["trimmed"],
                    designEffect: w["design_effect"], effectiveN: w["effective_n"],
                    minWeight: values.min() ?? 0,
                    maxWeight: values.max() ?? 0, totalWeight: values.reduce(0, +), createdAt: w["created_at"]
                )
            }
        }
        return Loaded(
            id: id, name: name, title: title, codebook: codebook, respondents: respondents, links: links,
            weights: weights, weighting: summary)
    }

    /// The surveys stored, with their counts.
    public func list() throws(GSLError) -> [SurveyRecord] {
        try store.read { db in
            let names = try String.fetchAll(db, sql: "SELECT name FROM surveys ORDER BY created_at, id")
            return try names.map { try record(db, $0) }
        }
    }

    /// One survey's summary.
    public func record(_ name: String) throws(GSLError) -> SurveyRecord {
        try store.read { db in try record(db, name) }
    }

    func record(_ db: Database, _ name: String) throws -> SurveyRecord {
        let loaded = try load(db, name)
        let row = try Row.fetchOne(db, sql: "SELECT * FROM surveys WHERE id = ?", arguments: [loaded.id])!
        func count(_ s: LinkStatus) -> Int { loaded.links.filter { $0.status == s }.count }
        return SurveyRecord(
            id: loaded.id, name: name, title: loaded.title,
            layout: SurveyLayout(rawValue: row["layout"]) ?? .text,
            sourceFile: row["source_file"], respondents: loaded.respondents.count, matched: count(.matched),
            ambiguous: count(.ambiguous), unmatched: count(.unmatched),
            questions: loaded.codebook.questions.count,
            weighting: loaded.weighting, createdAt: row["created_at"])
    }

    /// The surveys a person answered.
    public func surveys(ofPerson personID: Int64) throws(GSLError) -> [PersonSurvey] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.name, s.title, r.number, r.submitted_at FROM survey_respondents r
                    JOIN surveys s ON s.id = r.survey_id WHERE r.person_id = ? ORDER BY r.submitted_at, s.name
                    """, arguments: [personID]
            ).map {
                PersonSurvey(
                    survey: $0["name"], title: $0["title"], number: $0["number"],
                    submittedAt: $0["submitted_at"])
            }
        }
    }
}
