import Foundation
import HuiceCore
@testable import Reports
import Testing
import ZIPFoundation

struct XLSXWorkbookTests {
    /// The parts of the produced bytes, read back with ZIPFoundation.
    static func parts(of data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    static func sheet(_ number: Int) throws -> SheetCells {
        let parts = try parts(of: XLSXWorkbook(content: ReportFixtures.content).data())
        return try SheetCells(xml: #require(parts["xl/worksheets/sheet\(number).xml"]))
    }

    @Test func excelSerialNumbersCountDaysFrom18991230() {
        // 2024 − 1900 = 124 years with 31 leap days (1904…2020) after 1900-01-01 = serial 2 (Excel
        // counts the fictitious 1900-02-29, so serial 1 is 1899-12-31): 124 × 365 + 31 + 2 = 45292
        // for 2024-01-01, so 2024-01-02 is 45293.
        #expect(ReportFixtures.day(20240102).excelSerialNumber == 45293)
        #expect(ReportFixtures.day(19700101).excelSerialNumber == 25569)
        #expect(ReportFixtures.day(19000301).excelSerialNumber == 61)
    }

    @Test func packageHoldsTheMinimalParts() throws {
        let data = try XLSXWorkbook(content: ReportFixtures.content).data()
        #expect(Array(data.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        #expect(try Set(Self.parts(of: data).keys) == [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
            "xl/worksheets/sheet4.xml",
        ])
    }

    @Test func everyPartIsWellFormedXML() throws {
        for (path, bytes) in try Self.parts(of: XLSXWorkbook(content: ReportFixtures.content).data()) {
            #expect(throws: Never.self, "\(path)") { _ = try SheetCells(xml: bytes) }
        }
    }

    @Test func workbookNamesTheSheetsInOrder() throws {
        let parts = try Self.parts(of: XLSXWorkbook(content: ReportFixtures.content).data())
        let workbook = try #require(parts["xl/workbook.xml"].map { String(decoding: $0, as: UTF8.self) })
        #expect(workbook.contains(#"<sheet name="Summary" sheetId="1" r:id="rId1"/><sheet name="Trades" sheetId="2" r:id="rId2"/><sheet name="Equity" sheetId="3" r:id="rId3"/><sheet name="Risk Events" sheetId="4" r:id="rId4"/>"#))
    }

    @Test func stylesDeclareTheNumberFormats() throws {
        let styles = XLSXWorkbook.stylesXML
        #expect(styles.contains(#"<numFmt numFmtId="164" formatCode="0.0000"/>"#))
        #expect(styles.contains(#"<numFmt numFmtId="165" formatCode="yyyy\-mm\-dd"/>"#))
        // cellXfs in XLSXCellStyle order: general, header (bold), money 0.00 (built-in 2),
        // four decimals, percent 0.00% (built-in 10), date.
        #expect(styles.contains(#"<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" applyFont="1" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#))
    }

    @Test func moneyCellIsANumberWithTheMoneyStyle() throws {
        // Summary row 5 is final_value (after the header, title, start_date, initial_cash): 1,234.50.
        let cell = try #require(try Self.sheet(1)["C5"])
        #expect(cell.type == nil)
        #expect(cell.style == XLSXCellStyle.money.rawValue)
        #expect(Double(cell.content) == 1234.5)
        // Trades K2: the buy's amount 10,010.00.
        let amount = try #require(try Self.sheet(2)["K2"])
        #expect(amount.type == nil && amount.style == 2 && Double(amount.content) == 10010)
    }

    @Test func dateCellIsASerialNumberWithTheDateStyle() throws {
        let signalDate = try #require(try Self.sheet(2)["B2"])
        #expect(signalDate == SheetCells.Cell(type: nil, style: XLSXCellStyle.date.rawValue, content: "45293"))
    }

    @Test func priceAndPercentCellsCarryTheirStyles() throws {
        let trades = try Self.sheet(2)
        #expect(trades["I2"] == SheetCells.Cell(type: nil, style: 3, content: "10.01"))
        #expect(trades["T3"] == SheetCells.Cell(type: nil, style: 4, content: "0.0474"))
        // A buy's pnl is undefined: no cell.
        #expect(trades["S2"] == nil)
        #expect(trades["E2"] == SheetCells.Cell(type: "inlineStr", style: nil, content: "浦发银行"))
    }

    @Test func headerRowIsBoldAndFrozen() throws {
        let parts = try Self.parts(of: XLSXWorkbook(content: ReportFixtures.content).data())
        let sheet = try #require(parts["xl/worksheets/sheet3.xml"].map { String(decoding: $0, as: UTF8.self) })
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<col min="1" max="1" width="12" customWidth="1"/>"#))
        #expect(try Self.sheet(3)["A1"] == SheetCells.Cell(type: "inlineStr", style: 1, content: "trade_date"))
    }

    @Test func summaryHasChineseLabelsEnglishKeysAndTypedValues() throws {
        let summary = try Self.sheet(1)
        #expect(summary["A1"]?.content == "项目")
        #expect(summary["B6"]?.content == "total_return")
        #expect(summary["A6"]?.content == "总收益率")
        #expect(summary["C6"] == SheetCells.Cell(type: nil, style: 4, content: "0.0046"))
        // An undefined metric (annual_return) is a blank value.
        #expect(summary["B7"]?.content == "annual_return")
        #expect(summary["C7"] == nil)
    }

    @Test func specialCharactersAreEscapedAndControlCharactersDropped() throws {
        var content = ReportFixtures.content
        content.trades[0].stockName = "A<&>\"'\u{01}B"
        let parts = try Self.parts(of: XLSXWorkbook(content: content).data())
        let xml = try #require(parts["xl/worksheets/sheet2.xml"].map { String(decoding: $0, as: UTF8.self) })
        #expect(xml.contains("A&lt;&amp;&gt;&quot;&#39;B"))
        #expect(try SheetCells(xml: #require(parts["xl/worksheets/sheet2.xml"]))["E2"]?.content == "A<&>\"'B")
        #expect(try SheetCells(xml: #require(parts["xl/worksheets/sheet1.xml"]))["C2"]?.content
                == "浦发银行 <signals> & more")
    }

    @Test func sameContentGivesTheSameBytes() throws {
        let first = try XLSXWorkbook(content: ReportFixtures.content).data()
        let second = try XLSXWorkbook(content: ReportFixtures.content).data()
        #expect(first == second)
    }

    @Test func columnNamesRunPastZ() {
        #expect(XLSXWorksheet.columnName(0) == "A")
        #expect(XLSXWorksheet.columnName(25) == "Z")
        #expect(XLSXWorksheet.columnName(26) == "AA")
        #expect(XLSXWorksheet.columnName(33) == "AH")
    }
}
