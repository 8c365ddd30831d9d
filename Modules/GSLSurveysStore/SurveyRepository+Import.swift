import Foundation
import GRDB
import GSLCore
import GSLStore
import GSLSurveys
import GSLTabular

extension SurveyRepository {
    /// The export read as a sheet for the engine, with its physical columns.
    static func sheet(_ file: TabularFile) -> SurveySheet {
        let probe = TabularRow(line: 1, index: 0, values: [])
        let physical = file.header.indices.map { file.location(row: probe, column: $0).column ?? $0 + 1 }
        return SurveySheet(
            file: file.path, header: file.header,
            rows: file.rows.map { SurveySheet.Row(line: $0.line, values: $0.values) },
            physicalColumns: physical)
    }

    /// Reads an export and stores its respondents under `name` (creating the survey, its codebook
    /// given or inferred), linking each to people and enterprises. One transaction: a bad cell
    /// writes nothing.
    public func importFile(
        _ options: ImportOptions, survey name: String, codebook given: Codebook?, title: String?,
        context: MutationContext
    ) throws(GSLError) -> SurveyImportReport {
        let file = try TabularReader.read(
            path: options.path, format: options.format, encoding: options.encoding, sheet: options.sheet)
        try file.refuseHeaderOnly()
        let sheet = Self.sheet(file)
        let stored: Codebook? = try store.read { db in
            guard
                let text = try String.fetchOne(
                    db, sql: "SELECT codebook FROM surveys WHERE name = ?", arguments: [name])
            else { return nil }
            return try JSONDecoder().decode(Codebook.self, from: Data(text.utf8))
        }
        if let given, let stored, given.questions != stored.questions {
            throw GSLError.conflict(
                "调查“\(name)”已有码本，与所给码本不同；请换一个调查名导入",
                en: "survey \"\(name)\" already has a different codebook; import under another name"
            ).because(.surveysCodebookInvalid)
        }
        var codebook: Codebook
        if let known = given ?? stored {
            codebook = known
        } else {
            codebook = try CodebookInference.infer(sheet, title: title)
        }
        if given == nil && stored == nil, let title { codebook.title = title }
        let read = try AnswerReader.read(sheet, codebook: codebook)
        let links = try store.read { db in try link(db, read.respondents, codebook: codebook) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let codebookJSON = String(decoding: (try? encoder.encode(codebook)) ?? Data(), as: UTF8.self)
        let work: (Mutation) throws -> SurveyImportReport = { m in
            let db = m.db
            var created = false
            var surveyID = try Int64.fetchOne(
                db, sql: "SELECT id FROM surveys WHERE name = ?", arguments: [name])
            if surveyID == nil {
                created = true
                surveyID = try m.insert(
                    into: "surveys", entity: "survey",
                    values: [
                        ("name", name.databaseValue), ("title", (codebook.title ?? title).databaseValue),
                        ("layout", read.layout.rawValue.databaseValue),
                        ("codebook", codebookJSON.databaseValue),
                        ("source_file", file.path.databaseValue), ("created_at", context.at.databaseValue),
                        ("updated_at", context.at.databaseValue),
                    ])
            }
            let existing = Set(
                try Int.fetchAll(
                    db, sql: "SELECT number FROM survey_respondents WHERE survey_id = ?",
                    arguments: [surveyID!]))
            var rows: [[DatabaseValue]] = []
            var report = SurveyImportReport(
                survey: name, created: created, layout: read.layout, rows: read.respondents.count,
                inserted: 0,
                skipped: 0, matched: 0, ambiguous: 0, unmatched: 0, questions: codebook.questions.count,
                dryRun: options.dryRun, notices: file.notices.map(\.zh))
            for (r, link) in zip(read.respondents, links) {
                if existing.contains(r.number) {
                    report.skipped += 1
                    continue
                }
                switch link.status {
                case .matched: report.matched += 1
                case .ambiguous: report.ambiguous += 1
                case .unmatched: report.unmatched += 1
                case .notAsked: break
                }
                rows.append([
                    surveyID!.databaseValue, r.number.databaseValue, r.submittedAt.databaseValue,
                    r.durationSeconds.databaseValue, r.source.databaseValue, r.sourceDetail.databaseValue,
                    r.ip.databaseValue, AnswerCoding.encode(r.answers, otherText: r.otherText).databaseValue,
                    link.personID.databaseValue, link.organisationID.databaseValue,
                    link.status.rawValue.databaseValue, link.note.databaseValue, context.at.databaseValue,
                ])
            }
            report.inserted = rows.count
            try m.insertMany(
                into: "survey_respondents", entity: "survey_respondent",
                columns: [
                    "survey_id", "number", "submitted_at", "duration_s", "source", "source_detail", "ip",
                    "answers",
                    "person_id", "organisation_id", "link_status", "link_note", "imported_at",
                ], rows: rows)
            return report
        }
        return options.dryRun ? try store.dryRun(context, work) : try store.write(context, work)
    }

    /// Links each respondent from its identifying answers (never on a name alone).
    func link(_ db: Database, _ respondents: [Respondent], codebook: Codebook) throws -> [RespondentLink] {
        let nameQ = codebook.question(role: .name)?.number
        let phoneQ = codebook.question(role: .phone)?.number
        let enterpriseQ = codebook.question(role: .enterprise)?.number
        let usccQ = codebook.question(role: .uscc)?.number
        guard nameQ != nil || phoneQ != nil || enterpriseQ != nil || usccQ != nil else {
            return respondents.map { _ in RespondentLink(status: .notAsked) }
        }
        func text(_ r: Respondent, _ q: Int?) -> String? {
            guard let q, case .text(let t) = r.answers[q] else { return nil }
            let trimmed = t.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
        func digits(_ s: String) -> String {
            String(
                s.unicodeScalars.filter { $0.properties.numericType != nil && $0.isASCII }.map(Character.init)
            )
        }
        let byPhone = try db.cachedStatement(
            sql: "SELECT id, organisation_id FROM people WHERE phone = ? OR phone = ?")
        let byName = try db.cachedStatement(
            sql: """
                SELECT p.id, p.organisation_id, o.name AS org FROM people p
                LEFT JOIN organisations o ON o.id = p.organisation_id WHERE p.name = ?
                """)
        let orgByUSCC = try db.cachedStatement(sql: "SELECT id FROM organisations WHERE uscc = ?")
        let orgByName = try db.cachedStatement(
            sql: "SELECT id FROM organisations WHERE name = ? AND kind = 'enterprise'")
        return try respondents.map { r in
            var c = LinkCandidates()
            let name = text(r, nameQ)
            let phone = text(r, phoneQ)
            let enterprise = text(r, enterpriseQ)
            let uscc = text(r, usccQ)?.uppercased()
            c.asked = name != nil || phone != nil || enterprise != nil || uscc != nil
            if let phone {
                let d = digits(phone)
                for row in try Row.fetchAll(byPhone, arguments: [phone, d]) {
                    c.peopleByPhone.append(row["id"])
                    if let org: Int64 = row["organisation_id"] { c.organisationOfPerson[row["id"]] = org }
                }
            }
            if let name {
                let people = try Row.fetchAll(byName, arguments: [name])
                for row in people {
                    if let org: Int64 = row["organisation_id"] { c.organisationOfPerson[row["id"]] = org }
                    if let enterprise, (row["org"] as String?) == enterprise {
                        c.peopleByNameAndEnterprise.append(row["id"])
                    }
                }
                if phone == nil && enterprise == nil { c.peopleByNameOnly = people.map { $0["id"] } }
            }
            if let uscc { c.organisationsByUSCC = try Int64.fetchAll(orgByUSCC, arguments: [uscc]) }
            if let enterprise {
                c.organisationsByName = try Int64.fetchAll(orgByName, arguments: [enterprise])
            }
            return RespondentLink.decide(c)
        }
    }
}
