import Foundation
import GRDB
import GSLCore
import GSLIndexScoring
import GSLStore
import GSLTabular

/// Store access for index scoring: framework versions, indicator data, runs and their provenance.
public struct IndexRepository: Sendable {
    /// The store.
    public let store: Store

    /// A repository over `store` (which must include `IndexSchema.migrations`).
    public init(store: Store) {
        self.store = store
    }

    // MARK: Frameworks

    /// Imports a framework file. The same id@version with the same content is a no-op; with different
    /// content it is refused, because a stored version is immutable.
    public func importFramework(path: String, context: MutationContext) throws(GSLError) -> (
        StoredFramework, created: Bool
    ) {
        let text = try InputFile.text(path, what: Message("指标体系文件", en: "framework file"))
        let framework = try FrameworkParser.parse(yaml: text, file: path)
        let hash = framework.contentHash
        if let existing = try stored(code: framework.id, version: framework.version) {
            if existing.hash == hash { return (existing, false) }
            throw GSLError(
                .conflict,
                Message(
                    "指标体系 \(framework.reference) 已存在且内容不同（\(existing.hash.prefix(12))）；已存版本不可修改，请使用新版本号",
                    en:
                        "framework \(framework.reference) is already stored with different content (\(existing.hash.prefix(12))); stored versions are immutable: use a new version"
                ),
                at: SourceLocation(file: path)
            ).because(.frameworkVersionChanged)
        }
        let id = try store.write(context) { m in
            try m.insert(
                into: "index_frameworks", entity: "index_framework",
                values: [
                    ("code", framework.id.databaseValue), ("version", framework.version.databaseValue),
                    ("name", framework.nameZh.databaseValue), ("hash", hash.databaseValue),
                    ("illustrative", (framework.illustrative ? 1 : 0).databaseValue),
                    ("source", text.databaseValue),
                    ("imported_at", m.context.at.databaseValue),
                ], key: framework.reference)
        }
        return (try self.framework(id: id), true)
    }

