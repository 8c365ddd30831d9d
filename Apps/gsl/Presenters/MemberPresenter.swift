import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// Columns and cells for memberships.
enum MemberPresenter {
    static func columns(_ out: Output) -> [Column] {
        [
            Column("id", title: "#", alignRight: true), Column("chamber", title: out.t("商会", "chamber")),
            Column("member", title: out.t("会员", "member")),
            Column("member_type", title: out.t("会员类型", "member type")),
            Column("role", title: out.t("职务", "role")), Column("start_date", title: out.t("入会", "since")),
            Column("end_date", title: out.t("结束", "until")),
        ]
    }

    static func row(_ m: Membership) -> [Cell] {
        [
            .int(m.id), .text(m.chamberName), .text(m.memberName),
            .text(m.memberPersonID != nil ? "person" : "organisation"),
            .text(m.role), OrgPresenter.text(m.startDate), OrgPresenter.text(m.endDate),
        ]
    }
}
