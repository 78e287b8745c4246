import Foundation
import ZIPFoundation

/// A report as an Excel workbook (.xlsx, Office Open XML SpreadsheetML): sheets "Summary"
/// (Chinese label, English key, value), "Trades", "Equity" and "Risk Events".
///
/// Written by hand rather than through a spreadsheet library: the package is the minimal set of
/// parts a reader requires (content types, package and workbook relationships, workbook, styles,
/// one part per sheet), zipped in memory with ZIPFoundation. The bytes depend only on the content:
/// every entry carries the same fixed modification time and the parts are added in a fixed order.
public struct XLSXWorkbook: Sendable {
    public var content: ReportContent

    public init(content: ReportContent) {
        self.content = content
    }

    /// The zip entries' modification time, 2000-01-01 00:00:00: fixed so that the same report
    /// gives the same bytes (ZIPFoundation converts it with gmtime, so the zone does not matter).
    static let entryDate = Date(timeIntervalSince1970: 946_684_800)

    var worksheets: [XLSXWorksheet] {
        [
            XLSXWorksheet(name: "Summary", header: ["项目", "key", "value"],
                          rows: content.summaryItems.map { [.text($0.label), .text($0.key), $0.value] }),
            XLSXWorksheet(name: "Trades", columns: ReportColumn.trades, rows: content.trades),
            XLSXWorksheet(name: "Equity", columns: ReportColumn.equity, rows: content.equityCurve),
            XLSXWorksheet(name: "Risk Events", columns: ReportColumn.riskEvents, rows: content.riskEvents),
        ]
    }

    /// The package's parts, path and bytes, in the order they are zipped (content types first, as
    /// the OPC convention has it).
    var parts: [(path: String, data: Data)] {
        let sheets = worksheets
        var parts: [(String, String)] = [
            ("[Content_Types].xml", Self.contentTypesXML(sheetCount: sheets.count)),
            ("_rels/.rels", Self.packageRelationshipsXML),
            ("xl/workbook.xml", Self.workbookXML(sheetNames: sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", Self.workbookRelationshipsXML(sheetCount: sheets.count)),
            ("xl/styles.xml", Self.stylesXML),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml))
        }
        return parts.map { ($0.0, Data($0.1.utf8)) }
    }

    /// The .xlsx file's bytes.
    public func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let bytes = part.data
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Self.entryDate, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw XLSXWorkbookError.archiveNotInMemory }
        return data
    }
}

/// ZIPFoundation returned no bytes for an archive created in memory (not expected to happen).
public enum XLSXWorkbookError: Error {
    case archiveNotInMemory
}
