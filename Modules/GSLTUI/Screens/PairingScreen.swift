import GSLCore
import GSLPairing
import GSLPairingStore
import GSLTerminal

/// 结对: coverage of 商会联村 by county, then by town of a county, then the villages of a town
/// (`PairService.stats` and `villages`), for a year; a village's partners and 共富工坊 workshops.
final class PairingScreen: Screen {
    /// Where in the division tree the list is.
    enum Level: Equatable {
        case counties
        case towns(code: String, name: String)
        case villages(code: String, name: String, county: (code: String, name: String))

        static func == (a: Level, b: Level) -> Bool {
            switch (a, b) {
            case (.counties, .counties): true
            case (.towns(let x, _), .towns(let y, _)): x == y
            case (.villages(let x, _, _), .villages(let y, _, _)): x == y
            default: false
            }
        }
    }

    enum Pane { case list, partners, workshops }

    var level = Level.counties
    var year: Int?
    var rows: [PairingStatsRepository.StatsRow] = []
    var villages: [PairingStatsRepository.VillageRow] = []
    var partners: [PairingLedgerRepository.PairingRow] = []
    var workshops: [PairingLedgerRepository.WorkshopRow] = []
    var table = TableView(columns: [])
    var partnerTable = TableView(columns: [])
    var workshopTable = TableView(columns: [])
    var focus = Pane.list
    /// Rows read per list.
    static let limit = 500

    var title: String { "结对" }

    func period(_ app: App) -> Period { Period(kind: .year, containing: app.today).shifted(toYear: year) }

    func location(_ app: App) -> String {
        var path = ["\(period(app).year)"]
        switch level {
        case .counties: break
        case .towns(_, let name): path.append(name)
        case .villages(_, let name, let county): path += [county.name, name]
        }
        return path.joined(separator: " › ")
    }

    func statusKeys(_ app: App) -> String {
        app.t("Enter下钻 Esc上一级 [ ]年份", "Enter drill down Esc up [ ] year")
    }

    func keyHelp(_ app: App) -> [(String, String)] {
        [
            ("↑↓ j k", app.t("选择区县、乡镇或村", "choose a county, town or village")),
            (
                "Enter",
                app.t(
                    "区县 → 乡镇 → 村（村：其结对企业与共富工坊）", "county → towns → villages (a village: partners, workshops)")
            ),
            ("Esc", app.t("回到上一级", "up one level")),
            ("Tab", app.t("村一级：在列表、结对企业、工坊间切换", "village level: list / partners / workshops")),
            ("[  ]", app.t("上一年 / 下一年", "previous / next year")),
            ("r", app.t("刷新", "reload")),
        ]
    }

    // MARK: Data

    func reload(_ app: App) throws {
        let keep = table.selected
        let p = period(app)
        switch level {
        case .counties:
            rows = try app.pairs.stats(period: p, by: .county)
            villages = []
        case .towns(let code, _):
            rows = try app.pairs.stats(period: p, by: .town).filter { ($0.code ?? "").hasPrefix(code) }
            villages = []
        case .villages(let code, _, _):
            rows = []
            villages = try app.pairs.villages(town: code, period: p, limit: Self.limit)
        }
        if villages.isEmpty {
            table.setRows(
                rows.map { r in
                    [
                        r.name, String(r.firms), String(r.villages), "\(r.weakPaired)/\(r.weakVillages)",
                        String(r.workshops), String(r.jobs),
                        Money(fen: r.projectFen + r.charityFen).formatted(lang: app.lang),
                    ]
                })
        } else {
            table.setRows(
                villages.map { v in
                    [
                        v.name, String(v.partners),
                        v.weak.map { $0 ? app.t("是", "yes") : app.t("否", "no") } ?? "—",
                        String(v.workshops), String(v.jobs),
                        v.incomeFen.map { Money(fen: $0).formatted(lang: app.lang) } ?? "—",
                    ]
                },
                styles: villages.map { $0.partners == 0 ? ($0.weak == true ? .danger : .dim) : .normal })
        }
        table.selected = keep
        table.clamp()
        try loadVillage(app)
    }

    /// The partners and workshops of the selected village (village level only).
    func loadVillage(_ app: App) throws {
        guard case .villages = level, let i = table.selection, i < villages.count else {
            partners = []
            workshops = []
            return
        }
        let code = villages[i].code
        partners = try app.pairs.list(
            campaign: nil, organisation: nil, village: code, history: true, limit: Self.limit)
        workshops = try app.pairs.workshops(village: code, limit: Self.limit)
        // Cells are chosen by the width at drawing; the rows here set the count and the styles.
        partnerTable.setRows(
            partners.map { [$0.firm, $0.campaign, $0.start, $0.end ?? ""] },
            styles: partners.map { $0.end == nil ? .normal : .dim })
        workshopTable.setRows(
            workshops.map { [$0.name, $0.kind.chinese, $0.firm, String($0.jobs), $0.opened] })
    }

    // MARK: Keys

