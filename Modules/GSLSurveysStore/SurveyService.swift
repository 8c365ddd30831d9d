import Foundation
import GRDB
import GSLCore
import GSLStore
import GSLSurveys
import GSLTabular

/// What to describe respondents by in a profile.
public enum ProfileDimension: String, Sendable, CaseIterable {
    /// The county (区县) of the linked enterprise.
    case county
    /// The GB/T 4754 section of the linked enterprise.
    case industry
    /// The linked person's birth cohort (80后, 90后 …).
    case generation
}

/// Surveys as the federation runs them: what each `gsl survey` command does is one call here.
public struct SurveyService: Sendable {
    /// The store.
    public let store: Store
    /// Surveys and respondents.
    public let surveys: SurveyRepository

    /// The service over `store`.
    public init(store: Store) {
        self.store = store
        surveys = SurveyRepository(store: store)
    }

    /// `gsl survey import`: reads a 问卷星 export (CSV or .xlsx, either layout) into survey `name`.
    public func importFile(
        _ options: ImportOptions, survey name: String, codebookFile: String?, title: String?,
        context: MutationContext
    ) throws(GSLError) -> SurveyImportReport {
        let given = try codebookFile.map { (path) throws(GSLError) in
            try Codebook.parse(InputFile.text(path, what: Message("码本文件", en: "codebook file")), file: path)
        }
        return try surveys.importFile(options, survey: name, codebook: given, title: title, context: context)
    }

    /// `gsl survey codebook`: the survey's codebook.
    public func codebook(_ name: String) throws(GSLError) -> Codebook { try surveys.load(name).codebook }

    /// `gsl survey list`.
    public func list() throws(GSLError) -> [SurveyRecord] { try surveys.list() }

    /// `gsl survey show`: the survey and its respondents (all, or those with `status`).
    public func show(_ name: String, status: LinkStatus?, unmask: Bool) throws(GSLError) -> (
        SurveyRecord, [RespondentView]
    ) {
        let record = try surveys.record(name)
        let loaded = try surveys.load(name)
        let cb = loaded.codebook
        let names: [Int64: String] = try store.read { db in
            var out: [Int64: String] = [:]
            let people = Set(loaded.links.compactMap(\.person))
            for id in people {
                out[id] = try String.fetchOne(
                    db, sql: "SELECT name FROM people WHERE id = ?", arguments: [id])
            }
            return out
        }
        let orgNames: [Int64: String] = try store.read { db in
            var out: [Int64: String] = [:]
            for id in Set(loaded.links.compactMap(\.organisation)) {
                out[id] = try String.fetchOne(
                    db, sql: "SELECT name FROM organisations WHERE id = ?", arguments: [id])
            }
            return out
        }
        var views: [RespondentView] = []
        for (i, r) in loaded.respondents.enumerated() {
            let link = loaded.links[i]
            if let status, link.status != status { continue }
            var identity: [String] = []
            for role in PersonalRole.allCases {
                guard let q = cb.question(role: role), case .text(let t) = r.answers[q.number] else {
                    continue
                }
                identity.append(unmask || !role.masked ? t : PersonalMask.mask(t, role: role))
            }
            let personName = link.person.flatMap { names[$0] }.map {
                unmask ? $0 : PersonalMask.mask($0, role: .name)
            }
            views.append(
                RespondentView(
                    number: r.number, submittedAt: r.submittedAt, status: link.status, personID: link.person,
                    personName: personName, organisationID: link.organisation,
                    organisationName: link.organisation.flatMap { orgNames[$0] }, note: link.note,
                    identity: identity.isEmpty ? nil : identity.joined(separator: " / "),
                    weight: loaded.weights?[i]))
        }
        return (record, views)
    }

    /// The weights to use: the survey's when it has them, unless `unweighted`.
    private func weights(_ loaded: SurveyRepository.Loaded, unweighted: Bool) -> [Double]? {
        unweighted ? nil : loaded.weights
    }

