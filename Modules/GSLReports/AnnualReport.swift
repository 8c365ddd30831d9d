import GSLCaseworkStore
import GSLCore
import GSLEventsStore
import GSLIndexScoringStore
import GSLMatchingStore
import GSLPairingStore
import GSLStore

/// One figure of the annual report with its value (and the comparison year's).
public struct ReportFigure: Sendable {
    /// What it is and how it is computed.
    public let definition: FigureDefinition
    /// Its value in the report's year.
    public let value: FigureValue
    /// Its value in the comparison year, when one was asked for.
    public let previous: FigureValue?

    /// The change against the comparison year (nil without one or when either value is missing).
    public var change: Double? {
        guard let now = value.double, let before = previous?.double else { return nil }
        return now - before
    }

    /// The relative change (nil when the comparison value is zero or missing).
    public var relativeChange: Double? {
        guard let change, let before = previous?.double, before != 0 else { return nil }
        return change / abs(before)
    }
}

/// A chart's data.
public struct ReportChart: Sendable {
    /// The series it draws.
    public let definition: SeriesDefinition
    /// Its rows: a label and one number per column.
    public let rows: [(label: String, values: [Double])]

    /// The row label for people (a category code → its name).
    public func label(_ raw: String, lang: Lang) -> String {
        definition.labels[raw].map { $0.text(lang) } ?? raw
    }
}

/// The year of a federation in figures: every number computed by a query over the records.
public struct AnnualReport: Sendable {
    /// The year.
    public let year: Int
    /// The comparison year, if any.
    public let compareYear: Int?
    /// The figures in report order (by section).
    public let figures: [ReportFigure]
    /// The charts.
    public let charts: [ReportChart]

    /// The figures of one section.
    public func figures(in section: FigureSection) -> [ReportFigure] {
        figures.filter { $0.definition.section == section }
    }
}

/// The annual report: figures from every module's catalogue, evaluated over one store.
public struct AnnualReportService: Sendable {
    let store: Store
    let repository: FigureRepository

    /// A service over `store`.
    public init(store: Store) {
        self.store = store
        repository = FigureRepository(store: store)
    }

    /// Every figure the report knows, in report order: by section, then module.
    public static let catalogue: [FigureDefinition] = {
        let modules =
            IndexFigures.figures + CaseworkFigures.figures + EventFigures.figures + MatchingFigures.figures
            + RecordsFigures.figures + PairingFigures.figures
        let all = modules + totals(modules)
        return FigureSection.allCases.flatMap { section in all.filter { $0.section == section } }
    }()

    /// Figures that add up other modules' figures: what exhibitions signed and what matching closed,
    /// together (each part stays its own figure; the total's records are its parts).
    static func totals(_ figures: [FigureDefinition]) -> [FigureDefinition] {
        func sum(_ id: String, _ label: Message, _ unit: FigureUnit, _ parts: [String], _ definition: Message)
            -> FigureDefinition
        {
            let chosen = parts.compactMap { p in figures.first { $0.id == p } }
            return FigureDefinition(
                id: id, section: .development, label: label,
                measure: Message(unit == .count ? "项" : "", en: ""),
                unit: unit, definition: definition,
                valueSQL: "SELECT " + chosen.map { "(\($0.valueSQL))" }.joined(separator: " + "),
                recordsSQL: chosen.map { "SELECT '\($0.id)' AS figure, (\($0.valueSQL)) AS value" }
                    .joined(separator: " UNION ALL "))
        }
        return [
            sum(
                "development.agreements-and-deals", Message("签约与对接成交合计", en: "Agreements and deals in all"),
                .count,
                ["events.exhibition-agreements", "match.project-deals", "match.credit-deals"],
                Message(
                    "展会签约项目、融通对接项目与银企授信之和",
                    en: "exhibition agreements, large–small firm projects and credit deals together")),
            sum(
                "development.amount-agreed", Message("签约与对接金额合计", en: "Amount agreed in all"), .fen,
                ["events.exhibition-amount", "match.project-amount", "match.credit-amount"],
                Message(
                    "展会签约金额、融通对接金额与新增授信之和",
                    en: "amounts signed at exhibitions, of matched projects and of new credit together")),
        ]
    }

    /// The charts of the HTML report, in order.
    public static let charts: [SeriesDefinition] =
        IndexFigures.series + CaseworkFigures.series + EventFigures.series + MatchingFigures.series
        + PairingFigures.series

    /// The first and last day of `year`.
    static func span(_ year: Int) throws(GSLError) -> (LocalDate, LocalDate) {
        guard (1900...9999).contains(year), let p = Period(kind: .year, year: year, index: 1) else {
            throw GSLError.usage("年份无效：\(year)", en: "invalid year: \(year)").because(.reportYearInvalid)
        }
        return (p.start, p.end)
    }

    /// The report for `year`, with each figure's value in `compare` when given.
    public func annual(year: Int, compare: Int?) throws(GSLError) -> AnnualReport {
        let (from, to) = try Self.span(year)
        let values = try repository.values(Self.catalogue, from: from, to: to)
        var previous: [FigureValue]? = nil
        if let compare {
            let (pf, pt) = try Self.span(compare)
            previous = try repository.values(Self.catalogue, from: pf, to: pt)
        }
        let figures = Self.catalogue.indices.map {
            ReportFigure(definition: Self.catalogue[$0], value: values[$0], previous: previous?[$0])
        }
        var charts: [ReportChart] = []
        for s in Self.charts {
            charts.append(ReportChart(definition: s, rows: try repository.series(s, from: from, to: to)))
        }
        return AnnualReport(year: year, compareYear: compare, figures: figures, charts: charts)
    }

    /// The figure with `id`; an unknown id names the nearest known one.
    public static func figure(_ id: String) throws(GSLError) -> FigureDefinition {
        if let f = catalogue.first(where: { $0.id == id }) { return f }
        let near = ConfigSuggestion.closest(to: id, among: catalogue.map(\.id))
        throw GSLError.notFound(
            "没有指标「\(id)」" + (near.map { "；是否想找「\($0)」？" } ?? ""),
            en: "no figure '\(id)'" + (near.map { "; did you mean '\($0)'?" } ?? "")
        ).because(.reportFigureUnknown)
    }

    /// The query, value, count and first `limit` records behind figure `id` in `year`.
    public func explain(_ id: String, year: Int, limit: Int) throws(GSLError) -> FigureExplanation {
        let figure = try Self.figure(id)
        let (from, to) = try Self.span(year)
        return try repository.explain(figure, from: from, to: to, limit: limit)
    }
}
