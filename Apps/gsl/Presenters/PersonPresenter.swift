import GSLCore
import GSLStore
import GSLSurveysStore
import GSLTabular

/// Columns and cells for people.
enum PersonPresenter {
    static func columns(_ out: Output) -> [Column] {
        [
            Column("id", title: "#", alignRight: true), Column("kind", title: out.t("类型", "kind")),
            Column("name", title: out.t("姓名", "name")), Column("gender", title: out.t("性别", "gender")),
            Column("birth_year", title: out.t("出生年份", "born"), alignRight: true),
            Column("organisation_id", title: out.t("单位", "organisation"), alignRight: true),
            Column("title", title: out.t("职务", "title")), Column("phone", title: out.t("手机", "phone")),
        ]
    }

    static func gender(_ g: String?, _ out: Output) -> Cell {
        guard let g else { return .null }
        return out.enumValue(g, out.lang == .zh ? (g == "M" ? "男" : "女") : g)
    }

    static func row(_ p: Person, _ out: Output, unmask: Bool) -> [Cell] {
        [
            .int(p.id), out.enumValue(p.kind.rawValue, out.lang == .zh ? p.kind.chinese : p.kind.rawValue),
            .text(p.name),
            gender(p.gender, out),
            p.birthYear.map { .int(Int64($0)) } ?? .null, p.organisationID.map { .int($0) } ?? .null,
            OrgPresenter.text(p.title), OrgPresenter.text(p.phone.map { unmask ? $0 : Masking.phone($0) }),
        ]
    }

    static func show(
        _ p: Person, memberships: [Membership], _ out: Output, unmask: Bool, surveys: [PersonSurvey] = [],
        organisationName: String? = nil
    ) {
        var fields: [(key: String, label: String, value: Cell)] = [
            ("id", "#", .int(p.id)),
            (
                "kind", out.t("类型", "kind"),
                out.enumValue(p.kind.rawValue, out.lang == .zh ? p.kind.chinese : p.kind.rawValue)
            ),
            ("name", out.t("姓名", "name"), .text(p.name)),
            ("gender", out.t("性别", "gender"), gender(p.gender, out)),
            ("birth_year", out.t("出生年份", "birth year"), p.birthYear.map { .int(Int64($0)) } ?? .null),
            (
                "id_card", out.t("身份证号", "ID card"),
                OrgPresenter.text(p.idCard.map { unmask ? $0 : Masking.idCard($0) })
            ),
            (
                "phone", out.t("手机", "phone"),
                OrgPresenter.text(p.phone.map { unmask ? $0 : Masking.phone($0) })
            ),
            ("email", out.t("邮箱", "e-mail"), OrgPresenter.text(p.email)),
            ("organisation_id", out.t("单位编号", "organisation id"), p.organisationID.map { .int($0) } ?? .null),
            ("organisation", out.t("单位", "organisation"), OrgPresenter.text(organisationName)),
            ("title", out.t("职务", "title"), OrgPresenter.text(p.title)),
            ("note", out.t("备注", "note"), OrgPresenter.text(p.note)),
            ("version", out.t("版本", "version"), .int(p.version)),
        ]
        for (i, m) in memberships.enumerated() {
            fields.append(
                (
                    "membership_\(i + 1)", out.t("会籍", "membership"),
                    .text("#\(m.id) \(m.chamberName) \(m.role) \(m.startDate ?? "?")–\(m.endDate ?? "")")
                ))
        }
        for (i, s) in surveys.enumerated() {
            let when = s.submittedAt.map { " \($0)" } ?? ""
            fields.append(
                ("survey_\(i + 1)", out.t("调查", "survey"), .text("\(s.survey) #\(s.number)\(when)")))
        }
        out.record(fields)
    }

    static func exportColumns(_ out: Output) -> [Column] {
        let zh = out.lang == .zh
        return [
            ("kind", "类型"), ("name", "姓名"), ("gender", "性别"), ("birth_year", "出生年份"), ("id_card", "身份证号"),
            ("phone", "手机"), ("email", "邮箱"), ("organisation", "单位"), ("title", "职务"), ("note", "备注"),
        ]
        .map { Column($0.0, title: zh ? $0.1 : $0.0) }
    }

    static func exportRow(_ p: Person, unmask: Bool) -> [Cell] {
        [
            .text(p.kind.rawValue), .text(p.name), OrgPresenter.text(p.gender),
            p.birthYear.map { .int(Int64($0)) } ?? .null,
            OrgPresenter.text(p.idCard.map { unmask ? $0 : Masking.idCard($0) }),
            OrgPresenter.text(p.phone.map { unmask ? $0 : Masking.phone($0) }), OrgPresenter.text(p.email),
            p.organisationID.map { .int($0) } ?? .null, OrgPresenter.text(p.title), OrgPresenter.text(p.note),
        ]
    }
}
