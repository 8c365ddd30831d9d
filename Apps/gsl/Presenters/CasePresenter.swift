import GSLCasework
import GSLCaseworkStore
import GSLCore
import GSLTabular

/// Tables for requests.
enum CasePresenter {
    static func columns(_ out: Output) -> [Column] {
        [
            Column("id", title: "#", alignRight: true), Column("state", title: out.t("状态", "state")),
            Column("org", title: out.t("企业", "enterprise")),
            Column("category", title: out.t("类别", "category")),
            Column("priority", title: out.t("优先级", "priority")), Column("title", title: out.t("标题", "title")),
            Column("department", title: out.t("主办", "lead")),
            Column("opened_on", title: out.t("受理日", "opened")),
        ]
    }

    static func category(_ code: String, _ out: Output) -> String {
        (try? CaseTaxonomy.standard.category(named: code).label.text(out.lang)) ?? code
    }

    /// A list row: names in tables and CSV, codes in JSON (the same whatever `--lang`).
    static func row(_ r: CaseRecord, _ out: Output) -> [Cell] {
        return [
            .int(r.id), out.enumValue(r.state.rawValue, r.state.label.text(out.lang)), .text(r.orgName),
            out.enumValue(r.category, category(r.category, out)),
            out.enumValue(r.priority.rawValue, r.priority.label.text(out.lang)), .text(r.title),
            r.leadDepartment.map(Cell.text) ?? .null,
            .text(r.openedOn),
        ]
    }

    /// Export columns: the import fields first, so an export of new requests imports back.
    static func exportColumns(_ out: Output) -> [Column] {
        let zh = out.lang == .zh
        return [
            ("id", "编号"), ("org", "企业"), ("category", "类别"), ("title", "标题"), ("description", "描述"),
            ("source", "来源"),
            ("priority", "优先级"), ("date", "受理日期"), ("state", "状态"), ("lead_department", "主办部门"),
            ("assisting", "协办部门"),
        ]
        .map { Column($0.0, title: zh ? $0.1 : $0.0) }
    }

    static func exportRow(_ r: CaseRecord, _ out: Output) -> [Cell] {
        [
            .int(r.id), .text(r.orgName), out.enumValue(r.category, category(r.category, out)),
            .text(r.title),
            r.description.map(Cell.text) ?? .null,
            .text(r.source.rawValue), .text(r.priority.rawValue), .text(r.openedOn), .text(r.state.rawValue),
            r.leadDepartment.map(Cell.text) ?? .null, .text(r.assisting.joined(separator: "、")),
        ]
    }

    static func show(_ r: CaseRecord, events: [CaseEvent], _ out: Output) {
        // JSON carries codes (the same whatever --lang); tables and CSV carry names.
        let fields: [(key: String, label: String, value: Cell)] = [
            ("id", "#", .int(r.id)),
            ("state", out.t("状态", "state"), out.enumValue(r.state.rawValue, r.state.label.text(out.lang))),
            ("org", out.t("企业", "enterprise"), .text(r.orgName)),
            (
                "source", out.t("来源", "source"),
                out.enumValue(r.source.rawValue, r.source.label.text(out.lang))
            ),
            ("category", out.t("类别", "category"), out.enumValue(r.category, category(r.category, out))),
            (
                "priority", out.t("优先级", "priority"),
                out.enumValue(r.priority.rawValue, r.priority.label.text(out.lang))
            ),
            ("title", out.t("标题", "title"), .text(r.title)),
            ("description", out.t("描述", "description"), r.description.map(Cell.text) ?? .null),
            ("lead_department", out.t("主办", "lead"), r.leadDepartment.map(Cell.text) ?? .null),
            ("assisting", out.t("协办", "assisting"), .text(r.assisting.joined(separator: "、"))),
            ("merged_into", out.t("并入", "merged into"), r.mergedInto.map { .int($0) } ?? .null),
            ("event", out.t("活动", "event"), r.eventID.map { .int($0) } ?? .null),
            ("version", out.t("版本", "version"), .int(r.version)),
        ]
        // The summary already ends with the note (备注：…); it is not repeated.
        RecordWithLists(
            fields: fields,
            lists: [
                .init(
                    key: "timeline", label: out.t("时间线", "timeline"),
                    lines: events.map { $0.summary.text(out.lang) },
                    objects: events.map(TimelineJSON.caseEvent))
            ]
        ).write(out)
    }

    static func slaColumns(_ out: Output) -> [Column] {
        [
            Column("id", title: "#", alignRight: true), Column("org", title: out.t("企业", "enterprise")),
            Column("title", title: out.t("标题", "title")), Column("clock", title: out.t("时限", "clock")),
            Column("due", title: out.t("到期日", "due")),
            Column("elapsed", title: out.t("已用/时限（工作日）", "used/target (workdays)")),
            Column("level", title: out.t("级别", "level")),
        ]
    }

    static func slaRow(_ r: CaseRecord, _ report: SLAReport, _ out: Output) -> [Cell] {
        let s = report.statuses.filter(\.isRunning).max { $0.level < $1.level } ?? report.resolution
        let json = out.isJSON
        let clock =
            json
            ? s.kind.rawValue
            : s.kind == .firstResponse ? out.t("首次响应", "first response") : out.t("办结", "resolution")
        return [
            .int(r.id), .text(r.orgName), .text(r.title), .text(clock), .text(s.due.iso),
            .text("\(s.elapsed)/\(s.target)"),
            out.enumValue("\(report.level)", report.level.label.text(out.lang)),
        ]
    }
}
