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

    /// The filter from the flags; the chamber reference (`chamber`) is resolved by the service.
    func filter() throws(GSLError) -> OrganisationFilter {
        var sizeClass: EnterpriseSize?
        if let size {
            guard let s = EnterpriseSize.parse(size) else {
                throw GSLError.usage("未知的规模「\(size)」", en: "unknown size '\(size)'")
            }
            sizeClass = s
        }
        return OrganisationFilter(
            kind: kind, regionCode: region, industry: industry, size: sizeClass, nameContains: name)
    }
}
