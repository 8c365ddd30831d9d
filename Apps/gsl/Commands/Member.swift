import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// `gsl member …`: chamber memberships.
struct Member: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "商会会籍 chamber memberships",
        subcommands: [Add.self, List.self, End.self])

    /// `gsl member add`.
    struct Add: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "入会 add a member to a chamber",
            discussion: """
                例：gsl member add --chamber 宁波市青年商会 --org 宁波某某科技有限公司 --role 理事
                    gsl member add --chamber 3 --person 张三 --role 会长 --since 2024-01-01
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "商会 chamber (id or name)") var chamber: String
        @Option(name: .customLong("org"), help: "会员企业 member organisation") var organisation: String?
        @Option(help: "会员个人 member person") var person: String?
        @Option(help: "职务 role (会长, 副会长, 理事, 会员 …)") var role: String?
        @Option(help: "入会日期 start date") var since: String?
        @Option(help: "备注 note") var note: String?

        func execute(_ out: Output) throws(GSLError) {
            guard (organisation == nil) != (person == nil) else {
                throw GSLError.usage("请给出 --org 或 --person 之一", en: "give exactly one of --org or --person")
            }
            let start = try since.map { (t: String) throws(GSLError) in try LocalDate.parse(t) }
            let m = try RecordsService(store: global.openStore()).addMembership(
                chamber: chamber, member: organisation ?? person!, isPerson: person != nil, role: role,
                start: start,
                note: note, context: global.context())
            out.table(MemberPresenter.columns(out), [MemberPresenter.row(m)])
        }
    }

    /// `gsl member list`.
    struct List: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出会籍 list memberships",
            discussion: "例：gsl member list --chamber 宁波市青年商会 --all")
        @OptionGroup var global: GlobalOptions
        @Option(help: "商会 chamber") var chamber: String?
        @Option(name: .customLong("org"), help: "会员企业 member organisation") var organisation: String?
        @Option(help: "会员个人 member person") var person: String?
        @Flag(help: "含已结束的 include ended memberships") var all = false

        func execute(_ out: Output) throws(GSLError) {
            let list = try RecordsService(store: global.openStore()).membershipList(
                chamber: chamber, member: organisation ?? person, memberIsPerson: person != nil,
                includeEnded: all)
            out.table(MemberPresenter.columns(out), list.map(MemberPresenter.row))
        }
    }

    /// `gsl member end ID`.
    struct End: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "end", abstract: "结束会籍 end a membership",
            discussion: "例：gsl member end 12 --on 2026-06-30")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "会籍编号 membership id") var id: Int64
        @Option(help: "结束日期 end date (default today)") var on: String?

        func execute(_ out: Output) throws(GSLError) {
            let date = try on.map { (t: String) throws(GSLError) in try LocalDate.parse(t) }
            let m = try RecordsService(store: global.openStore()).endMembership(
                id: id, on: date, context: global.context())
            out.table(MemberPresenter.columns(out), [MemberPresenter.row(m)])
        }
    }
}
