import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// Filters shared by `org list` and `org export`.
struct OrgFilterFlags: ParsableArguments {
    @Option(help: "类型 kind: enterprise|chamber|federation|village|department|bank|school") var kind:
        OrganisationKind?
    @Option(help: "地区（代码或名称，含下级） region code or name, with everything below") var region: String?
    @Option(help: "行业（门类字母或代码前缀） industry section or code prefix") var industry: String?
    @Option(help: "规模 size: large|medium|small|micro|大|中|小|微") var size: String?
    @Option(help: "所属商会 chamber (id or name)") var chamber: String?
    @Option(help: "名称包含 name contains") var name: String?

    func filter(_ store: Store) throws(GSLError) -> OrganisationFilter {
        var sizeClass: EnterpriseSize?
        if let size {
            guard let s = EnterpriseSize.parse(size) else {
                throw GSLError.usage("未知的规模「\(size)」", en: "unknown size '\(size)'")
            }
            sizeClass = s
        }
        let chamberID = try chamber.map { (ref: String) throws(GSLError) in
            try OrganisationRepository(store: store).get(ref, kind: .chamber).id
        }
        return OrganisationFilter(
            kind: kind, regionCode: region, industry: industry, size: sizeClass, chamberID: chamberID,
            nameContains: name)
    }
}
