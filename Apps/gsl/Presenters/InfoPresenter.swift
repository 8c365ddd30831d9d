import Foundation
import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLTabular

/// Tables for information reports (社情民意) and proposals (提案).
enum InfoPresenter {
    static func columns(_ out: Output) -> [Column] {
        [
            Column("id", title: "#", alignRight: true), Column("state", title: out.t("状态", "state")),
            Column("title", title: out.t("标题", "title")), Column("author", title: out.t("作者", "author")),
            Column("chamber", title: out.t("商会", "chamber")),
            Column("drafted_on", title: out.t("起草日", "drafted")),
        ]
    }

    static func row(_ r: InfoReport, _ out: Output) -> [Cell] {
        [
            .int(r.id), out.enumValue(r.state.rawValue, r.state.label.text(out.lang)), .text(r.title),
            .text(r.author),
            r.chamberName.map(Cell.text) ?? .null,
            .text(r.draftedOn.iso),
        ]
    }

    static func show(_ r: InfoReport, events: [InfoEvent], _ out: Output) {
        let fields: [(key: String, label: String, value: Cell)] = [
            ("id", "#", .int(r.id)),
            ("state", out.t("状态", "state"), out.enumValue(r.state.rawValue, r.state.label.text(out.lang))),
            ("title", out.t("标题", "title"), .text(r.title)),
            ("author", out.t("作者", "author"), .text(r.author)),
            ("chamber", out.t("商会", "chamber"), r.chamberName.map(Cell.text) ?? .null),
            ("body", out.t("正文", "text"), r.body.map(Cell.text) ?? .null),
            ("drafted_on", out.t("起草日", "drafted"), .text(r.draftedOn.iso)),
            ("adoptions", out.t("采用次数", "adoptions"), .int(Int64(events.filter { $0.kind == .adopt }.count))),
            (
                "instructions", out.t("批示次数", "instructions"),
                .int(Int64(events.filter { $0.kind == .instruct }.count))
            ),
            ("version", out.t("版本", "version"), .int(r.version)),
        ]
        RecordWithLists(
            fields: fields,
            lists: [
                .init(
                    key: "events", label: out.t("记录", "events"),
                    lines: events.map { $0.summary.text(out.lang) },
                    objects: events.map(TimelineJSON.infoEvent))
            ]
        ).write(out)
    }

    static func scoreColumns(_ out: Output, _ grouping: InfoGrouping) -> [Column] {
        [
            Column("rank", title: out.t("名次", "rank"), alignRight: true),
            Column("key", title: grouping == .author ? out.t("作者", "author") : out.t("商会", "chamber")),
            Column("points", title: out.t("积分", "points"), alignRight: true),
            Column("reports", title: out.t("信息数", "reports"), alignRight: true),
            Column("adoptions", title: out.t("采用", "adoptions"), alignRight: true),
            Column("instructions", title: out.t("批示", "instructions"), alignRight: true),
        ]
    }

    static func scoreRow(_ s: InfoScore, _ out: Output) -> [Cell] {
        let key: Cell =
            s.withoutChamber ? (out.isJSON ? .null : .text(out.t("（无商会）", "(no chamber)"))) : .text(s.key)
        return [
            .int(Int64(s.rank)), key, .double(Double(s.points.description) ?? .nan), .int(Int64(s.reports)),
            .int(Int64(s.adoptions)),
            .int(Int64(s.instructions)),
        ]
    }

    static func proposalColumns(_ out: Output) -> [Column] {
        [
            Column("id", title: "#", alignRight: true), Column("state", title: out.t("状态", "state")),
            Column("title", title: out.t("标题", "title")), Column("proposer", title: out.t("提案人", "proposer")),
            Column("lead", title: out.t("主办", "lead")), Column("grade", title: out.t("答复", "grade")),
            Column("evaluation", title: out.t("评价", "evaluation")),
            Column("filed_on", title: out.t("立案日", "filed")),
        ]
    }

    static func proposalRow(_ p: ProposalRecord, _ out: Output) -> [Cell] {
        [
            .int(p.id), out.enumValue(p.state.rawValue, p.state.label.text(out.lang)), .text(p.title),
            .text(p.proposer),
            p.leadDepartment.map(Cell.text) ?? .null,
            p.grade.map { .text($0.rawValue) } ?? .null,
            p.evaluation.map { out.enumValue($0.rawValue, $0.label.text(out.lang)) } ?? .null,
            .text(p.filedOn),
        ]
    }

    static func showProposal(
        _ p: ProposalRecord, events: [ProposalEvent], adoptions: [ProposalAdoption], _ out: Output
    ) {
        let fields: [(key: String, label: String, value: Cell)] = [
            ("id", "#", .int(p.id)),
            ("state", out.t("状态", "state"), out.enumValue(p.state.rawValue, p.state.label.text(out.lang))),
            ("title", out.t("标题", "title"), .text(p.title)),
            ("proposer", out.t("提案人", "proposer"), .text(p.proposer)),
            ("chamber", out.t("商会", "chamber"), p.chamberName.map(Cell.text) ?? .null),
            ("body", out.t("正文", "text"), p.body.map(Cell.text) ?? .null),
            ("lead_department", out.t("主办", "lead"), p.leadDepartment.map(Cell.text) ?? .null),
            ("assisting", out.t("协办", "assisting"), .text(p.assisting.joined(separator: "、"))),
            ("grade", out.t("答复类别", "answer grade"), p.grade.map { .text($0.rawValue) } ?? .null),
            (
                "evaluation", out.t("委员评价", "evaluation"),
                p.evaluation.map { out.enumValue($0.rawValue, $0.label.text(out.lang)) } ?? .null
            ),
            ("filed_on", out.t("立案日", "filed"), .text(p.filedOn)),
            (
                "allowed", out.t("可执行", "allowed"),
                .text(
                    ProposalWorkflow.allowed(in: p.state, unsatisfied: p.evaluation == .unsatisfied).map(
                        \.rawValue
                    ).joined(separator: ","))
            ),
            ("version", out.t("版本", "version"), .int(p.version)),
        ]
        // The summary line carries the note once.
        RecordWithLists(
            fields: fields,
            lists: [
                .init(
                    key: "adoptions", label: out.t("采用", "adopted"),
                    lines: adoptions.map { "\($0.date) \($0.level.label.text(out.lang)) \($0.body)" },
                    objects: adoptions.map {
                        .object([
                            ("date", .string($0.date)), ("level", .string($0.level.rawValue)),
                            ("body", .string($0.body)),
                        ])
                    }),
                .init(
                    key: "timeline", label: out.t("时间线", "timeline"),
                    lines: events.map { e in
                        e.summary.text(out.lang) + (e.note.map { out.t(" 备注：", " note: ") + $0 } ?? "")
                    },
                    objects: events.map(TimelineJSON.proposalEvent)),
            ]
        ).write(out)
    }
}
