// The fixed XML parts of the package. Namespaces and content types are those of ECMA-376
// (transitional), which every reader (Excel, LibreOffice, openpyxl) accepts.

extension XLSXWorkbook {
    static let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypesXML(sheetCount: Int) -> String {
        var xml = xmlDeclaration
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" "#
        xml += #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for index in stride(from: 1, through: sheetCount, by: 1) {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" "#
            xml += #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" "#
        xml += #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        return xml + "</Types>"
    }

    static var packageRelationshipsXML: String {
        xmlDeclaration
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(relationshipType)/officeDocument" Target="xl/workbook.xml"/>"#
            + "</Relationships>"
    }

    /// Sheets are `rId1`…`rIdN` in order; styles take the next id.
    static func workbookXML(sheetNames: [String]) -> String {
        var xml = xmlDeclaration
        xml += #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipsNamespace)">"#
        xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, name) in sheetNames.enumerated() {
            xml += #"<sheet name="\#(XMLText.escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationshipsXML(sheetCount: Int) -> String {
        var xml = xmlDeclaration
        xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in stride(from: 1, through: sheetCount, by: 1) {
            xml += #"<Relationship Id="rId\#(index)" Type="\#(relationshipType)/worksheet" "#
            xml += #"Target="worksheets/sheet\#(index).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipType)/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    /// Two fonts (regular, bold), the two fills and one border every styles part must have, and one
    /// cell format per `XLSXCellStyle`, in its index order.
    static var stylesXML: String {
        var xml = xmlDeclaration
        xml += #"<styleSheet xmlns="\#(mainNamespace)">"#
        xml += #"<numFmts count="2">"#
        xml += #"<numFmt numFmtId="\#(XLSXCellStyle.fourDecimalsFormatID)" formatCode="0.0000"/>"#
        xml += #"<numFmt numFmtId="\#(XLSXCellStyle.dateFormatID)" formatCode="yyyy\-mm\-dd"/>"#
        xml += "</numFmts>"
        xml += #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        xml += #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        xml += #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
        xml += #"<fill><patternFill patternType="gray125"/></fill></fills>"#
        xml += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        xml += #"<cellXfs count="\#(XLSXCellStyle.allCases.count)">"#
        for style in XLSXCellStyle.allCases {
            let font = style == .header ? #" fontId="1" applyFont="1""# : #" fontId="0""#
            let format = style.numberFormatID == 0 ? "" : #" applyNumberFormat="1""#
            xml += #"<xf numFmtId="\#(style.numberFormatID)"\#(font) fillId="0" borderId="0" xfId="0"\#(format)/>"#
        }
        xml += "</cellXfs>"
        xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        return xml + "</styleSheet>"
    }
}
