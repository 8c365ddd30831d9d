import ArgumentParser
import GSLCore
import GSLStore
import GSLSurveysStore
import GSLTabular

extension PersonKind: ExpressibleByArgument {
    public init?(argument: String) {
        guard let kind = PersonKind.parse(argument) else { return nil }
        self = kind
    }
}

/// Field flags of `person add` and `person edit`.
struct PersonFieldFlags: ParsableArguments {
    @Option(help: "姓名 name") var name: String?
    @Option(help: "性别 gender 男/女") var gender: String?
    @Option(name: .customLong("birth-year"), help: "出生年份 birth year") var birthYear: String?
    @Option(name: .customLong("id-card"), help: "身份证号 ID card number") var idCard: String?
    @Option(help: "手机 phone") var phone: String?
    @Option(help: "邮箱 e-mail") var email: String?
    @Option(name: .customLong("org"), help: "所在单位 organisation (id, USCC or name)") var organisation: String?
    @Option(help: "职务 title") var title: String?
    @Option(help: "备注 note") var note: String?

    var given: [String: String?] {
        let all: [String: String?] = [
            "name": name, "gender": gender, "birth_year": birthYear, "id_card": idCard, "phone": phone,
            "email": email, "organisation": organisation, "title": title, "note": note,
        ]
        return all.filter { $0.value != nil }
    }
}

/// `gsl person …`: entrepreneurs, staff and other contacts.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "人员：企业家、工作人员 people",
        subcommands: [Add.self, Import.self, List.self, Show.self, Edit.self, Export.self])

    /// `gsl person add`.
    struct Add: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "新增人员 add a person",
            discussion: "例：gsl person add --name 张三 --birth-year 1975 --org 宁波某某科技有限公司 --title 董事长")
        @OptionGroup var global: GlobalOptions
        @Option(help: "类型 kind: entrepreneur|staff|other") var kind: PersonKind = .entrepreneur
        @OptionGroup var fields: PersonFieldFlags

        func execute(_ out: Output) throws(GSLError) {
            let draft = try PersonDraft.parse(FieldReader(fields.given), defaultKind: kind)
            let person = try RecordsService(store: global.openStore()).addPerson(
                draft, context: global.context())
            PersonPresenter.show(person, memberships: [], out, unmask: false)
        }
    }

    /// `gsl person import FILE`.
    struct Import: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入人员 import people (CSV/JSON/NDJSON)",
            discussion: "表头：姓名, 性别, 出生年份, 身份证号, 手机, 邮箱, 单位, 职务, 所属商会, 会内职务。有身份证号者按身份证号判重。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var flags: ImportFlags
        @Option(help: "默认类型 default kind") var kind: PersonKind?

        func execute(_ out: Output) throws(GSLError) {
            let bar = ProgressBar.onTerminal(out.t("导入", "import"))
            defer { bar?.finish() }
            let report = try RecordsService(store: global.openStore()).importPeople(
                flags.options(bar: bar), defaultKind: kind, context: global.context())
            bar?.finish()
            ImportReporting.show(report, entity: Message("人员", en: "people"), out)
        }
    }

    /// `gsl person list`.
    struct List: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "列出人员 list people",
            discussion: "例：gsl person list --chamber 宁波市青年商会")
        @OptionGroup var global: GlobalOptions
        @Option(help: "类型 kind") var kind: PersonKind?
        @Option(name: .customLong("org"), help: "所在单位 organisation") var organisation: String?
        @Option(help: "所属商会 chamber") var chamber: String?
        @Option(help: "姓名包含 name contains") var name: String?
        @Option(help: "最多条数 limit") var limit: Int = 50
        @Option(help: "跳过条数 offset") var offset: Int = 0
        @Flag(help: "全部列出 no limit") var all = false
        @Flag(help: "显示完整手机号 unmask") var unmask = false

        func execute(_ out: Output) throws(GSLError) {
            let page = try RecordsService(store: global.openStore()).personPage(
                PersonFilter(kind: kind, organisation: organisation, chamber: chamber, nameContains: name),
                limit: all ? nil : limit, offset: offset, unmask: unmask, context: global.context())
            out.listCut(page)
            if unmask { global.protectUnmaskedOutput() }
            out.table(
                PersonPresenter.columns(out), page.rows.map { PersonPresenter.row($0, out, unmask: unmask) })
        }
    }

    /// `gsl person show REF`.
    struct Show: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "查看人员 show a person (id or name)")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "编号或姓名 id or name") var ref: String
        @Flag(help: "显示完整证件号和手机号 unmask") var unmask = false

        func execute(_ out: Output) throws(GSLError) {
            let store = try global.openStore()
            let view = try RecordsService(store: store).person(ref, unmask: unmask, context: global.context())
            let surveys = try SurveyService(store: store).surveys(ofPerson: view.person.id)
            if unmask { global.protectUnmaskedOutput() }
            PersonPresenter.show(
                view.person, memberships: view.memberships, out, unmask: unmask, surveys: surveys,
                organisationName: view.organisationName)
        }
    }

    /// `gsl person edit REF`.
    struct Edit: GSLCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "修改人员 edit a person")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "编号或姓名 id or name") var ref: String
        @OptionGroup var fields: PersonFieldFlags
        @Option(name: .customLong("expect-version"), help: "期望的版本号 expected version") var expectVersion:
            Int64?

        func execute(_ out: Output) throws(GSLError) {
            guard !fields.given.isEmpty else {
                throw GSLError.usage("没有要修改的字段", en: "nothing to change: give at least one field option")
            }
            let person = try RecordsService(store: global.openStore()).editPerson(
                ref, changes: fields.given, expectedVersion: expectVersion, context: global.context())
            PersonPresenter.show(person, memberships: [], out, unmask: false)
        }
    }

    /// `gsl person export`.
    struct Export: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "导出人员 export people", discussion: "证件号、手机号默认打码，--unmask 导出原文。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "类型 kind") var kind: PersonKind?
        @Option(help: "所属商会 chamber") var chamber: String?
        @Flag(help: "导出完整证件号和手机号 unmask") var unmask = false

        func execute(_ out: Output) throws(GSLError) {
            let people = try RecordsService(store: global.openStore()).exportPeople(
                PersonFilter(kind: kind, chamber: chamber), unmask: unmask, context: global.context())
            if unmask { global.protectUnmaskedOutput() }
            out.stream(
                PersonPresenter.exportColumns(out),
                people.map { PersonPresenter.exportRow($0, unmask: unmask) })
        }
    }
}
