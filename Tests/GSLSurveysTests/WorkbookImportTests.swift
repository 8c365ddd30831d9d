import Foundation
import GRDB
import GSLCore
import GSLStore
import GSLTabular
import GSLTestSupport
import Testing

/// The organisation importer reads a workbook (second sheet, header on row 1, a merged note) as it
/// reads CSV: the .xlsx branch sits where GSLTabular reads files, under every importer.
@Suite struct WorkbookImportTests {
    @Test func organisationsFromANamedSheetOfAWorkbook() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("会员名录.xlsx").path
        let book = XLSXWriter(sheets: [
            XLSXWriter.Sheet(name: "说明", rows: [[.text("本表由工商联导出")]]),
            XLSXWriter.Sheet(
                name: "名录",
                rows: [
                    [.text("企业名称"), .text("统一社会信用代码"), .text("员工人数")],
                    [.text("宁波甬联科技有限公司"), .text("91330200711192037M"), .number("120")],
                    [.text("宁波天一模具有限公司"), .text("91330200704800698F"), .number("35")],
                ], merged: ["C2:C3"]),
        ])
        try book.data().write(to: URL(fileURLWithPath: path))
        let store = try Store(inMemory: Store.coreMigrations)
        var options = ImportOptions(path: path)
        options.sheet = "名录"
        let report = try RecordsService(store: store).importOrganisations(
            options, defaultKind: .enterprise,
            context: MutationContext(actor: "t", command: "t", at: "2026-12-03T00:00:00Z"))
        #expect(report.inserted == 2)
        #expect(report.notices.contains { $0.zh.contains("C2:C3") })
        let names = try store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM organisations ORDER BY id")
        }
        #expect(names == ["宁波甬联科技有限公司", "宁波天一模具有限公司"])
    }
}
