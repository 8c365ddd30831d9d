/// What a piece of text means on screen; the palette turns it into colour or, without colour
/// (monochrome terminal or `NO_COLOR`), into bold, reverse and underline.
public enum Style: Int, Sendable, CaseIterable {
    case normal
    /// Column headings, titles.
    case heading
    /// The selected row of the focused pane.
    case selected
    /// The selected row of a pane without focus.
    case selectedInactive
    /// Secondary text.
    case dim
    /// Figures and highlights.
    case accent
    /// Due soon.
    case warning
    /// Overdue, errors.
    case danger
    /// Success.
    case good
    /// The status line and the tab bar.
    case bar
    /// The current tab.
    case barActive
    /// Pane borders.
    case border
    /// Pane borders of the focused pane.
    case borderFocused
}
