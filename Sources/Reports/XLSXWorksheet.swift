import HuiceCore

/// One sheet of the workbook: a bold header row that stays frozen while scrolling, typed rows,
/// and column widths sized to the content.
struct XLSXWorksheet {
    var name: String
    var header: [String]
    var rows: [[ReportValue]]

    init(name: String, header: [String], rows: [[ReportValue]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    init<Row>(name: String, columns: [ReportColumn<Row>], rows: [Row]) {
        let table = columns.table(of: rows)
        self.init(name: name, header: table.header, rows: table.rows)
    }

    /// `xl/worksheets/sheetN.xml`. Strings are inline (`t="inlineStr"`), which spares a shared
    /// strings part and keeps each sheet self-contained; numbers and dates are `<v>` numbers with a
    /// number format, so a spreadsheet can sum and chart them. An `.empty` value writes no cell.
    var xml: String {
        let columnCount = max(header.count, rows.map(\.count).max() ?? 0)
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        xml += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if columnCount > 0 {
            xml += #"<dimension ref="A1:\#(Self.columnName(columnCount - 1))\#(rows.count + 1)"/>"#
        }
        xml += #"<sheetViews><sheetView workbookViewId="0">"#
        xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if columnCount > 0 {
            xml += "<cols>"
            for (index, width) in columnWidths(count: columnCount).enumerated() {
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        xml += Self.rowXML(number: 1, cells: header.map { ($0.isEmpty ? .empty : .text($0), XLSXCellStyle.header) })
        for (index, row) in rows.enumerated() {
            xml += Self.rowXML(number: index + 2, cells: row.map { ($0, Self.style(of: $0)) })
        }
        xml += "</sheetData></worksheet>"
        return xml
    }

    static func rowXML(number: Int, cells: [(ReportValue, XLSXCellStyle)]) -> String {
        var xml = #"<row r="\#(number)">"#
        for (column, (value, style)) in cells.enumerated() {
            let reference = columnName(column) + String(number)
            let styleAttribute = style == .general ? "" : #" s="\#(style.rawValue)""#
            switch value {
            case .empty:
                continue
            case .text(let text):
                // xml:space keeps leading and trailing blanks, which XML would otherwise let a reader drop.
                xml += #"<c r="\#(reference)"\#(styleAttribute) t="inlineStr"><is><t xml:space="preserve">"#
                xml += XMLText.escaped(text) + "</t></is></c>"
            default:
                guard let number = numberText(of: value) else { continue }
                xml += #"<c r="\#(reference)"\#(styleAttribute)><v>\#(number)</v></c>"#
            }
        }
        return xml + "</row>"
    }

    /// The `<v>` text of a numeric value: money and prices from their fixed-point digits (exact),
    /// doubles in their shortest round-trip form, dates as serial numbers; nil for non-finite.
    static func numberText(of value: ReportValue) -> String? {
        switch value {
        case .empty, .text: nil
        case .integer(let value): String(value)
        case .money(let money): FixedPointParser.format(money.fen, scale: 2, minimumFractionDigits: 0)
        case .price(let price): FixedPointParser.format(price.units, scale: 4, minimumFractionDigits: 0)
        case .number(let value), .fraction(let value): value.isFinite ? String(describing: value) : nil
        case .date(let day): String(day.excelSerialNumber)
        }
    }

    static func style(of value: ReportValue) -> XLSXCellStyle {
        switch value {
        case .empty, .text, .integer: .general
        case .money: .money
        case .price: .fourDecimals
        case .number: .general
        case .fraction: .percent
        case .date: .date
        }
    }

    /// `A` … `Z`, `AA` … for a zero-based column index.
    static func columnName(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// Widths in character units: the widest of the header and the values as displayed (CJK
    /// characters count double, as they render about twice as wide), plus padding, within 8…60.
    func columnWidths(count: Int) -> [Int] {
        var widths = header.map(Self.displayWidth)
        widths += Array(repeating: 0, count: max(0, count - widths.count))
        for row in rows {
            for (column, value) in row.enumerated() {
                widths[column] = max(widths[column], Self.displayWidth(Self.displayText(of: value)))
            }
        }
        return widths.map { min(max($0 + 2, 8), 60) }
    }

    /// Roughly what the cell shows: a percentage has `%` and two decimals, a date ten characters.
    static func displayText(of value: ReportValue) -> String {
        switch value {
        case .fraction: "-100.00%"
        case .date: "yyyy-mm-dd"
        // General format shows about ten significant characters of a long double.
        case .number: String(value.csvText.prefix(11))
        default: value.csvText
        }
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }
}
