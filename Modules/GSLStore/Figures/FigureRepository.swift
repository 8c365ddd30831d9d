import GRDB
import GSLCore

/// Evaluates figures and series over the store for a span of days.
public struct FigureRepository: Sendable {
    let store: Store

    /// A repository over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// The named arguments a query uses, for the days `from`…`to`.
    static func arguments(_ sql: String, from: LocalDate, to: LocalDate) -> StatementArguments {
        var named: [String: (any DatabaseValueConvertible)?] = [:]
        if sql.contains(":from") { named["from"] = from.iso }
        if sql.contains(":to") { named["to"] = to.iso }
        if sql.contains(":year") { named["year"] = String(from.year) }
        return StatementArguments(named)
    }

    /// The value of `figure` for the days `from`…`to`.
    public func value(_ figure: FigureDefinition, from: LocalDate, to: LocalDate) throws(GSLError)
        -> FigureValue
    {
        try store.read { db in try Self.value(db, figure, from: from, to: to) }
    }

    /// The values of several figures in one read.
    public func values(_ figures: [FigureDefinition], from: LocalDate, to: LocalDate) throws(GSLError)
        -> [FigureValue]
    {
        try store.read { db in try figures.map { try Self.value(db, $0, from: from, to: to) } }
    }

    static func value(_ db: Database, _ figure: FigureDefinition, from: LocalDate, to: LocalDate) throws
        -> FigureValue
    {
        let row = try Row.fetchOne(
            db, sql: figure.valueSQL, arguments: arguments(figure.valueSQL, from: from, to: to))
        guard let value = row?[0] as DatabaseValue? else { return .none }
        switch value.storage {
        case .int64(let v): return .integer(v)
        case .double(let v):
            return figure.unit == .count || figure.unit == .fen ? .integer(Int64(v)) : .real(v)
        default: return figure.unit == .count || figure.unit == .fen ? .integer(0) : .none
        }
    }

    /// The query, value, record count and first `limit` records behind `figure`.
    public func explain(_ figure: FigureDefinition, from: LocalDate, to: LocalDate, limit: Int)
        throws(GSLError)
        -> FigureExplanation
    {
        try store.read { db in
            let value = try Self.value(db, figure, from: from, to: to)
            let args = Self.arguments(figure.recordsSQL, from: from, to: to)
            let count =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(figure.recordsSQL))", arguments: args) ?? 0
            let cursor = try Row.fetchCursor(db, sql: figure.recordsSQL, arguments: args)
            var columns: [String] = []
            var rows: [[String?]] = []
            while rows.count < limit, let row = try cursor.next() {
                if columns.isEmpty { columns = Array(row.columnNames) }
                rows.append(row.databaseValues.map { Self.text($0) })
            }
            if columns.isEmpty {
                columns = try db.makeStatement(sql: figure.recordsSQL).columnNames
            }
            return FigureExplanation(
                definition: figure, from: from, to: to, value: value, recordCount: count, columns: columns,
                rows: rows)
        }
    }

    /// The rows of `series` for the days `from`…`to`: a label and its numbers.
    public func series(_ series: SeriesDefinition, from: LocalDate, to: LocalDate) throws(GSLError)
        -> [(label: String, values: [Double])]
    {
        try store.read { db in
            try Row.fetchAll(db, sql: series.sql, arguments: Self.arguments(series.sql, from: from, to: to))
                .map {
                    row in
                    let label = Self.text(row[0] as DatabaseValue) ?? ""
                    let values = (1..<row.count).map { i -> Double in
                        switch (row[i] as DatabaseValue).storage {
                        case .int64(let v): Double(v)
                        case .double(let v): v
                        default: 0
                        }
                    }
                    return (label, values)
                }
        }
    }

    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let v): String(v)
        case .double(let v): String(v)
        case .string(let s): s
        case .blob(let d): "<\(d.count) bytes>"
        }
    }
}
