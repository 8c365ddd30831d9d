import GSLCore
import GSLStore
import GSLTabular

/// Columns and cells for organisations in lists, detail views and exports.
enum OrgPresenter {
    static func listColumns(_ out: Output) -> [Column] {
        [
            Column("id", title: "#", alignRight: true), Column("kind", title: out.t("类型", "kind")),
            Column("name", title: out.t("名称", "name")), Column("uscc", title: out.t("统一社会信用代码", "USCC")),
            Column("region_code", title: out.t("区划", "region")),
            Column("industry_code", title: out.t("行业", "industry")),
            Column("size", title: out.t("规模", "size")),
            Column("employees", title: out.t("从业人员", "employees"), alignRight: true),
            Column("revenue", title: out.t("营业收入", "revenue"), alignRight: true),
            Column("phone", title: out.t("电话", "phone")),
        ]
    }

    static func listRow(_ o: Organisation, _ out: Output, unmask: Bool) -> [Cell] {
        [
            .int(o.id), .text(o.kind.label(out.lang)), .text(o.name), text(o.uscc), text(o.regionCode),
            text(o.industryCode),
            o.size.map { .text(out.lang == .zh ? $0.chinese : $0.rawValue) } ?? .null,
            o.employees.map { .int(Int64($0)) } ?? .null,
            money(o.revenue, out), text(o.phone.map { unmask ? $0 : Masking.phone($0) }),
        ]
    }

    static func money(_ m: Money?, _ out: Output) -> Cell {
        guard let m else { return .null }
        switch out.format {
        case .json, .ndjson: return .int(m.fen)
        case .table, .csv: return .text(m.formatted(.auto, lang: out.lang))
        }
    }

    static func text(_ s: String?) -> Cell { s.map(Cell.text) ?? .null }

    static func show(_ o: Organisation, memberships: [Membership], _ out: Output, unmask: Bool) {
        var fields: [(key: String, label: String, value: Cell)] = [
            ("id", "#", .int(o.id)), ("kind", out.t("类型", "kind"), .text(o.kind.label(out.lang))),
            ("name", out.t("名称", "name"), .text(o.name)), ("uscc", out.t("统一社会信用代码", "USCC"), text(o.uscc)),
            ("region_code", out.t("区划", "region"), text(o.regionCode)),
        ]
        if let code = o.industryCode, let entry = IndustryCatalog.standard.lookup(code) {
            fields.append(("industry", out.t("行业", "industry"), .text("\(entry.code) \(entry.name)")))
        }
        fields += [
            (
                "size", out.t("规模", "size"),
                o.size.map { .text(out.lang == .zh ? $0.chinese : $0.rawValue) } ?? .null
            ),
            ("employees", out.t("从业人员", "employees"), o.employees.map { .int(Int64($0)) } ?? .null),
            ("revenue", out.t("营业收入", "revenue"), money(o.revenue, out)),
            ("assets", out.t("资产总额", "assets"), money(o.assets, out)),
        ]
        if let type = o.chamberType {
            fields.append(
                (
                    "chamber_type", out.t("商会类型", "chamber type"),
                    .text(out.lang == .zh ? type.chinese : type.rawValue)
                ))
        }
        fields += [
            ("parent_id", out.t("上级", "parent"), o.parentID.map { .int($0) } ?? .null),
            ("established", out.t("成立日期", "established"), text(o.established)),
            ("address", out.t("地址", "address"), text(o.address)),
            ("phone", out.t("电话", "phone"), text(o.phone.map { unmask ? $0 : Masking.phone($0) })),
            ("legal_rep", out.t("法定代表人", "legal representative"), text(o.legalRep)),
            ("note", out.t("备注", "note"), text(o.note)),
            ("version", out.t("版本", "version"), .int(o.version)),
            ("updated_at", out.t("更新时间", "updated"), .text(o.updatedAt)),
        ]
        for (i, m) in memberships.enumerated() {
            let span = "\(m.startDate ?? "?")–\(m.endDate ?? "")"
            fields.append(
                (
                    "membership_\(i + 1)", out.t("会籍", "membership"),
                    .text("#\(m.id) \(m.chamberName) \(m.role) \(span)")
                ))
        }
        out.record(fields)
    }

    /// Export columns: import field keys with Chinese headers, so an export imports back unchanged.
    static func exportColumns(_ out: Output) -> [Column] {
        let zh = out.lang == .zh
        return [
            ("kind", "类型"), ("name", "名称"), ("uscc", "统一社会信用代码"), ("region", "区划代码"), ("industry", "行业代码"),
            ("size", "规模"), ("employees", "从业人员"), ("revenue", "营业收入(元)"), ("assets", "资产总额(元)"),
            ("chamber_type", "商会类型"), ("parent", "上级"), ("established", "成立日期"), ("address", "地址"),
            ("phone", "电话"), ("legal_rep", "法定代表人"), ("note", "备注"),
        ].map {
            Column(
                $0.0, title: zh ? $0.1 : $0.0, alignRight: ["employees", "revenue", "assets"].contains($0.0))
        }
    }

    static func exportRow(_ o: Organisation, unmask: Bool) -> [Cell] {
        [
            .text(o.kind.rawValue), .text(o.name), text(o.uscc), text(o.regionCode), text(o.industryCode),
            text(o.size?.rawValue), o.employees.map { .int(Int64($0)) } ?? .null,
            text(o.revenue?.plainYuan), text(o.assets?.plainYuan),
            text(o.chamberType?.rawValue),
            o.parentID.map { .int($0) } ?? .null, text(o.established), text(o.address),
            text(o.phone.map { unmask ? $0 : Masking.phone($0) }), text(o.legalRep), text(o.note),
        ]
    }
}
