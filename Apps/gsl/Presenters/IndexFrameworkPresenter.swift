import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore
import GSLTabular

/// Tables for framework versions.
enum IndexFrameworkPresenter {
    /// What importing framework files did, one row per file.
    static func imported(_ imported: [(framework: StoredFramework, created: Bool)], _ out: Output) {
        let rows: [[Cell]] = imported.map { stored, created in
            [
                .text(stored.reference), .text(stored.name), .text(String(stored.hash.prefix(16))),
                .text(
                    created
                        ? out.t("新导入", "imported")
                        : out.t("已存在（内容相同）", "already stored (same content)")),
            ]
        }
        out.table(
            [
                Column("framework", title: out.t("指标体系", "framework")),
                Column("name", title: out.t("名称", "name")),
                Column("hash", title: out.t("内容哈希", "content hash")),
                Column("status", title: out.t("状态", "status")),
            ], rows)
    }

    /// The stored framework versions.
    static func list(_ all: [StoredFramework], _ out: Output) {
        out.table(
            [
                Column("id", title: "#", alignRight: true),
                Column("framework", title: out.t("指标体系", "framework")),
                Column("name", title: out.t("名称", "name")),
                Column("illustrative", title: out.t("示意", "illustrative")),
                Column("hash", title: out.t("内容哈希", "hash")),
                Column("imported_at", title: out.t("导入时间", "imported")),
            ],
            all.map {
                [
                    .int($0.id), .text($0.reference), .text($0.name), .bool($0.illustrative),
                    .text(String($0.hash.prefix(16))), .text($0.importedAt),
                ]
            })
    }

    /// A framework version's indicator tree, with its hash (and a note when illustrative).
    static func tree(_ view: FrameworkView, _ out: Output) {
        let stored = view.stored, fw = view.framework
        if stored.illustrative {
            out.notice(
                Message(
                    "注意：\(stored.reference) 为示意版本（权重或目标值未公开）",
                    en: "note: \(stored.reference) is illustrative (weights or targets not public)"))
        }
        var rows: [[Cell]] = []
        for code in fw.treeOrder {
            guard let node = fw.node(code) else { continue }
            let indent = String(repeating: "  ", count: fw.depth(of: code))
            let ind = node.indicator
            rows.append([
                .text(indent + code), .text(out.lang == .zh ? node.nameZh : node.nameEn),
                .double(node.weight),
                ind.map { .int(Int64($0.direction)) } ?? .null, .text(ind?.unit ?? ""),
                ind?.satisfactory.map { .double($0) } ?? .null,
                ind?.unacceptable.map { .double($0) } ?? .null,
            ])
        }
        out.table(
            [
                Column("code", title: out.t("代码", "code")),
                Column("name", title: out.t("名称", "name")),
                Column("weight", title: out.t("权重", "weight"), alignRight: true),
                Column("direction", title: out.t("方向", "direction"), alignRight: true),
                Column("unit", title: out.t("单位", "unit")),
                Column("target", title: out.t("满意值", "target"), alignRight: true),
                Column("floor", title: out.t("不允许值", "floor"), alignRight: true),
            ], rows)
        out.notice(
            Message(
                "\(stored.reference)  哈希 \(stored.hash)",
                en: "\(stored.reference)  hash \(stored.hash)"))
    }

    /// What changed between two framework versions.
    static func diff(_ c: FrameworkComparison, _ out: Output) {
        let a = c.old, b = c.new, diff = c.diff
        out.table(
            [
                Column("change", title: out.t("变化", "change")),
                Column("code", title: out.t("代码", "code")),
                Column("detail", title: out.t("说明", "detail")),
            ],
            diff.changes.map { [.text($0.kind), .text($0.code), .text($0.description)] })
        out.notice(
            Message(
                "\(a.reference) → \(b.reference)：\(diff.changes.count) 处变化",
                en: "\(a.reference) → \(b.reference): \(diff.changes.count) changes"))
    }
}
