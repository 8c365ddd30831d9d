import Foundation
import GSLCore
import GSLDemo
import GSLStore
import GSLTabular

/// Writes the synthetic young-entrepreneur 问卷星 export (`gsl survey sample`, `gsl demo generate
/// --survey`): invented respondents, or with a store most of them the store's own entrepreneurs
/// answering with their name, phone and enterprise — so that importing the export links them and
/// builds the entrepreneur database, as a real survey of the federation's members would.
enum SurveyExportFile {
    /// Writes `n` respondents to `out` (.xlsx by its extension, else CSV); returns the column
    /// count and how many respondents came from the store.
    static func write(
        out: String, n: Int, layout: SurveySampleLayout, seed: UInt64, year: Int, store: Store?,
        context: MutationContext
    ) throws(GSLError) -> (columns: Int, known: Int) {
        let known =
            try store.map { (s) throws(GSLError) in
                try knownRespondents(s, n: n, seed: seed, year: year, context: context)
            } ?? []
        let export = YoungEntrepreneurSurvey.generate(
            respondents: n, layout: layout, seed: seed, known: known, year: year)
        let data: Data
        if out.lowercased().hasSuffix(".xlsx") {
            let rows = ([export.header] + export.rows).map { $0.map { XLSXWriter.Cell.text($0) } }
            data = try XLSXWriter(sheets: [XLSXWriter.Sheet(name: "Sheet1", rows: rows)]).data()
        } else {
            data = Data(export.csv().utf8)
        }
        try OutputFile.write(data, to: out)
        return (export.header.count, known.count)
    }

    /// Up to 92 % of `n` entrepreneurs of the store with an enterprise, the young generation
    /// (45 or under in `year`, or of unknown age) first, in a seeded order. Reading their phones is
    /// a disclosure and is recorded as one.
    static func knownRespondents(_ store: Store, n: Int, seed: UInt64, year: Int, context: MutationContext)
        throws(GSLError) -> [YoungEntrepreneurSurvey.KnownRespondent]
    {
        let records = RecordsService(store: store)
        let people = try records.personPage(
            PersonFilter(kind: .entrepreneur), limit: nil, offset: 0, unmask: true, context: context
        ).rows
        guard !people.isEmpty else {
            throw GSLError.notFound(
                "库中没有企业家：先导入人员（gsl person import）或生成一个年度（gsl demo generate --year）",
                en: "the store has no entrepreneurs: import people or generate a year first")
        }
        var firms: [Int64: Organisation] = [:]
        for o in try records.organisationPage(
            OrganisationFilter(kind: .enterprise), chamber: nil, limit: nil, offset: 0, unmask: false,
            context: context
        ).rows {
            firms[o.id] = o
        }
        var counties: [String: String] = [:]
        for r in try records.regionList(parent: nil, level: .county, limit: nil) { counties[r.code] = r.name }
        var random = SeededGenerator(seed: seed &+ 1)
        var candidates = people.filter { $0.organisationID.flatMap { firms[$0] } != nil }
        candidates.shuffle(using: &random)
        let young = candidates.filter { p in p.birthYear.map { year - $0 <= 45 } ?? true }
        let older = candidates.filter { p in p.birthYear.map { year - $0 > 45 } ?? false }
        let take = min(Int((Double(n) * 0.92).rounded(.down)), candidates.count)
        return (young + older).prefix(take).map { p in
            let firm = firms[p.organisationID!]!
            return YoungEntrepreneurSurvey.KnownRespondent(
                name: p.name, phone: p.phone, enterprise: firm.name,
                county: firm.regionCode.flatMap { $0.count >= 6 ? counties[String($0.prefix(6))] : nil },
                size: firm.size, birthYear: p.birthYear)
        }
    }
}
