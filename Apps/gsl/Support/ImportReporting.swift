import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// The summary line of an import.
enum ImportReporting {
    static func show(_ r: ImportReport, entity: Message, _ out: Output) {
        for n in r.notices { out.notice(n) }
        let prefix = r.dryRun ? Message("（试运行，未写入）", en: "(dry run, nothing written) ") : Message("", en: "")
        out.notice(
            Message(
                "\(prefix.zh)\(entity.zh)：读取 \(r.rows) 行，新增 \(r.inserted)，更新 \(r.updated)，跳过 \(r.skipped)"
                    + (r.unchanged > 0 ? "，未变 \(r.unchanged)" : ""),
                en:
                    "\(prefix.en)\(entity.en): read \(r.rows) rows, inserted \(r.inserted), updated \(r.updated), skipped \(r.skipped)"
                    + (r.unchanged > 0 ? ", unchanged \(r.unchanged)" : "")
            ))
    }
}
