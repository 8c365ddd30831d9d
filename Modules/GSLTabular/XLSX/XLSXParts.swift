import XMLCoder

/// The parts of an Office Open XML workbook that reading cells needs, as XMLCoder decodes them
/// (ECMA-376 Part 1, SpreadsheetML). Names follow the XML.
enum XLSXParts {
    /// `xl/workbook.xml`: the sheets in tab order and the date system.
    struct Workbook: Decodable {
        struct Properties: Decodable {
            let date1904: String?
        }
        struct Sheets: Decodable {
            let sheet: [Sheet]
        }
        struct Sheet: Decodable {
            let name: String
            let relationship: String

            enum CodingKeys: String, CodingKey {
                case name
                case relationship = "r:id"
            }
        }
        let workbookPr: Properties?
        let sheets: Sheets
    }

    /// `xl/_rels/workbook.xml.rels`: where each sheet's part is.
    struct Relationships: Decodable {
        struct Relationship: Decodable {
            let Id: String
            let Target: String
        }
        let Relationship: [Relationship]?
    }

    /// A text node that may carry attributes (`<t xml:space="preserve">`).
    struct Text: Decodable {
        let value: String?

        enum CodingKeys: String, CodingKey {
            case value = ""
        }
    }

    /// A run of rich text.
    struct Run: Decodable {
        let t: Text?
    }

    /// A string item: plain (`<t>`) or rich (`<r><t>…</t></r>…`); phonetic runs (`<rPh>`) are not text.
    struct StringItem: Decodable {
        let t: Text?
        let r: [Run]?

        /// The text as Excel shows it.
        var text: String {
            if let r { return r.map { $0.t?.value ?? "" }.joined() }
            return t?.value ?? ""
        }
    }

    /// `xl/styles.xml`: the number format of each cell style.
    struct Styles: Decodable {
        struct NumberFormats: Decodable {
            let numFmt: [NumberFormat]?
        }
        struct NumberFormat: Decodable {
            let numFmtId: Int
            let formatCode: String
        }
        struct CellFormats: Decodable {
            let xf: [CellFormat]?
        }
        struct CellFormat: Decodable {
            let numFmtId: Int?
        }
        let numFmts: NumberFormats?
        let cellXfs: CellFormats?
    }

    /// A worksheet's cells and merged ranges.
    struct Worksheet: Decodable {
        struct SheetData: Decodable {
            let row: [Row]?
        }
        struct Row: Decodable {
            let r: Int?
            let c: [Cell]?
        }
        struct Cell: Decodable {
            let r: String?
            let t: String?
            let s: Int?
            let v: Text?
            let inline: StringItem?

            enum CodingKeys: String, CodingKey {
                case r, t, s, v
                case inline = "is"
            }
        }
        struct MergeCells: Decodable {
            let mergeCell: [MergeCell]?
        }
        struct MergeCell: Decodable {
            let ref: String
        }
        let sheetData: SheetData
        let mergeCells: MergeCells?
    }

    /// A decoder that keeps text as written (leading and trailing spaces are data).
    static func decoder() -> XMLDecoder {
        let decoder = XMLDecoder(trimValueWhitespaces: false, removeWhitespaceElements: true)
        decoder.shouldProcessNamespaces = false
        return decoder
    }
}
