import GSLCore

/// The parts of a federation's annual work summary (年度工作总结) a figure belongs to.
public enum FigureSection: String, Sendable, CaseIterable, Codable {
    /// 亲清政商关系: the index, visits, requests, information reports and proposals, dialogues.
    case relations
    /// 民营经济人士成长: lectures, trainings, forums, study tours.
    case growth
    /// 民营经济高质量发展: exhibitions and their agreements, matching, credit, talent.
    case development
    /// 商会建设: chambers and members.
    case chambers
    /// 商会联村: pairings, investment, workshops, jobs.
    case villages

    /// The heading in both languages.
    public var title: Message {
        switch self {
        case .relations: Message("亲清政商关系", en: "Government–business relations")
        case .growth: Message("民营经济人士成长", en: "Growth of private entrepreneurs")
        case .development: Message("民营经济高质量发展", en: "High-quality private-economy development")
        case .chambers: Message("商会建设", en: "Chambers of commerce")
        case .villages: Message("商会联村", en: "Chambers and villages")
        }
    }
}

/// What a figure's number counts.
public enum FigureUnit: String, Sendable, Codable {
    /// A count of records (家, 件, 场, 人…; the label says which).
    case count
    /// Money in fen, shown in 元/万元/亿元.
    case fen
    /// A share between 0 and 1, shown as a percentage.
    case share
    /// A score (index points).
    case score
}

/// One figure of a report: a number computed by a query over records, with the query that lists
/// the records behind it. Module store targets define their figures (the SQL stays with the
/// tables it reads); reports only name them.
///
/// Queries take named parameters `:from` and `:to` (the period's first and last day, ISO text) and
/// `:year` (the year as text); `valueSQL` returns one row with one number, `recordsSQL` the records
/// behind it, most relevant first.
public struct FigureDefinition: Sendable {
    /// A stable id, `<module>.<what>` (e.g. `cases.solved`).
    public let id: String
    /// The part of the report it belongs to.
    public let section: FigureSection
    /// What it is, in both languages (e.g. 办结诉求 / requests solved).
    public let label: Message
    /// The measure word in Chinese tables (件, 家, 场, 人次…), empty for money and shares.
    public let measure: Message
    /// What its number counts.
    public let unit: FigureUnit
    /// How it is defined, in words.
    public let definition: Message
    /// The query for its value.
    public let valueSQL: String
    /// The query listing the records behind it.
    public let recordsSQL: String

    /// A figure.
    public init(
        id: String, section: FigureSection, label: Message, measure: Message = Message("", en: ""),
        unit: FigureUnit, definition: Message, valueSQL: String, recordsSQL: String
    ) {
        self.id = id
        self.section = section
        self.label = label
        self.measure = measure
        self.unit = unit
        self.definition = definition
        self.valueSQL = valueSQL
        self.recordsSQL = recordsSQL
    }
}

/// A labelled series for a chart (e.g. requests by category): a query returning rows of a label
/// and one or more numbers, with the same parameters as a figure.
public struct SeriesDefinition: Sendable {
    /// A stable id (e.g. `cases.by-category`).
    public let id: String
    /// The part of the report it illustrates.
    public let section: FigureSection
    /// The chart's title.
    public let title: Message
    /// The names of the numeric columns after the label.
    public let columns: [Message]
    /// What the numbers count.
    public let unit: FigureUnit
    /// The query: label first, then one number per column.
    public let sql: String
    /// Names for the labels the query returns as codes (a category code → 融资信贷 / Financing).
    public let labels: [String: Message]

    /// A series.
    public init(
        id: String, section: FigureSection, title: Message, columns: [Message], unit: FigureUnit, sql: String,
        labels: [String: Message] = [:]
    ) {
        self.id = id
        self.section = section
        self.title = title
        self.columns = columns
        self.unit = unit
        self.sql = sql
        self.labels = labels
    }
}

/// A figure's value: exact (an integer count or fen amount, or a real share/score), or none when
/// the query found nothing to compute it from (a share of zero records).
public enum FigureValue: Sendable, Hashable {
    /// An integer (counts, fen).
    case integer(Int64)
    /// A real number (shares, scores).
    case real(Double)
    /// Nothing to compute it from.
    case none

    /// The value as a Double (nil for none).
    public var double: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .real(let v): v
        case .none: nil
        }
    }
}

/// The records behind a figure: the query, the value, how many records and the first of them.
public struct FigureExplanation: Sendable {
    /// The figure.
    public let definition: FigureDefinition
    /// The period's first and last day.
    public let from: LocalDate
    /// The period's last day.
    public let to: LocalDate
    /// The value.
    public let value: FigureValue
    /// How many records the records query returns.
    public let recordCount: Int
    /// The records query's column names.
    public let columns: [String]
    /// The first records, as text.
    public let rows: [[String?]]
}
