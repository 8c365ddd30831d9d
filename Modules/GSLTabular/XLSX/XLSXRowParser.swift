import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads `<row>` elements of a worksheet with Foundation's event-driven XMLParser (libxml2) into
/// the same values XMLCoder gives for the small parts: a worksheet's cells are most of a workbook,
/// and building XMLCoder's tree for them took seconds for a 3,000-answer export.
final class XLSXRowParser: NSObject, XMLParserDelegate {
    private(set) var rows: [XLSXParts.Worksheet.Row] = []
    private var rowNumber: Int?
    private var cells: [XLSXParts.Worksheet.Cell] = []
    private var cell: (r: String?, t: String?, s: Int?)?
    private var value: String?
    private var inline: String?
    private var text = ""
    private var collecting = false
    private var inPhonetic = false

    /// The rows of `data` (a piece of `<sheetData>`), or nil when it is not well-formed XML.
    static func rows(_ data: Data) -> [XLSXParts.Worksheet.Row]? {
        let parser = XMLParser(data: data)
        let delegate = XLSXRowParser()
        parser.delegate = delegate
        return parser.parse() ? delegate.rows : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) }
            cells = []
        case "c":
            cell = (attributes["r"], attributes["t"], attributes["s"].flatMap { Int($0) })
            value = nil
            inline = nil
        case "rPh": inPhonetic = true
        case "v", "t":
            if !inPhonetic {
                collecting = true
                text = ""
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch name {
        case "v":
            if collecting { value = text }
            collecting = false
        case "t":
            if collecting { inline = (inline ?? "") + text }
            collecting = false
        case "rPh": inPhonetic = false
        case "c":
            if let c = cell {
                cells.append(
                    XLSXParts.Worksheet.Cell(
                        r: c.r, t: c.t, s: c.s, v: value.map { XLSXParts.Text(value: $0) },
                        inline: inline.map { XLSXParts.StringItem(t: XLSXParts.Text(value: $0), r: nil) }))
            }
            cell = nil
        case "row":
            rows.append(XLSXParts.Worksheet.Row(r: rowNumber, c: cells))
        default: break
        }
    }
}

/// Reads `xl/sharedStrings.xml` the same way: each `<si>`'s text, the `<t>` of its runs joined,
/// phonetic runs (`<rPh>`) left out — what `XLSXParts.StringItem.text` gives, without building
/// XMLCoder's tree (a 3,262-answer export's shared strings took a sixth of its import there).
final class XLSXSharedStringsParser: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current: String?
    private var text = ""
    private var collecting = false
    private var inPhonetic = false

    /// The shared strings in `data`, or nil when it is not well-formed XML.
    static func strings(_ data: Data) -> [String]? {
        let parser = XMLParser(data: data)
        let delegate = XLSXSharedStringsParser()
        parser.delegate = delegate
        return parser.parse() ? delegate.strings : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t":
            if !inPhonetic {
                collecting = true
                text = ""
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch name {
        case "t":
            if collecting { current = (current ?? "") + text }
            collecting = false
        case "rPh": inPhonetic = false
        case "si":
            strings.append(current ?? "")
            current = nil
        default: break
        }
    }
}