    /// The question named `reference` (`4`, `Q4`; `Q6.2` names row 2 of a matrix).
    static func question(_ cb: Codebook, _ reference: String) throws(GSLError) -> (SurveyQuestion, Int?) {
        var ref = reference
        var row: Int?
        if let dot = reference.firstIndex(of: ".") {
            ref = String(reference[..<dot])
            row = Int(reference[reference.index(after: dot)...]).map { $0 - 1 }
        }
        guard let q = cb.question(named: ref) else {
            let known = cb.questions.map(\.id).joined(separator: ", ")
            throw GSLError(
                .notFound,
                Message(
                    "调查中没有题目“\(reference)”（有：\(known)）",
                    en: "the survey has no question \"\(reference)\" (it has: \(known))")
            ).because(.surveysQuestionInvalid)
        }
        if let r = row, q.type != .matrix || r < 0 || r >= q.rows.count {
            throw GSLError.usage(
                "“\(reference)”：第 \(q.number) 题没有第 \(r + 1) 行",
                en: "\"\(reference)\": question \(q.number) has no row \(r + 1)"
            ).because(.surveysQuestionInvalid)
        }
        return (q, row)
    }

    /// `gsl survey freq`: frequencies of one question, or of every question when `question` is nil.
    public func frequencies(_ name: String, question: String?, unweighted: Bool, unmask: Bool)
        throws(GSLError)
        -> (tables: [FrequencyTable], weighting: WeightingSummary?)
    {
        let loaded = try surveys.load(name, questions: question.map { [$0] })
        let w = weights(loaded, unweighted: unweighted)
        // `Q13.10` names one row of a matrix: its table alone.
        if let question {
            let (q, row) = try Self.question(loaded.codebook, question)
            let tables = Tabulation.frequencies(
                q, respondents: loaded.respondents, weights: w, unmask: unmask)
            return (row.map { [tables[$0]] } ?? tables, w == nil ? nil : loaded.weighting)
        }
        let tables = loaded.codebook.questions.flatMap {
            Tabulation.frequencies($0, respondents: loaded.respondents, weights: w, unmask: unmask)
        }
        return (tables, w == nil ? nil : loaded.weighting)
    }

    /// `gsl survey crosstab`.
    public func crosstab(_ name: String, rows: String, columns: String, unweighted: Bool) throws(GSLError)
        -> CrosstabTable
    {
        let loaded = try surveys.load(name, questions: [rows, columns])
        let (rq, rr) = try Self.question(loaded.codebook, rows)
        let (cq, cr) = try Self.question(loaded.codebook, columns)
        return try Tabulation.crosstab(
            rq, rowOfMatrix: rr, by: cq, columnOfMatrix: cr, respondents: loaded.respondents,
            weights: weights(loaded, unweighted: unweighted))
    }

    /// `gsl survey mean`.
    public func means(_ name: String, question: String, unweighted: Bool) throws(GSLError) -> MeanTable {
        let loaded = try surveys.load(name, questions: [question])
        let (q, _) = try Self.question(loaded.codebook, question)
        return try Tabulation.means(
            q, respondents: loaded.respondents, weights: weights(loaded, unweighted: unweighted))
    }

    /// `gsl survey weight`: weights the survey to the margins in the file at `path`.
    public func weight(_ name: String, marginsFile path: String, context: MutationContext, dryRun: Bool)
        throws(GSLError) -> WeightingSummary
    {
        let text = try InputFile.text(path, what: Message("边际文件", en: "margins file"))
        let spec = try MarginsFile.parse(text, file: path)
        return try surveys.weight(name, spec: spec, context: context, dryRun: dryRun)
    }

    /// `gsl survey weight --margins-from-store`: weights the survey to the store's own population —
    /// each question to the counts of `scope`'s enterprises by a dimension (raking), or with `joint`
    /// to the cells of all the dimensions at once (post-stratification). Returns the weighting and
    /// the population it was fitted to.
    public func weight(
        _ name: String, fromStore pairings: [PopulationMargins.Pairing], scope: PopulationScope, joint: Bool,
        trim: Raking.Trim?, context: MutationContext, dryRun: Bool
    ) throws(GSLError) -> (WeightingSummary, PopulationTable) {
        guard !pairings.isEmpty else {
            throw GSLError.usage("没有给出边际", en: "no margins given").because(.surveysMarginInvalid)
        }
        let loaded = try surveys.load(name, questions: pairings.map(\.question))
        let population = try surveys.population(
            pairings.map(\.dimension), scope: scope, on: String(context.at.prefix(10)))
        guard population.total > 0 else {
            throw GSLError.data(
                "库中没有可作总体的\(scope.message.zh)（需记录\(pairings.map(\.dimension.zh).joined(separator: "、"))）",
                en:
                    "the store has no \(scope.message.en) with \(pairings.map(\.dimension.rawValue).joined(separator: ", ")) recorded"
            ).because(.surveysMarginInvalid)
        }
        let margins = try PopulationMargins.margins(
            pairings, codebook: loaded.codebook, population: population, joint: joint)
        let summary = try surveys.weight(
            name, spec: MarginsFile(margins: margins, trim: trim), context: context, dryRun: dryRun)
        return (summary, population)
    }

