import GSLCore

/// Where cells are drawn: the terminal, or a grid of text in tests.
public protocol Surface: AnyObject {
    /// Rows and columns.
    var size: (rows: Int, columns: Int) { get }
    /// Draws `text` (already fitted: no control characters) from (row, column) in `style`.
    func put(_ row: Int, _ column: Int, _ text: String, _ style: Style)
}

/// A surface in memory: rows of cells, for tests of layout and drawing without a terminal. A wide
/// character fills its cell and the next (which holds an empty string).
public final class TextSurface: Surface {
    /// Rows and columns.
    public var size: (rows: Int, columns: Int)
    /// Cells: one string each ("" behind a wide character).
    public private(set) var cells: [[String]]

    /// An empty surface.
    public init(rows: Int, columns: Int) {
        size = (rows, columns)
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    public func put(_ row: Int, _ column: Int, _ text: String, _ style: Style) {
        guard row >= 0, row < size.rows else { return }
        var c = column
        for ch in text {
            let w = DisplayWidth.of(ch)
            guard c >= 0, c + w <= size.columns else { break }
            cells[row][c] = String(ch)
            if w == 2 { cells[row][c + 1] = "" }
            c += w
        }
    }

    /// Row `i` as text.
    public func line(_ i: Int) -> String { cells[i].joined() }

    /// Every row as text.
    public var text: String { (0..<size.rows).map(line).joined(separator: "\n") }
}

/// Drawing on a surface inside a rectangle: text is fitted by display width and clipped to it.
public struct Canvas {
    /// The surface.
    public let surface: any Surface
    /// The area drawn in.
    public let bounds: Rect

    /// A canvas over `bounds` of `surface`.
    public init(_ surface: any Surface, bounds: Rect) {
        self.surface = surface
        self.bounds = bounds
    }

    /// A canvas over the whole surface.
    public init(_ surface: any Surface) {
        let s = surface.size
        self.init(surface, bounds: Rect(row: 0, column: 0, height: s.rows, width: s.columns))
    }

    /// A canvas over `rect`, relative to this one, clipped to it.
    public func sub(_ rect: Rect) -> Canvas {
        let top = bounds.row + max(0, rect.row), left = bounds.column + max(0, rect.column)
        let h = min(rect.height, bounds.row + bounds.height - top)
        let w = min(rect.width, bounds.column + bounds.width - left)
        return Canvas(surface, bounds: Rect(row: top, column: left, height: h, width: w))
    }

    /// Rows.
    public var height: Int { bounds.height }
    /// Columns.
    public var width: Int { bounds.width }

    /// `text` at (row, column) relative to the canvas, cut to the canvas (or to `width` columns
    /// and padded to it when given).
    public func text(
        _ row: Int, _ column: Int, _ text: String, _ style: Style = .normal, width: Int? = nil,
        right: Bool = false
    ) {
        guard row >= 0, row < bounds.height, column >= 0, column < bounds.width else { return }
        let room = bounds.width - column
        let fitted: String
        if let width {
            fitted = TextFit.fit(text, min(width, room), right: right)
        } else {
            fitted = TextFit.clip(text, room)
        }
        guard !fitted.isEmpty else { return }
        surface.put(bounds.row + row, bounds.column + column, fitted, style)
    }

    /// Fills the canvas with spaces in `style`.
    public func fill(_ style: Style = .normal) {
        let blank = String(repeating: " ", count: bounds.width)
        for r in 0..<bounds.height { surface.put(bounds.row + r, bounds.column, blank, style) }
    }

    /// A border around the canvas with `title` in its top edge; returns the inside.
    @discardableResult
    public func box(title: String = "", focused: Bool = false) -> Canvas {
        guard bounds.height >= 2, bounds.width >= 2 else {
            return sub(Rect(row: 0, column: 0, height: 0, width: 0))
        }
        let style: Style = focused ? .borderFocused : .border
        let inner = bounds.width - 2
        surface.put(bounds.row, bounds.column, "┌" + String(repeating: "─", count: inner) + "┐", style)
        for r in 1..<(bounds.height - 1) {
            surface.put(bounds.row + r, bounds.column, "│", style)
            surface.put(bounds.row + r, bounds.column + bounds.width - 1, "│", style)
        }
        surface.put(
            bounds.row + bounds.height - 1, bounds.column, "└" + String(repeating: "─", count: inner) + "┘",
            style)
        if !title.isEmpty, inner > 4 {
            text(0, 2, " " + TextFit.clip(title, inner - 4) + " ", focused ? .heading : .border)
        }
        return sub(Rect(row: 1, column: 1, height: bounds.height - 2, width: bounds.width - 2))
    }
}
