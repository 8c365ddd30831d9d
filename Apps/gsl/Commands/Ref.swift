import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// `gsl ref …`: reference data and code checks.
struct Ref: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ref", abstract: "参考数据与代码校验 reference data and code checks",
        subcommands: [Load.self, USCCCheck.self, Industry.self, Size.self])

    /// `gsl ref load`: load the shipped divisions into the store.
    struct Load: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "load", abstract: "载入 Datasets/reference 的区划 load divisions from Datasets/reference",
            discussion: "行业分类、规模标准、节假日已内置于程序。Industries, size thresholds and holidays are built in.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "参考数据目录 reference folder") var dir: String?
        @Flag(name: .customLong("dry-run"), help: "只校验不写入 validate only") var dryRun = false

        func execute(_ out: Output) throws(GSLError) {
            let root = try DatasetLocator.referenceDirectory(explicit: dir)
            let report = try RecordsService(store: global.openStore()).loadReferenceDivisions(
                root: root, dryRun: dryRun, context: global.context())
            ImportReporting.show(report, entity: Message("区划", en: "divisions"), out)
            let catalog = IndustryCatalog.standard.entries
            out.notice(
                Message(
                    "内置：国民经济行业分类 \(catalog.count) 条；节假日 \(WorkCalendar.china.coveredYears.lowerBound)–\(WorkCalendar.china.coveredYears.upperBound)",
                    en:
                        "built in: \(catalog.count) industry codes; holidays \(WorkCalendar.china.coveredYears.lowerBound)–\(WorkCalendar.china.coveredYears.upperBound)"
                ))
        }
    }

    /// `gsl ref uscc CODE`.
    struct USCCCheck: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "uscc", abstract: "校验统一社会信用代码 check a USCC (GB 32100-2015)",
            discussion: "例：gsl ref uscc 91330200711192037M")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "代码 code") var code: String

        func execute(_ out: Output) throws(GSLError) {
            let normalised = try USCC.validate(code)
            let parts = USCC.parts(of: normalised)!
            out.record([
                ("code", out.t("代码", "code"), .text(normalised)),
                ("valid", out.t("有效", "valid"), .bool(true)),
                (
                    "registration_authority", out.t("登记管理部门", "registration authority"),
                    .text(String(parts.registrationAuthority))
                ),
                ("org_type", out.t("机构类别", "organisation type"), .text(String(parts.orgType))),
                ("division_code", out.t("登记管理机关行政区划码", "division code"), .text(parts.divisionCode)),
                (
                    "organization_code", out.t("主体标识码（组织机构代码）", "organisation code"),
                    .text(parts.organisationCode)
                ),
                ("check", out.t("校验码", "check character"), .text(String(parts.check))),
            ])
        }
    }

    /// `gsl ref industry CODE`.
    struct Industry: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "industry", abstract: "查国民经济行业代码 look up a GB/T 4754-2017 code",
            discussion: "例：gsl ref industry C3011")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "代码 code (section letter, 2–4 digits)") var code: String

        func execute(_ out: Output) throws(GSLError) {
            let catalog = IndustryCatalog.standard
            guard let entry = catalog.lookup(code) else {
                throw GSLError.notFound("未知的行业代码「\(code)」", en: "unknown industry code '\(code)'")
            }
            let chain = catalog.parentChain(entry.code)
            out.table(
                [
                    Column("level", title: out.t("层级", "level")), Column("code", title: out.t("代码", "code")),
                    Column("name", title: out.t("名称", "name")),
                ],
                chain.map {
                    [.text(LevelNames.industry($0.level, out.lang)), .text($0.code), .text($0.name)]
                })
        }
    }

    /// `gsl ref size`.
    struct Size: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "size", abstract: "划分企业规模 classify enterprise size (2011 standard)",
            discussion: "例：gsl ref size --industry C3011 --employees 250 --revenue 1.2亿")
        @OptionGroup var global: GlobalOptions
        @Option(help: "行业代码 industry code") var industry: String
        @Option(help: "从业人员 employees") var employees: Int?
        @Option(help: "营业收入 revenue, e.g. 1.2亿, 3500万") var revenue: String?
        @Option(help: "资产总额 total assets") var assets: String?

        func execute(_ out: Output) throws(GSLError) {
            let revenueMoney = try revenue.map { (t: String) throws(GSLError) in try Money.parse(t) }
            let assetsMoney = try assets.map { (t: String) throws(GSLError) in try Money.parse(t) }
            let result = try SizeClassifier.classify(
                industryCode: industry, employees: employees, revenue: revenueMoney, assets: assetsMoney)
            out.record([
                (
                    "size", out.t("规模", "size"),
                    out.enumValue(
                        result.size.rawValue, out.lang == .zh ? result.size.chinese : result.size.rawValue)
                ),
                ("group", out.t("行业组", "industry group"), .text(result.group)),
                ("explanation", out.t("依据", "reason"), .text(result.explanation.text(out.lang))),
            ])
        }
    }
}