    func handle(_ key: Key, _ app: App) throws -> Bool {
        switch key {
        case .enter:
            guard focus == .list, let i = table.selection else { return true }
            switch level {
            case .counties:
                guard i < rows.count, let code = rows[i].code else { return true }
                level = .towns(code: code, name: rows[i].name)
            case .towns(let code, let name):
                guard i < rows.count, let town = rows[i].code else { return true }
                level = .villages(code: town, name: rows[i].name, county: (code, name))
            case .villages:
                focus = .partners
                return true
            }
            table.selected = 0
            try reload(app)
            return true
        case .escape:
            if focus != .list {
                focus = .list
                return true
            }
            switch level {
            case .counties: return false
            case .towns: level = .counties
            case .villages(_, _, let county): level = .towns(code: county.code, name: county.name)
            }
            table.selected = 0
            try reload(app)
            return true
        case .tab, .backTab:
            guard case .villages = level else { return false }
            focus = nextPane([.list, .partners, .workshops], after: focus, key)
            return true
        case .character("["), .character("]"):
            year = period(app).year + (key == .character("[") ? -1 : 1)
            try reload(app)
            return true
        case .character("r"):
            try app.reload(self)
            return true
        default:
            break
        }
        switch focus {
        case .partners: return partnerTable.handle(key)
        case .workshops: return workshopTable.handle(key)
        case .list:
            guard table.handle(key) else { return false }
            try loadVillage(app)
            return true
        }
    }

    // MARK: Drawing

    func draw(_ canvas: Canvas, _ app: App) {
        let full = Rect(row: 0, column: 0, height: canvas.height, width: canvas.width)
        let p = period(app)
        guard case .villages(_, let townName, _) = level else {
            let what: String
            switch level {
            case .towns(_, let name): what = app.t("\(name) · 按乡镇", "\(name) · by town")
            default: what = app.t("按区县", "by county")
            }
            let b = canvas.sub(full).box(
                title: app.t("结对覆盖 \(p.year) · ", "pairing coverage \(p.year) · ") + what, focused: true)
            if rows.isEmpty {
                b.text(
                    0, 0, app.t("\(p.year) 年没有结对记录（[ ] 换年份）", "no pairings in \(p.year) ([ ]: year)"), .dim)
                return
            }
            table.columns = [
                TableColumn(app.t("区划", "division")),
                TableColumn(app.t("企业", "firms"), width: 5, right: true),
                TableColumn(app.t("村", "vill."), width: 5, right: true),
                TableColumn(app.t("薄弱村", "weak"), width: 9, right: true),
                TableColumn(app.t("工坊", "shops"), width: 5, right: true),
                TableColumn(app.t("岗位", "jobs"), width: 6, right: true),
                TableColumn(app.t("投入", "invested"), width: 12, right: true),
            ]
            table.draw(b, focused: true)
            return
        }
        let (left, right) = full.splitColumns(canvas.width * 2 / 5)
        let l = canvas.sub(left).box(
            title: app.t("\(townName) · 村 \(villages.count)", "\(townName) · villages \(villages.count)"),
            focused: focus == .list)
        if villages.isEmpty {
            l.text(0, 0, app.t("没有村委会", "no villagers' committees"), .dim)
        } else {
            // Jobs and income where the pane is wide enough; the name keeps at least 14 columns.
            var columns = [
                TableColumn(app.t("村", "village")), TableColumn(app.t("结对", "firms"), width: 4, right: true),
                TableColumn(app.t("薄弱", "weak"), width: 4),
                TableColumn(app.t("工坊", "shops"), width: 4, right: true),
            ]
            if l.width >= 14 + 15 + 5 {
                columns.append(TableColumn(app.t("岗位", "jobs"), width: 4, right: true))
            }
            if l.width >= 14 + 20 + 13 {
                columns.append(TableColumn(app.t("集体收入", "income"), width: 12, right: true))
            }
            // Cells past the columns shown are not drawn.
            table.columns = columns
            table.draw(l, focused: focus == .list)
        }
        let (upper, lower) = right.splitRows(right.height / 2)
        let name = table.selection.flatMap { $0 < villages.count ? villages[$0].name : nil } ?? ""
        let u = canvas.sub(upper).box(
            title: app.t("\(name) · 结对企业 \(partners.count)", "\(name) · partners \(partners.count)"),
            focused: focus == .partners)
        if partners.isEmpty {
            u.text(0, 0, app.t("尚无结对企业", "no partner firm"), .dim)
        } else {
            // The campaign where the firm's name still gets 24 columns.
            var columns = [TableColumn(app.t("企业", "firm"))]
            let campaign = u.width >= 24 + 31
            if campaign { columns.append(TableColumn(app.t("活动", "campaign"), width: 8)) }
            columns += [TableColumn(app.t("起", "from"), width: 10), TableColumn(app.t("止", "to"), width: 10)]
            partnerTable.columns = columns
            partnerTable.rows = partners.map {
                [$0.firm] + (campaign ? [$0.campaign] : []) + [$0.start, $0.end ?? ""]
            }
            partnerTable.draw(u, focused: focus == .partners)
        }
        let w = canvas.sub(lower).box(
            title: app.t("共富工坊 \(workshops.count)", "workshops \(workshops.count)"),
            focused: focus == .workshops)
        if workshops.isEmpty {
            w.text(0, 0, app.t("尚无共富工坊", "no workshop"), .dim)
        } else {
            var columns = [TableColumn(app.t("工坊", "workshop"))]
            let kind = w.width >= 60
            if kind { columns.append(TableColumn(app.t("类型", "kind"), width: 8)) }
            workshopTable.rows = workshops.map {
                [$0.name] + (kind ? [$0.kind.chinese] : []) + [$0.firm, String($0.jobs), $0.opened]
            }
            columns += [
                TableColumn(app.t("企业", "firm")), TableColumn(app.t("岗位", "jobs"), width: 4, right: true),
                TableColumn(app.t("开办", "opened"), width: 10),
            ]
            workshopTable.columns = columns
            workshopTable.draw(w, focused: focus == .workshops)
        }
    }
}

extension Period {
    /// The year period of `year` when given, else this one.
    fileprivate func shifted(toYear year: Int?) -> Period {
        guard let year, let p = Period(kind: .year, year: year, index: 1) else { return self }
        return p
    }
}