    /// A question's weighted (when the survey is weighted) mean and option shares: the call other
    /// modules use, e.g. policy evaluation reading satisfaction.
    public func summary(_ name: String, question: String) throws(GSLError) -> QuestionSummary {
        let loaded = try surveys.load(name, questions: [question])
        let (q, row) = try Self.question(loaded.codebook, question)
        let tables = Tabulation.frequencies(q, respondents: loaded.respondents, weights: loaded.weights)
        let table = row.map { tables[$0] } ?? tables[0]
        var means: [String: Estimate] = [:]
        if q.type == .matrix || q.type == .single || q.type == .rating {
            let m = try Tabulation.means(q, respondents: loaded.respondents, weights: loaded.weights)
            for (k, line) in m.lines.enumerated() where row == nil || row == k {
                means[line.label] = line.mean
            }
        }
        var shares: [String: Estimate] = [:]
        for r in table.rows { shares[r.label] = r.share }
        return QuestionSummary(
            question: q.id, text: q.text, answered: table.answered, weighted: loaded.weights != nil,
            means: means,
            shares: shares)
    }

    /// `gsl person show`: the surveys a person answered.
    public func surveys(ofPerson id: Int64) throws(GSLError) -> [PersonSurvey] {
        try surveys.surveys(ofPerson: id)
    }

    /// `gsl survey profile`: respondents by the county, industry or generation of their linked records.
    public func profile(_ name: String, by dimension: ProfileDimension, unweighted: Bool) throws(GSLError)
        -> [ProfileLine]
    {
        let loaded = try surveys.load(name)
        let w = weights(loaded, unweighted: unweighted)
        let categories: [String] = try store.read { db in
            try loaded.links.map { link in
                switch dimension {
                case .county:
                    guard let org = link.organisation,
                        let code = try String.fetchOne(
                            db, sql: "SELECT region_code FROM organisations WHERE id = ?", arguments: [org]),
                        code.count >= 6
                    else { return "（未知）" }
                    return try String.fetchOne(
                        db, sql: "SELECT name FROM regions WHERE code = ?",
                        arguments: [String(code.prefix(6))])
                        ?? String(code.prefix(6))
                case .industry:
                    guard let org = link.organisation,
                        let section = try String.fetchOne(
                            db, sql: "SELECT industry_section FROM organisations WHERE id = ?",
                            arguments: [org])
                    else { return "（未知）" }
                    return IndustryCatalog.standard.lookup(section).map { "\(section) \($0.name)" } ?? section
                case .generation:
                    guard let person = link.person,
                        let year = try Int.fetchOne(
                            db, sql: "SELECT birth_year FROM people WHERE id = ?", arguments: [person])
                    else { return "（未知）" }
                    return Self.cohort(year)
                }
            }
        }
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (i, c) in categories.enumerated() {
            if members[c] == nil { order.append(c) }
            members[c, default: []].append(i)
        }
        order.sort { a, b in
            let unknownA = a.hasPrefix("（"), unknownB = b.hasPrefix("（")
            return unknownA != unknownB ? !unknownA : a < b
        }
        let total = w?.reduce(0, +)
        return order.map { c in
            let m = members[c]!
            return ProfileLine(
                category: c, respondents: m.count,
                share: Estimators.wilson(successes: m.count, n: categories.count),
                weightedShare: w.map { ws in m.reduce(0.0) { $0 + ws[$1] } / total! })
        }
    }

    /// `1987` → `80后`.
    static func cohort(_ year: Int) -> String {
        let decade = (year / 10 % 10) * 10
        return decade == 0 ? "00后" : "\(decade)后"
    }
}
