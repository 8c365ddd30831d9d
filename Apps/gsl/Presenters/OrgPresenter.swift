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
            Column("revenue_yuan", title: moneyTitle("营业收入", "revenue", out), alignRight: true),
            Column("phone", title: out.t("电话", "phone")),
        ]
    }

    static func listRow(_ o: Organisation, _ out: Output, unmask: Bool) -> [Cell] {
        [
            .int(o.id), out.enumValue(o.kind.rawValue, o.kind.label(out.lang)), .text(o.name), text(o.uscc),
            text(o.regionCode),
            text(o.industryCode),
            o.size.map { out.enumValue($0.rawValue, out.lang == .zh ? $0.chinese : $0.rawValue) } ?? .null,
            o.employees.map { .int(Int64($0)) } ?? .null,
            money(o.revenue, out), text(o.phone.map { unmask ? $0 : Masking.phone($0) }),
        ]
    }

    /// Money: 万元/亿元 for reading in tables; in CSV, JSON and NDJSON a plain number of yuan
    /// (keys end in `_yuan`, CSV titles say 元).
    static func money(_ m: Money?, _ out: Output) -> Cell {
        guard let m else { return .null }
        switch out.format {
        case .table: return .text(m.formatted(.auto, lang: out.lang))
        case .json, .ndjson, .csv: return .double(Double(m.fen) / 100)
        }
    }

    /// A money column's title, with the unit where the values are plain yuan.
    static func moneyTitle(_ zh: String, _ en: String, _ out: Output) -> String {
        out.format == .table ? out.t(zh, en) : out.t(zh + "(元)", en + " (yuan)")
    }

    static func text(_ s: String?) -> Cell { s.map(Cell.text) ?? .null }

    static func show(_ o: Organisation, memberships: [Membership], _ out: Output, unmask: Bool) {
        var fields: [(key: String, label: String, value: Cell)] = [
            ("id", "#", .int(o.id)),
            ("kind", out.t("类型", "kind"), out.enumValue(o.kind.rawValue, o.kind.label(out.lang))),
            ("name", out.t("名称", "name"), .text(o.name)), ("uscc", out.t("统一社会信用代码", "USCC"), text(o.uscc)),
            ("region_code", out.t("区划", "region"), text(o.regionCode)),
        ]
        if let code = o.industryCode, let entry = IndustryCatalog.standard.lookup(code) {
            fields.append(("industry", out.t("行业", "industry"), .text("\(entry.code) \(entry.name)")))
        }
        fields += [
            (
                "size", out.t("规模", "size"),
                o.size.map { out.enumValue($0.rawValue, out.lang == .zh ? $0.chinese : $0.rawValue) } ?? .null
            ),
            ("employees", out.t("从业人员", "employees"), o.employees.map { .int(Int64($0)) } ?? .null),
            ("revenue_yuan", moneyTitle("营业收入", "revenue", out), money(o.revenue, out)),
            ("assets_yuan", moneyTitle("资产总额", "assets", out), money(o.assets, out)),
        ]
        if let type = o.chamberType {
            fields.append(
                (
                    "chamber_type", out.t("商会类型", "chamber type"),
                    out.enumValue(type.rawValue, out.lang == .zh ? type.chinese : type.rawValue)
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
            ("size", "规模"), ("employees", "从业人员"), ("revenue_yuan", "营业收入(元)"), ("assets_yuan", "资产总额(元)"),
            ("chamber_type", "商会类型"), ("parent", "上级"), ("established", "成立日期"), ("address", "地址"),
            ("phone", "电话"), ("legal_rep", "法定代表人"), ("note", "备注"),
        ].map {
            Column(
                $0.0, title: zh ? $0.1 : $0.0,
                alignRight: ["employees", "revenue_yuan", "assets_yuan"].contains($0.0))
        }
    }

    static func exportRow(_ o: Organisation, unmask: Bool, _ out: Output) -> [Cell] {
        // Plain yuan with two decimals in CSV (what Excel shows); a number of yuan in JSON.
        let money: (Money?) -> Cell = { m in
            guard let m else { return .null }
            return out.format == .csv || out.format == .table
                ? .text(m.plainYuan) : .double(Double(m.fen) / 100)
        }
        return [
            .text(o.kind.rawValue), .text(o.name), text(o.uscc), text(o.regionCode), text(o.industryCode),
            text(o.size?.rawValue), o.employees.map { .int(Int64($0)) } ?? .null,
            money(o.revenue), money(o.assets),
            text(o.chamberType?.rawValue),
            o.parentID.map { .int($0) } ?? .null, text(o.established), text(o.address),
            text(o.phone.map { unmask ? $0 : Masking.phone($0) }), text(o.legalRep), text(o.note),
        ]
    }
}
