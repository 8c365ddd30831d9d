import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// Columns and cells for divisions.
enum RegionPresenter {
    static func columns(_ out: Output) -> [Column] {
        [
            Column("code", title: out.t("代码", "code")), Column("name", title: out.t("名称", "name")),
            Column("level", title: out.t("层级", "level")), Column("kind", title: out.t("类别", "kind")),
            Column("parent_code", title: out.t("上级", "parent")),
        ]
    }

    static func row(_ r: Region, _ out: Output) -> [Cell] {
        let kind: String? = {
            guard r.level == .village, let vk = try? DivisionCode(r.code).villageKind else { return r.kind }
            return r.kind ?? (vk == .villagersCommittee ? "村委会" : vk == .residentsCommittee ? "居委会" : nil)
        }()
        return [
            .text(r.code), .text(r.name), .text(LevelNames.division(r.level, out.lang)),
            OrgPresenter.text(kind),
            OrgPresenter.text(r.parentCode),
        ]
    }
}
