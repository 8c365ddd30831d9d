/// Output options: Excel-friendly CSV and the table cell width limit.
public struct RenderOptions: Sendable {
    /// Start CSV output with a UTF-8 byte-order mark (so Excel reads Chinese correctly).
    public var bom = false
    /// End CSV lines with CR LF instead of LF.
    public var crlf = false
    /// The widest a table cell may be, in display columns (longer cells end in `…`); nil for no limit.
    public var maxColumnWidth: Int? = 60

    /// The defaults: no BOM, LF, cells up to 60 columns.
    public init() {}

    /// CSV for Excel: BOM and CR LF.
    public static var excel: RenderOptions {
        var options = RenderOptions()
        options.bom = true
        options.crlf = true
        return options
    }
}
