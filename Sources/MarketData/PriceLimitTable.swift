import HuiceCore

/// Price limits given by the data (a limit list), which take precedence over computed limits.
///
/// Two sources feed it: Tushare `stk_limit` rows give both prices for a day; `limit_list` rows
/// (`limit` = U/D) say the stock closed at its up (down) limit, so that side's price is the close.
public struct PriceLimitTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable, Codable {
        public var up: Price?
        public var down: Price?

        public init(up: Price? = nil, down: Price? = nil) {
            self.up = up
            self.down = down
        }
    }

    private var entries: [StockCode: [TradingDay: Entry]] = [:]

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.values.reduce(0) { $0 + $1.count } }
    public var codes: [StockCode] { entries.keys.sorted() }

    /// Sets the given sides for `code` on `day`, keeping a side already known when not given.
    public mutating func set(_ code: StockCode, _ day: TradingDay, up: Price? = nil, down: Price? = nil) {
        var entry = entries[code, default: [:]][day] ?? Entry()
        if let up { entry.up = up }
        if let down { entry.down = down }
        entries[code, default: [:]][day] = entry
    }

    public func entry(_ code: StockCode, _ day: TradingDay) -> Entry? { entries[code]?[day] }

    /// All entries of one stock, ascending by day.
    public func entries(for code: StockCode) -> [(day: TradingDay, entry: Entry)] {
        (entries[code] ?? [:]).sorted { $0.key < $1.key }.map { (day: $0.key, entry: $0.value) }
    }

    /// Adds every entry of `other`, its sides winning over ours.
    public mutating func merge(_ other: PriceLimitTable) {
        for (code, days) in other.entries {
            for (day, entry) in days { set(code, day, up: entry.up, down: entry.down) }
        }
    }
}
