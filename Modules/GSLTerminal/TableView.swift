/// A column of a table view: a fixed width, or a share of what the fixed columns leave.
public struct TableColumn: Sendable {
    /// Heading.
    public var title: String
    /// Fixed width in columns; nil: flexible.
    public var width: Int?
    /// Right-aligned (figures).
    public var right: Bool

    /// A column.
    public init(_ title: String, width: Int? = nil, right: Bool = false) {
        self.title = title
        self.width = width
        self.right = right
    }
}

/// A scrolling table with a selected row (a list is a table of one column): keys move the
/// selection (arrows, hjkl, PgUp/PgDn, g/G), and columns align by display width.
public struct TableView: Sendable {
    /// Columns.
    public var columns: [TableColumn]
    /// Rows of cell texts.
    public var rows: [[String]] = []
    /// Per-row style (default normal).
    public var styles: [Style] = []
    /// The selected row.
    public var selected = 0
    /// The first row shown.
    public var offset = 0
    /// Rows visible at the last draw (for paging).
    public private(set) var visibleRows = 10
    /// Whether to draw the heading row.
    public var showsHeading = true

    /// A table with these columns.
    public init(columns: [TableColumn]) {
        self.columns = columns
    }

    /// Replaces the rows, keeping the selection in range.
    public mutating func setRows(_ rows: [[String]], styles: [Style] = []) {
        self.rows = rows
        self.styles = styles
        clamp()
    }

    /// The selected row's index, nil when the table is empty.
    public var selection: Int? { rows.isEmpty ? nil : selected }

    /// Moves the selection for a movement key; returns whether the key was one.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case _ where key.isUp: selected -= 1
        case _ where key.isDown: selected += 1
        case .pageUp, .control("b"), .control("u"): selected -= max(1, visibleRows - 1)
        case .pageDown, .control("f"), .control("d"), .character(" "): selected += max(1, visibleRows - 1)
        case .home, .character("g"): selected = 0
        case .end, .character("G"): selected = rows.count - 1
        default: return false
        }
        clamp()
        return true
    }

    /// Keeps the selection and offset valid.
    public mutating func clamp() {
        selected = max(0, min(selected, rows.count - 1))
        if selected < offset { offset = selected }
        if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        offset = max(0, min(offset, max(0, rows.count - visibleRows)))
    }

    /// Whether the selection is within `margin` rows of the end (time to load the next page).
    public func nearEnd(margin: Int) -> Bool { selected >= rows.count - 1 - margin }

    /// The columns' widths for `total` columns of room (one space between columns).
    public func widths(_ total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.compactMap(\.width).reduce(0, +)
        let flexible = columns.filter { $0.width == nil }.count
        let left = max(0, total - gaps - fixed)
        var widths = columns.map { $0.width ?? 0 }
        if flexible > 0 {
            var share = left / flexible
            var extra = left - share * flexible
            for i in columns.indices where columns[i].width == nil {
                widths[i] = share + (extra > 0 ? 1 : 0)
                if extra > 0 { extra -= 1 }
            }
            share = 0
        }
        return widths
    }

    /// Draws the table on `canvas`.
    public mutating func draw(_ canvas: Canvas, focused: Bool) {
        let heading = showsHeading ? 1 : 0
        visibleRows = max(1, canvas.height - heading)
        clamp()
        let widths = widths(canvas.width)
        func line(_ row: Int, _ cells: [String], _ style: Style) {
            var x = 0
            var text = ""
            for (i, w) in widths.enumerated() {
                guard w > 0 else { continue }
                if x > 0 { text += " " }
                text += TextFit.fit(i < cells.count ? cells[i] : "", w, right: columns[i].right)
                x += w + 1
            }
            canvas.text(row, 0, text, style, width: canvas.width)
        }
        if showsHeading { line(0, columns.map(\.title), .heading) }
        guard !rows.isEmpty else { return }
        for r in 0..<visibleRows {
            let i = offset + r
            guard i < rows.count else { break }
            var style = i < styles.count ? styles[i] : .normal
            if i == selected { style = focused ? .selected : .selectedInactive }
            line(heading + r, rows[i], style)
        }
    }
}

/// Text bars: a score as a bar, a rank interval as a whisker.
public enum Gauge {
    /// A bar of `fraction` (0…1) of `width` columns.
    public static func bar(_ fraction: Double, width: Int) -> String {
        guard width > 0, fraction.isFinite else { return "" }
        let n = Int((min(1, max(0, fraction)) * Double(width)).rounded())
        return String(repeating: "█", count: n) + String(repeating: " ", count: width - n)
    }

    /// A whisker on a scale `1…count` in `width` columns: `─` from `low` to `high`, `●` at `mid`
    /// (ranks: 1 at the left).
    public static func whisker(low: Double, mid: Double, high: Double, count: Int, width: Int) -> String {
        guard width > 0, count > 0 else { return "" }
        func col(_ x: Double) -> Int {
            guard count > 1, x.isFinite else { return 0 }
            return min(width - 1, max(0, Int(((x - 1) / Double(count - 1) * Double(width - 1)).rounded())))
        }
        var cells = Array(repeating: Character(" "), count: width)
        let a = col(low), b = col(high)
        for i in min(a, b)...max(a, b) { cells[i] = "─" }
        cells[a] = "├"
        cells[b] = "┤"
        cells[col(mid)] = "●"
        return String(cells)
    }
}

/// A tree laid out as lines with guides (`├─`, `└─`, `│ `), depth first, children in order.
public enum TreeLayout {
    /// One line of the tree.
    public struct Line: Sendable {
        /// The node's key.
        public var key: String
        /// Depth (root 0).
        public var depth: Int
        /// Guide prefix followed by the label.
        public var text: String
    }

    /// Lines for the tree under `root`, with `children(key)` and `label(key)`.
    public static func lines(root: String, children: (String) -> [String], label: (String) -> String)
        -> [Line]
    {
        var out: [Line] = [Line(key: root, depth: 0, text: label(root))]
        func walk(_ key: String, _ prefix: String, _ depth: Int) {
            let kids = children(key)
            for (i, kid) in kids.enumerated() {
                let last = i == kids.count - 1
                out.append(Line(key: kid, depth: depth, text: prefix + (last ? "└─" : "├─") + label(kid)))
                walk(kid, prefix + (last ? "  " : "│ "), depth + 1)
            }
        }
        walk(root, "", 1)
        return out
    }
}
