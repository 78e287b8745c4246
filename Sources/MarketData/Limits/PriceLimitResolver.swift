import HuiceCore

/// The price band of a stock on a day, from the data where it has one and from the rules
/// otherwise: the engine's single question about limits.
///
/// A `PriceLimitTable` entry (Tushare `stk_limit`, or a `limit_list` U/D row) wins. Otherwise the
/// band is computed by `PriceLimitRule` from the reference price: the bar's pre_close where the
/// data gives one, else the previous bar's close (so after a suspension, the last close). Board,
/// ST status and listing date come from the instrument list; without one the board follows the
/// code prefix, the stock is never ST and is taken as listed before the data begins.
public struct PriceLimitResolver: Sendable {
    public let data: MarketDataSet

    public init(data: MarketDataSet) {
        self.data = data
    }

    /// The band for `code` on `day`, or nil when the stock trades without limits that day (an
    /// index, a new listing's first days) or there is no price to measure from.
    ///
    /// An entry with only one side (a `limit_list` row) takes the other side from the rules; if
    /// the rules give none, that side is unbounded (`PriceBand.unboundedUp` / `.zero`).
    public func band(for code: StockCode, on day: TradingDay) -> PriceBand? {
        let entry = data.limits.entry(code, day)
        if let entry, let up = entry.up, let down = entry.down { return PriceBand(up: up, down: down) }
        let instrument = data.instrument(code)
        let computed = referencePrice(for: code, on: day).flatMap { reference in
            PriceLimitRule.band(reference: reference, board: instrument.board,
                                isST: instrument.isSpecialTreatment(on: day), day: day,
                                tradingDayOfListing: tradingDayOfListing(code, on: day), listDate: instrument.listDate)
        }
        guard let entry else { return computed }
        return PriceBand(up: entry.up ?? computed?.up ?? PriceBand.unboundedUp, down: entry.down ?? computed?.down ?? .zero)
    }

    /// The price `day`'s limits are measured from: that day's bar's pre_close when the data has
    /// one, else the close of the last bar before `day`.
    public func referencePrice(for code: StockCode, on day: TradingDay) -> Price? {
        guard let series = data.series[code] else { return nil }
        let index = series.firstIndex(atOrAfter: BarTime(day: day))
        if index < series.count && series.times[index].day == day { return series.referencePrice(at: index) }
        return index > 0 ? series.close[index - 1] : nil
    }

    /// Which trading day of its listing `day` is (listing day = 1), when the instrument list gives
    /// a listing date on or before `day`. Counted on the trading calendar where it covers both
    /// days; otherwise on the days the stock has bars, counting at most to `countLimit` (only the
    /// first few days matter to any rule).
    public func tradingDayOfListing(_ code: StockCode, on day: TradingDay) -> Int? {
        guard let listDate = data.instruments[code]?.listDate, listDate <= day else { return nil }
        if let calendar = data.calendar, let first = calendar.first, let last = calendar.last,
           listDate >= first, day <= last {
            return calendar.tradingDays(from: listDate, to: day) + 1
        }
        guard let series = data.series[code] else { return nil }
        var index = series.firstIndex(atOrAfter: BarTime(day: listDate))
        var count = 0
        var lastCounted: TradingDay?
        while index < series.count, series.times[index].day <= day, count < Self.countLimit {
            let barDay = series.times[index].day
            count += 1
            lastCounted = barDay
            index = series.firstIndex(atOrAfter: BarTime(day: barDay.adding(days: 1)))
        }
        // Without a bar on `day` (asked before its bar exists), `day` is the next trading day.
        return lastCounted == day || count == Self.countLimit ? count : count + 1
    }

    /// How far `tradingDayOfListing` counts without a calendar.
    public static let countLimit = 30
}
