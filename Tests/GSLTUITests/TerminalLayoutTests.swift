import GSLCore
import GSLTerminal
import Testing

/// The terminal layer without a terminal: fitting by display width, tables and boxes drawn on a
/// grid of cells, the line editor with Chinese input.
@Suite struct TerminalLayoutTests {
    @Test func fitCutsWithAnEllipsisAndNeverSplitsAWideCharacter() {
        // 宁波甬联科技有限公司 is 20 columns; 7 columns hold 3 characters and the ellipsis.
        let cut = TextFit.fit("宁波甬联科技有限公司", 7)
        #expect(cut == "宁波甬…")
        #expect(DisplayWidth.of(cut) == 7)
        #expect(TextFit.fit("宁波甬联科技有限公司", 8) == "宁波甬… ")
        #expect(TextFit.fit("abc", 5, right: true) == "  abc")
        #expect(TextFit.fit("市金融办", 8) == "市金融办")
        // Control characters never move the cursor.
        #expect(TextFit.fit("a\tb\nc", 5) == "a b c")
        for width in 1...22 {
            #expect(DisplayWidth.of(TextFit.fit("宁波甬联科技有限公司 Ningbo", width)) == width)
        }
    }

    @Test func tableColumnsAndBordersAlignWithChinese() {
        let surface = TextSurface(rows: 8, columns: 40)
        let inside = Canvas(surface).box(title: "诉求队列", focused: true)
        var table = TableView(columns: [
            TableColumn("#", width: 4, right: true), TableColumn("状态", width: 6), TableColumn("标题"),
        ])
        table.setRows([
            ["1", "办理中", "企业融资难，续贷困难，请求协调银行续贷"], ["12", "received", "招工难"],
            ["123", "已答复", "Road repair 门前道路破损"],
        ])
        table.draw(inside, focused: true)
        let lines = (0..<8).map { surface.line($0) }
        // Every row is 40 columns and ends with the right border.
        for line in lines {
            #expect(DisplayWidth.of(line) == 40, "\(line)")
        }
        for line in lines[1..<7] { #expect(line.hasSuffix("│"), "\(line)") }
        #expect(lines[2].contains("企业融资难，续贷困难，请") && lines[2].contains("…"), "\(lines[2])")
        // The title column starts at the same display column on every row.
        let starts = lines[2...4].map { line -> Int in
            let prefix = line.prefix { !"企招R".contains($0) }
            return DisplayWidth.of(String(prefix))
        }
        #expect(Set(starts).count == 1, "\(starts)")
        #expect(lines[0].contains("诉求队列"))
    }

    @Test func lineEditorTakesChineseAndEdits() {
        var editor = LineEditor()
        for c in "市金融办" { #expect(editor.handle(.character(c)) == .editing) }
        _ = editor.handle(.backspace)
        _ = editor.handle(.left)
        _ = editor.handle(.character("X"))
        #expect(editor.text == "市金X融")
        #expect(editor.handle(.enter) == .submitted)
        let surface = TextSurface(rows: 1, columns: 12)
        editor.draw(Canvas(surface), row: 0, prompt: "部门：")
        #expect(surface.line(0).hasPrefix("部门：市金X"), "\(surface.line(0))")
    }

    @Test func whiskerMarksTheIntervalAndTheMedian() {
        let w = Gauge.whisker(low: 2, mid: 3, high: 5, count: 9, width: 9)
        #expect(w == " ├●─┤    ")
        #expect(Gauge.bar(0.5, width: 4) == "██  ")
    }

    @Test func treeLayoutDrawsGuides() {
        let children = ["root": ["a", "b"], "a": ["a1"]]
        let lines = TreeLayout.lines(root: "root", children: { children[$0] ?? [] }, label: { $0 })
        #expect(lines.map(\.text) == ["root", "├─a", "│ └─a1", "└─b"])
    }
}