    /// Every stored framework version, newest import last.
    public func frameworks() throws(GSLError) -> [StoredFramework] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM index_frameworks ORDER BY code, id").map(
                StoredFramework.init(row:))
        }
    }

    /// A framework by `code@version`, by `code` (the latest imported version) or by row id.
    public func framework(_ reference: String) throws(GSLError) -> StoredFramework {
        let text = TextNormaliser.halfWidth(reference).trimmingCharacters(in: .whitespaces)
        let found: StoredFramework? = try store.read { db in
            if let at = text.firstIndex(of: "@") {
                let code = String(text[..<at]), version = String(text[text.index(after: at)...])
                return try Row.fetchOne(
                    db, sql: "SELECT * FROM index_frameworks WHERE code = ? AND version = ?",
                    arguments: [code, version]
                ).map(StoredFramework.init(row:))
            }
            if let row = try Row.fetchOne(
                db, sql: "SELECT * FROM index_frameworks WHERE code = ? ORDER BY id DESC LIMIT 1",
                arguments: [text])
            {
                return StoredFramework(row: row)
            }
            if let id = Int64(text) {
                return try Row.fetchOne(
                    db, sql: "SELECT * FROM index_frameworks WHERE id = ?", arguments: [id]
                )
                .map(StoredFramework.init(row:))
            }
            return nil
        }
        guard let found else {
            throw GSLError.notFound(
                "未找到指标体系「\(reference)」", en: "no framework '\(reference)' is stored"
            ).because(.frameworkNotFound)
        }
        return found
    }

    func framework(id: Int64) throws(GSLError) -> StoredFramework {
        try framework(String(id))
    }

    func stored(code: String, version: String) throws(GSLError) -> StoredFramework? {
        try store.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM index_frameworks WHERE code = ? AND version = ?",
                arguments: [code, version]
            )
            .map(StoredFramework.init(row:))
        }
    }

    // MARK: Data

    /// What a data import did.
    public struct DataImportReport: Sendable {
        /// Values read from the file.
        public var values: Int
        /// Values that were new.
        public var inserted: Int
        /// Values that replaced a stored one.
        public var replaced: Int
        /// Units in the file.
        public var units: Int
        /// Periods in the file.
        public var periods: [String]
        /// The dataset's hash after the import.
        public var dataHash: String
        /// Notices from reading (encoding conversions).
        public var notices: [Message]
    }

    /// How a data file is laid out.
    public struct DataLayout: Sendable {
        /// Unit column of a wide file.
        public var unitColumn: String?
        /// Period column of a wide file.
        public var periodColumn: String?
        /// The period of a wide file without a period column.
        public var period: String?
        /// Unit-name column of a wide file.
        public var nameColumn: String?
        /// Group columns of a wide file (for group imputation).
        public var groupColumns: [String]
        /// Columns to skip.
        public var ignoredColumns: [String]

        /// A layout; nil columns are detected from common names.
        public init(
            unitColumn: String? = nil, periodColumn: String? = nil, period: String? = nil,
            nameColumn: String? = nil,
            groupColumns: [String] = [], ignoredColumns: [String] = []
        ) {
            self.unitColumn = unitColumn
            self.periodColumn = periodColumn
            self.period = period
            self.nameColumn = nameColumn
            self.groupColumns = groupColumns
            self.ignoredColumns = ignoredColumns
        }
    }

    /// Reads a data file (long: unit, period, indicator, value; or wide: one column per indicator),
    /// checks it against `framework` and stores it in `dataset` in one transaction (or checks only).
    public func importData(
        path: String, framework reference: String, dataset: String, layout: DataLayout = DataLayout(),
        encoding: InputEncoding = .auto, unitsAreRegions: Bool = false, dryRun: Bool = false,
        context: MutationContext
    ) throws(GSLError) -> DataImportReport {
        let stored = try framework(reference)
        let knownUnits: Set<String>? =
            unitsAreRegions
            ? Set(try store.read { db in try String.fetchAll(db, sql: "SELECT code FROM regions") }) : nil
        if let knownUnits, knownUnits.isEmpty {
            throw GSLError.usage("区划表为空", en: "no divisions are loaded").because(.divisionsNotLoaded)
        }
        let framework = try stored.framework()
        let file = try TabularReader.read(path: path, format: nil, encoding: encoding)
        try file.refuseHeaderOnly()
        let rows = file.rows.map(\.values)
        let lower = file.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let isLong = lower.contains { ["indicator", "指标", "variable"].contains($0) }
        var data: Dataset
        do throws(GSLError) {
            if isLong {
                data = try DataImport.long(
                    header: file.header, rows: rows, framework: framework, knownUnits: knownUnits)
            } else {
                func pick(_ given: String?, _ names: [String]) -> String? {
                    if let given { return given }
                    return file.header.first {
                        names.contains($0.trimmingCharacters(in: .whitespaces).lowercased())
                    }
                }
                guard let unitColumn = pick(layout.unitColumn, ["unit", "单位", "code", "代码", "区划代码", "iso3"])
                else {
                    throw GSLError.data(
                        "宽表缺少单位列（unit/单位/代码）", en: "wide file has no unit column (unit/单位/code)"
                    ).because(.wideFileUnitColumnMissing)
                }
                let periodColumn = pick(layout.periodColumn, ["period", "时期", "年份", "year"])
                if periodColumn == nil && layout.period == nil {
                    throw GSLError.usage(
                        "宽表没有时期列，须指定时期", en: "the wide file has no period column: the period is needed"
                    ).because(.wideFilePeriodMissing)
                }
                let nameColumn = pick(layout.nameColumn, ["name", "名称", "单位名称"])
                data = try DataImport.wide(
                    header: file.header, rows: rows, framework: framework, unitColumn: unitColumn,
                    periodColumn: periodColumn, period: layout.period ?? "0", nameColumn: nameColumn,
                    groupColumns: layout.groupColumns, ignoredColumns: layout.ignoredColumns,
                    knownUnits: knownUnits)
            }
        } catch {
            throw error.at(SourceLocation(file: path))
        }
        // Unit names from the regions table when units are division codes.
        let regionNames: [String: String] = try store.read { db in
            var names: [String: String] = [:]
            for unit in data.units where unit.allSatisfy(\.isNumber) {
                if let name = try String.fetchOne(
                    db, sql: "SELECT name FROM regions WHERE code = ?", arguments: [unit])
                {
                    names[unit] = name
                }
            }
            return names
        }
        let work = { (m: Mutation) throws -> DataImportReport in
            let (inserted, replaced) = try Self.write(data, dataset: dataset, extraNames: regionNames, m)
            let hash = try Self.loadDataset(m.db, dataset).contentHash
            try m.audit(
                action: "insert", entity: "index_values", entityID: dataset, before: nil,
                after: AuditJSON.object([
                    ("file", path.databaseValue), ("framework", stored.reference.databaseValue),
                    ("values", data.values.count.databaseValue),
                    ("inserted", inserted.databaseValue), ("replaced", replaced.databaseValue),
                    ("data_hash", hash.databaseValue),
                ]))
            return DataImportReport(
                values: data.values.count, inserted: inserted, replaced: replaced, units: data.units.count,
                periods: data.sortedPeriods, dataHash: hash, notices: file.notices)
        }
        return dryRun ? try store.dryRun(context, work) : try store.write(context, work)
    }

    /// Stores a dataset built in memory (the seeded synthetic data), replacing values with the same keys.
    public func storeDataset(_ data: Dataset, name dataset: String, context: MutationContext) throws(GSLError)
        -> String
    {
        try store.write(context) { m in
            _ = try Self.write(data, dataset: dataset, extraNames: [:], m)
            let hash = try Self.loadDataset(m.db, dataset).contentHash
            try m.audit(
                action: "insert", entity: "index_values", entityID: dataset, before: nil,
                after: AuditJSON.object([
                    ("values", data.values.count.databaseValue), ("data_hash", hash.databaseValue),
                ]))
            return hash
        }
    }

    /// Upserts `data`'s values and units into `dataset` (a unit keeps its stored name and groups when
    /// the new data has none); returns how many values were new and how many replaced a stored one.
    static func write(_ data: Dataset, dataset: String, extraNames: [String: String], _ m: Mutation) throws
        -> (inserted: Int, replaced: Int)
    {
        var inserted = 0, replaced = 0
        let exists = try m.db.cachedStatement(
            sql: "SELECT 1 FROM index_values WHERE dataset = ? AND unit = ? AND period = ? AND indicator = ?")
        var valueRows: [[DatabaseValue]] = []
        valueRows.reserveCapacity(data.values.count)
        for (key, value) in data.values.sorted(by: {
            ($0.key.unit, $0.key.period, $0.key.variable) < ($1.key.unit, $1.key.period, $1.key.variable)
        }) {
            let args: StatementArguments = [dataset, key.unit, key.period, key.variable]
            if try Bool.fetchOne(exists, arguments: args) == true { replaced += 1 } else { inserted += 1 }
            valueRows.append([
                dataset.databaseValue, key.unit.databaseValue, key.period.databaseValue,
                key.variable.databaseValue, value.isNaN ? .null : value.databaseValue,
            ])
        }
        try m.writeRows(
            into: "index_values", entity: "index_values", entityID: dataset,
            columns: ["dataset", "unit", "period", "indicator", "value"],
            conflict: ["dataset", "unit", "period", "indicator"], rows: valueRows)
        // A unit keeps its stored name and groups when the new data has none.
        var unitRows: [[DatabaseValue]] = []
        for unit in data.units {
            var groups: [String: String] = [:]
            for (g, map) in data.groups { if let label = map[unit] { groups[g] = label } }
            let stored = try Row.fetchOne(
                m.db, sql: "SELECT name, groups FROM index_units WHERE dataset = ? AND unit = ?",
                arguments: [dataset, unit])
            let groupsJSON =
                groups.isEmpty
                ? (stored?["groups"] as String?) ?? "{}"
                : String(
                    decoding: try JSONSerialization.data(withJSONObject: groups, options: [.sortedKeys]),
                    as: UTF8.self)
            let name = data.unitNames[unit] ?? extraNames[unit] ?? (stored?["name"] as String?)
            unitRows.append([
                dataset.databaseValue, unit.databaseValue, name.databaseValue, groupsJSON.databaseValue,
            ])
        }
        try m.writeRows(
            into: "index_units", entity: "index_unit", entityID: dataset,
            columns: ["dataset", "unit", "name", "groups"], conflict: ["dataset", "unit"], rows: unitRows)
        return (inserted, replaced)
    }

    /// The stored dataset `name`.
    public func dataset(_ name: String) throws(GSLError) -> Dataset {
        let data = try store.read { db in try Self.loadDataset(db, name) }
        if data.units.isEmpty {
            throw GSLError.notFound("数据集「\(name)」没有数据", en: "dataset '\(name)' has no data").because(
                .datasetEmpty)
        }
        return data
    }

    /// Dataset names with their value counts.
    public func datasets() throws(GSLError) -> [(name: String, values: Int, units: Int, periods: String)] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT dataset, count(*) AS n, count(DISTINCT unit) AS u, min(period) AS p0, max(period) AS p1
                    FROM index_values GROUP BY dataset ORDER BY dataset
                    """
            ).map { row in
                let p0: String = row["p0"], p1: String = row["p1"]
                return (row["dataset"], row["n"], row["u"], p0 == p1 ? p0 : "\(p0)–\(p1)")
            }
        }
    }

    static func loadDataset(_ db: Database, _ name: String) throws -> Dataset {
        var data = Dataset()
        let units = try Row.fetchAll(
            db, sql: "SELECT unit, name, groups FROM index_units WHERE dataset = ? ORDER BY unit",
            arguments: [name])
        for row in units {
            let unit: String = row["unit"]
            data.addUnit(unit)
            if let name: String = row["name"] { data.unitNames[unit] = name }
            let groupsText: String = row["groups"]
            if let groups = try JSONSerialization.jsonObject(with: Data(groupsText.utf8)) as? [String: String]
            {
                for (g, label) in groups { data.groups[g, default: [:]][unit] = label }
            }
        }
        let rows = try Row.fetchCursor(
            db,
            sql:
                "SELECT unit, period, indicator, value FROM index_values WHERE dataset = ? ORDER BY unit, period, indicator",
            arguments: [name])
        while let row = try rows.next() {
            let value: Double? = row["value"]
            data.set(
                unit: row["unit"], period: row["period"], variable: row["indicator"], value: value ?? .nan)
        }
        return data
    }

    // MARK: Runs

    /// Computes the index and stores the run with its provenance (framework id@version and hash, data
    /// hash, full spec); returns the stored run.
    public func compute(
        framework reference: String, dataset name: String, spec: PipelineSpec, label: String?,
        context: MutationContext
    ) throws(GSLError) -> StoredRun {
        let stored = try framework(reference)
        let framework = try stored.framework()
        let data = try dataset(name)
        var spec = spec
        if spec.period == nil { spec.period = data.sortedPeriods.last }
        let result = try Pipeline.run(framework: framework, data: data, spec: spec)
        let resultJSON = try Self.encode(result)
        let specJSON = try spec.json()
        let id = try store.write(context) { m -> Int64 in
            let id = try m.insert(
                into: "index_runs", entity: "index_run",
                values: [
                    ("framework_id", stored.id.databaseValue), ("framework_hash", stored.hash.databaseValue),
                    ("dataset", name.databaseValue), ("period", result.period.databaseValue),
                    ("root", framework.rootCode.databaseValue),
                    ("data_hash", result.dataHash.databaseValue),
                    ("spec", specJSON.databaseValue), ("spec_hash", spec.contentHash.databaseValue),
                    ("result", resultJSON.databaseValue), ("label", label.databaseValue),
                    ("actor", m.context.actor.databaseValue), ("created_at", m.context.at.databaseValue),
                ])
            var scoreRows: [[DatabaseValue]] = []
            for node in result.aggregated.columns {
                for unit in result.aggregated.units {
                    let score = result.score(unit: unit, node: node)
                    scoreRows.append([
                        id.databaseValue, unit.databaseValue, node.databaseValue,
                        score.flatMap { $0.isNaN ? nil : $0 }.databaseValue,
                        result.rank(unit: unit, node: node).databaseValue,
                    ])
                }
            }
            try m.writeRows(
                into: "index_scores", entity: "index_score", entityID: "run \(id)",
                columns: ["run_id", "unit", "node", "score", "rank"], rows: scoreRows)
            return id
        }
        return try run(id)
    }

    /// A stored run.
    public func run(_ id: Int64) throws(GSLError) -> StoredRun {
        let row = try store.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM index_runs WHERE id = ?", arguments: [id])
        }
        guard let row else {
            throw GSLError.notFound("未找到计算记录 #\(id)", en: "no run #\(id)")
        }
        let framework = try framework(id: row["framework_id"])
        let result: PipelineResult = try Self.decode(row["result"])
        let uncertaintyText: String? = row["uncertainty"]
        let uncertainty: UncertaintyResult? = try uncertaintyText.map { (t: String) throws(GSLError) in
            try Self.decode(t)
        }
        return StoredRun(
            id: id, framework: framework, dataset: row["dataset"], period: row["period"],
            dataHash: row["data_hash"],
            specHash: row["spec_hash"], result: result, uncertainty: uncertainty, label: row["label"],
            actor: row["actor"], createdAt: row["created_at"])
    }

    /// What recomputing a stored run found.
    public struct Verification: Sendable {
        /// The stored framework version still has the hash the run recorded.
        public let frameworkUnchanged: Bool
        /// The data the run read (its period's values, the unit list and groups; every period with a
        /// panel imputation) still has the hash the run recorded.
        public let dataUnchanged: Bool
        /// The stored spec still has the hash the run recorded.
        public var specUnchanged: Bool = true
        /// Recomputing from the stored framework, data and spec gave the stored result exactly.
        public let resultIdentical: Bool
    }

    /// Recomputes run `id` from its stored framework version, the dataset and the stored spec, and
    /// compares with what was stored.
    public func verify(_ id: Int64) throws(GSLError) -> Verification {
        let stored = try run(id)
        let framework = try stored.framework.framework()
        let data = try dataset(stored.dataset)
        var again = try Pipeline.run(framework: framework, data: data, spec: stored.spec)
        // Runs stored before the data hash covered only what the run reads hold the whole dataset's hash.
        let dataUnchanged = again.dataHash == stored.dataHash || data.contentHash == stored.dataHash
        again.dataHash = stored.result.dataHash
        return Verification(
            frameworkUnchanged: framework.contentHash == stored.result.frameworkHash,
            dataUnchanged: dataUnchanged, specUnchanged: stored.spec.contentHash == stored.specHash,
            resultIdentical: try Self.encode(again) == Self.encode(stored.result))
    }

    /// A summary line per run, newest first.
    public struct RunSummary: Sendable {
        /// Run id.
        public let id: Int64
        /// `code@version`.
        public let framework: String
        /// Dataset.
        public let dataset: String
        /// Period.
        public let period: String
        /// Label.
        public let label: String?
        /// When.
        public let createdAt: String
        /// Whether an uncertainty analysis is stored.
        public let hasUncertainty: Bool
    }

    /// Runs, newest first, optionally of one framework code.
    public func runs(framework code: String? = nil, limit: Int = 100) throws(GSLError) -> [RunSummary] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, f.code || '@' || f.version AS fw, r.dataset, r.period, r.label, r.created_at,
                           r.uncertainty IS NOT NULL AS hu
                    FROM index_runs r JOIN index_frameworks f ON f.id = r.framework_id
                    WHERE (?1 IS NULL OR f.code = ?1) ORDER BY r.id DESC LIMIT ?2
                    """, arguments: [code, limit]
            ).map {
                RunSummary(
                    id: $0["id"], framework: $0["fw"], dataset: $0["dataset"], period: $0["period"],
                    label: $0["label"],
                    createdAt: $0["created_at"], hasUncertainty: $0["hu"])
            }
        }
    }

    /// The most recent earlier run of the same framework code on the previous period, if any.
    public func previousRun(of run: StoredRun) throws(GSLError) -> StoredRun? {
        let id: Int64? = try store.read { db in
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT r.id FROM index_runs r JOIN index_frameworks f ON f.id = r.framework_id
                    WHERE f.code = ? AND r.dataset = ? AND r.period < ? ORDER BY r.period DESC, r.id DESC LIMIT 1
                    """, arguments: [run.framework.code, run.dataset, run.period])
        }
        return try id.map { (i: Int64) throws(GSLError) in try self.run(i) }
    }

    /// Stores an uncertainty analysis on a run (replacing an earlier one).
    public func saveUncertainty(_ result: UncertaintyResult, run id: Int64, context: MutationContext)
        throws(GSLError)
    {
        let json = try Self.encode(result)
        try store.write(context) { m in
            try m.update(
                table: "index_runs", entity: "index_run", key: id.databaseValue, expectedVersion: nil,
                changes: [("uncertainty", json.databaseValue)])
        }
    }

    /// Score and rank of `unit` at `node` (default: each run's root) over periods: the latest run per
    /// framework version and period.
    public func trend(unit: String, framework code: String?) throws(GSLError) -> [(
        framework: String, period: String, run: Int64, node: String, score: Double?, rank: Int?
    )] {
        try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.code || '@' || f.version AS fw, r.period, r.id, s.node, s.score, s.rank
                    FROM index_runs r JOIN index_frameworks f ON f.id = r.framework_id
                    JOIN index_scores s ON s.run_id = r.id AND s.unit = ?1
                    WHERE (?2 IS NULL OR f.code = ?2)
                      AND r.id = (SELECT max(r2.id) FROM index_runs r2 WHERE r2.framework_id = r.framework_id AND r2.period = r.period AND r2.dataset = r.dataset)
                      AND s.node = r.root
                    ORDER BY r.period, fw
                    """, arguments: [unit, code]
            ).map { ($0["fw"], $0["period"], $0["id"], $0["node"], $0["score"], $0["rank"]) }
        }
    }

    static func encode<T: Encodable>(_ value: T) throws(GSLError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw GSLError(.internalError, Message("无法保存结果：\(error)", en: "cannot encode result: \(error)"))
        }
    }

    static func decode<T: Decodable>(_ text: String) throws(GSLError) -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(T.self, from: Data(text.utf8))
        } catch {
            throw GSLError(
                .internalError, Message("无法读取已存结果：\(error)", en: "cannot decode stored result: \(error)"))
        }
    }
}
