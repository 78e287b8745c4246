import HuiceCore

/// Days on which a stock was suspended (停牌), from a suspension list (Tushare `suspend_d`).
///
/// A bar that a vendor wrote for a suspended day (often with zero volume) does not trade: the
/// engine treats the stock as having no bar that day.
public struct SuspensionTable: Sendable, Equatable {
    private var days: [StockCode: Set<TradingDay>] = [:]

    public init() {}

    public var isEmpty: Bool { days.isEmpty }
    public var count: Int { days.values.reduce(0) { $0 + $1.count } }
    public var codes: [StockCode] { days.keys.sorted() }

    public mutating func add(_ code: StockCode, _ day: TradingDay) { days[code, default: []].insert(day) }

    public func isSuspended(_ code: StockCode, on day: TradingDay) -> Bool { days[code]?.contains(day) ?? false }

    public func days(for code: StockCode) -> [TradingDay] { (days[code] ?? []).sorted() }

    public mutating func merge(_ other: SuspensionTable) {
        for (code, set) in other.days { days[code, default: []].formUnion(set) }
    }
}
