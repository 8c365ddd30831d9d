import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// `gsl audit …`: the hash-chained audit log.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "审计日志 audit log",
        subcommands: [Log.self, Verify.self, Keygen.self, Anchor.self, Replay.self])

    /// `gsl audit log`.
    struct Log: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "log", abstract: "查看审计日志 show audit entries",
            discussion: "例：gsl audit log --entity organisation:12；gsl audit log --actor 王芳 --since 2026-11-01"
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "实体 entity type or type:id") var entity: String?
        @Option(name: .customLong("by"), help: "操作人 actor") var by: String?
        @Option(help: "起始时间 since (date or instant)") var since: String?
        @Option(help: "最近多少条 last N entries") var limit: Int = 100
        @Flag(help: "显示变更前后内容 show before/after") var full = false
        @Flag(help: "不给证件号、电话打码 show ID-card and phone numbers unmasked") var unmask = false

        func execute(_ out: Output) throws(GSLError) {
            let sinceText = try since.map { (t: String) throws(GSLError) -> String in
                t.contains("T") ? t : try LocalDate.parse(t).iso
            }
            let entries = try AuditService(store: global.openStore()).log(
                entity: entity, actor: by ?? global.actor, since: sinceText, limit: limit, unmask: unmask,
                context: global.context())
            if unmask { global.protectUnmaskedOutput() }
            var columns = [
                Column("seq", title: "#", alignRight: true), Column("at", title: out.t("时间", "at")),
                Column("actor", title: out.t("操作人", "actor")), Column("action", title: out.t("动作", "action")),
                Column("entity", title: out.t("实体", "entity")), Column("entity_id", title: out.t("编号", "id")),
                Column("command", title: out.t("命令", "command")),
            ]
            if full {
                columns += [
                    Column("before", title: out.t("变更前", "before")),
                    Column("after", title: out.t("变更后", "after")),
                ]
            }
            out.table(
                columns,
                entries.map { e in
                    // Personal data typed on a command line or kept in a row is masked unless asked.
                    let shown: (String) -> String = { unmask ? $0 : Masking.personalData(in: $0) }
                    var row: [Cell] = [
                        .int(e.seq), .text(e.at), .text(e.actor), .text(e.action), .text(e.entity),
                        .text(e.entityID), .text(shown(e.command)),
                    ]
                    if full {
                        row += [
                            OrgPresenter.text(e.before.map(shown)), OrgPresenter.text(e.after.map(shown)),
                        ]
                    }
                    return row
                })
        }
    }

    /// `gsl audit verify`.
    struct Verify: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "校验审计链（发现改动与删除） verify the hash chain")
        @OptionGroup var global: GlobalOptions
        @Option(help: "锚点文件：审计链须仍经过其中每个签名的链头 anchor file") var anchors: String?
        @Option(name: .customLong("public-key"), help: "锚点须由此公钥签名 anchors must be by this key")
        var publicKey: String?

        func execute(_ out: Output) throws(GSLError) {
            let check = try AuditService(store: global.openStore()).verify(
                anchorFile: anchors, publicKey: publicKey)
            guard check.chainProblems.isEmpty else {
                for p in check.chainProblems.dropLast() { out.notice(p) }
                throw GSLError(.data, check.chainProblems.last!).because(.auditChainBroken)
            }
            guard check.anchorProblems.isEmpty else {
                for p in check.anchorProblems.dropLast() { out.notice(p) }
                throw GSLError(.data, check.anchorProblems.last!).because(.auditAnchorMismatch)
            }
            out.line(out.t("审计链完好：\(check.entries) 条", "audit chain intact: \(check.entries) entries"))
            if let anchored = check.anchored {
                out.line(out.t("签名锚点 \(anchored) 个均经过", "\(anchored) signed anchors reached"))
            }
        }
    }
}
