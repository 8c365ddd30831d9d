import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTabular

/// Tables for index runs.
enum IndexPresenter {
    /// A ranking of `node` (default: the index) with the node's children as columns.
    static func ranking(_ run: StoredRun, node: String?, names: [String: String], _ out: Output) {
        guard let framework = try? run.framework.framework() else { return }
        let node = node ?? framework.rootCode
        let children = framework.children(of: node).filter { run.result.aggregated.columns.contains($0) }
        let result = run.result
        let units = result.aggregated.units.sorted {
            (result.rank(unit: $0, node: node) ?? Int.max, $0) < (
                result.rank(unit: $1, node: node) ?? Int.max, $1
            )
        }
        var columns = [
            Column("rank", title: out.t("排名", "rank"), alignRight: true),
            Column("unit", title: out.t("单位", "unit")),
            Column("name", title: out.t("名称", "name")),
            Column("score", title: out.t("得分", "score"), alignRight: true),
        ]
        columns += children.map { c in
            Column(
                c, title: (out.lang == .zh ? framework.node(c)?.nameZh : framework.node(c)?.nameEn) ?? c,
                alignRight: true)
        }
        out.table(
            columns,
            units.map { u in
                var row: [Cell] = [
                    result.rank(unit: u, node: node).map { .int(Int64($0)) } ?? .null, .text(u),
                    .text(names[u] ?? ""),
                    score(result.score(unit: u, node: node)),
                ]
                row += children.map { score(result.score(unit: u, node: $0)) }
                return row
            })
    }

    /// Says so when an analysis of a run used data that changed after the run was computed.
    static func dataChanged<Value>(_ analysis: RunAnalysis<Value>, _ out: Output) {
        guard analysis.dataChanged else { return }
        let run = analysis.run
        out.notice(
            Message(
                "注意：数据集 \(run.dataset) 时期 \(run.period) 的数据在计算 #\(run.id) 之后已变更，分析按当前数据进行",
                en:
                    "note: the data of dataset \(run.dataset), period \(run.period) changed after run #\(run.id); the analysis uses the current data"
            ))
    }

    /// A score: missing (nil, or the engine's NaN) is null; tables round to 4 decimals,
    /// machine formats print it exactly.
    static func score(_ x: Double?) -> Cell {
        guard let x, !x.isNaN else { return .null }
        return measure(x)
    }

    /// A computed value: tables show 4 decimals, csv/json/ndjson the exact double.
    static func measure(_ x: Double) -> Cell { .measure(x, places: 4) }

    /// Rounded to 4 decimals for display.
    static func round(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        return (x * 10_000).rounded() / 10_000
    }

    /// A comma-separated list of enum raw values.
    static func list<T: RawRepresentable & CaseIterable>(_ text: String?, _ type: T.Type, _ option: String)
        throws(GSLError) -> [T] where T.RawValue == String
    {
        guard let text, !text.isEmpty else { return [] }
        var out: [T] = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            let folded = name.lowercased().filter { $0 != "-" && $0 != "_" }
            guard
                let value = T(rawValue: name)
                    ?? T.allCases.first(where: { $0.rawValue.lowercased().filter { $0 != "_" } == folded })
            else {
                throw GSLError.usage(
                    "--\(option) 中的「\(name)」无法识别", en: "unknown value '\(name)' in --\(option)")
            }
            out.append(value)
        }
        return out
    }

    static func assessmentColumns(_ out: Output) -> [Column] {
        [
            Column("rank", title: out.t("排名", "rank"), alignRight: true),
            Column("unit", title: out.t("单位", "unit")),
            Column("name", title: out.t("名称", "name")),
            Column("score", title: out.t("得分", "score"), alignRight: true),
            Column("grade", title: out.t("评级", "grade")),
            Column("interval", title: out.t("排名区间 Q5–Q95", "rank Q5–Q95")),
            Column("uncertain", title: out.t("评级不确定", "uncertain")),
        ]
    }

    static func assessmentRow(_ r: Assessment.Row, names: [String: String], _ out: Output) -> [Cell] {
        [
            .int(Int64(r.rank)), .text(r.unit), .text(names[r.unit] ?? ""), score(r.score),
            // The framework's English label is the stable value in JSON, whatever --lang says.
            out.enumValue(r.gradeEn, out.lang == .zh ? r.grade : r.gradeEn),
            r.rankInterval.map { .text("\(Int($0[0]))–\(Int($0[1]))") } ?? .null, .bool(r.uncertain),
        ]
    }
}
