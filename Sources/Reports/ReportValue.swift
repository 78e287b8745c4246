import HuiceCore

/// One typed value of a report row: what a CSV writes as text and a workbook as a typed cell.
///
/// The kind is kept (not pre-formatted text) so that the workbook can write numbers as numbers
/// with the right number format, and the CSV can write money and prices exactly from fixed point.
public enum ReportValue: Sendable, Equatable {
    /// An absent or undefined value (JSON `null`): an empty CSV field, no workbook cell.
    case empty
    case text(String)
    case integer(Int)
    /// Yuan, exact to the fen.
    case money(Money)
    /// Yuan, exact to 0.0001.
    case price(Price)
    /// A plain number (a score, a ratio such as Sharpe).
    case number(Double)
    /// A ratio shown as a percentage in the workbook (0.12 = 12.00%); the CSV keeps the ratio.
    case fraction(Double)
    case date(TradingDay)

    /// The CSV text: money with two decimals and prices with four (the fixed-point values, never a
    /// rounded Double), doubles in Swift's shortest round-trip form, dates as `YYYY-MM-DD` (which
    /// spreadsheets read as dates, unlike the JSON's `YYYYMMDD`), non-finite numbers empty.
    public var csvText: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .integer(let value): String(value)
        case .money(let money): FixedPointParser.format(money.fen, scale: 2, minimumFractionDigits: 2)
        case .price(let price): FixedPointParser.format(price.units, scale: 4, minimumFractionDigits: 4)
        case .number(let value), .fraction(let value): value.isFinite ? String(describing: value) : ""
        case .date(let day): day.isoString
        }
    }
}

extension ReportValue {
    /// `.money`, or `.empty` for nil.
    static func money(_ value: Money?) -> ReportValue { value.map { .money($0) } ?? .empty }
    /// `.number`, or `.empty` for nil and non-finite values.
    static func number(_ value: Double?) -> ReportValue {
        guard let value, value.isFinite else { return .empty }
        return .number(value)
    }
    /// `.fraction`, or `.empty` for nil and non-finite values.
    static func fraction(_ value: Double?) -> ReportValue {
        guard let value, value.isFinite else { return .empty }
        return .fraction(value)
    }
    static func integer(_ value: Int?) -> ReportValue { value.map { .integer($0) } ?? .empty }
    static func text(_ value: String?) -> ReportValue { value.map { .text($0) } ?? .empty }
    static func date(_ value: TradingDay?) -> ReportValue { value.map { .date($0) } ?? .empty }
}
