/// The cell formats of the workbook, by their index in `xl/styles.xml`'s `cellXfs` (the `s`
/// attribute of a cell). `XLSXWorkbook.stylesXML` writes the list in this order.
enum XLSXCellStyle: Int, CaseIterable {
    case general = 0
    /// Bold: header rows.
    case header = 1
    /// `0.00`: yuan.
    case money = 2
    /// `0.0000`: prices (and plain ratios such as Sharpe, which read better at four places).
    case fourDecimals = 3
    /// `0.00%`: returns, drawdowns, rates.
    case percent = 4
    /// `yyyy-mm-dd`: dates stored as serial numbers.
    case date = 5

    /// Custom number formats get ids from 164 (0–163 are Excel's built-ins).
    static let fourDecimalsFormatID = 164
    static let dateFormatID = 165

    /// The `numFmtId` of the style: built-in 2 (`0.00`) and 10 (`0.00%`), the custom ones above.
    var numberFormatID: Int {
        switch self {
        case .general, .header: 0
        case .money: 2
        case .fourDecimals: Self.fourDecimalsFormatID
        case .percent: 10
        case .date: Self.dateFormatID
        }
    }
}
