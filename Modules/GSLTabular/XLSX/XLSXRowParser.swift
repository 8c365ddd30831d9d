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
    private var text = XLSXTextCollector(elements: ["v", "t"])

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
        default: text.start(name)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text.characters(string) }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        if let t = text.end(name) {
            if name == "v" { value = t } else { inline = (inline ?? "") + t }
            return
        }
        switch name {
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
    private var text = XLSXTextCollector(elements: ["t"])

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
        if name == "si" { current = "" } else { text.start(name) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text.characters(string) }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        if let t = text.end(name) {
            current = (current ?? "") + t
            return
        }
        switch name {
        case "si":
            strings.append(current ?? "")
            current = nil
        default: break
        }
    }
}

/// The text of the value elements (`<v>`, `<t>`) both parsers read, phonetic runs (`<rPh>`) left out.
struct XLSXTextCollector {
    let elements: Set<String>
    private var text = ""
    private var collecting = false
    private var inPhonetic = false

    init(elements: Set<String>) { self.elements = elements }

    /// An element starts.
    mutating func start(_ name: String) {
        if name == "rPh" {
            inPhonetic = true
        } else if elements.contains(name), !inPhonetic {
            collecting = true
            text = ""
        }
    }

    /// Characters inside the current element.
    mutating func characters(_ string: String) {
        if collecting { text += string }
    }

    /// An element ends: the text of a value element just closed, else nil.
    mutating func end(_ name: String) -> String? {
        if name == "rPh" {
            inPhonetic = false
            return nil
        }
        guard elements.contains(name) else { return nil }
        defer { collecting = false }
        return collecting ? text : nil
    }
}
