import HuiceCore
import MarketData

/// Builds small, hand-checkable markets for tests: consecutive weekdays from a start date, bars
/// given as decimal strings.
public struct MarketFixture {
    public var days: [TradingDay]
    public var data = MarketDataSet()

    /// `count` weekdays starting at `start` (weekends skipped), used as the calendar.
    public init(start: Int32 = 20240102, count: Int) {
        var d = TradingDay(yyyymmdd: start)!
        var list: [TradingDay] = []
        while list.count < count {
            if !d.isWeekend { list.append(d) }
            d = d.adding(days: 1)
        }
        days = list
        data.calendar = TradingCalendar(ascendingDays: list)
    }

    /// Adds a stock whose bars are `(open, high, low, close, volume)`, one per calendar day from
    /// `offset` (nil entries leave the day without a bar: suspended).
    public mutating func add(
        _ code: String, bars: [Quote?], offset: Int = 0, preClose: [String?]? = nil,
        amount: [String?]? = nil, instrument: Instrument? = nil
    ) {
        let stock = StockCode(normalizing: code)!
        var series = BarSeries(code: stock)
        for (i, quote) in bars.enumerated() {
            guard let quote else { continue }
            let pre = preClose?[i].flatMap { $0 }.map { Price(parsing: $0)! } ?? .zero
            let amt = amount?[i].flatMap { $0 }.map { Money(parsingYuan: $0)! } ?? BarSeries.unknownAmount
            series.append(time: BarTime(day: days[offset + i]), open: quote.open, high: quote.high, low: quote.low,
                          close: quote.close, preClose: pre, volume: quote.volume, amount: amt)
        }
        data.series[stock] = series
        if let instrument { data.instruments[stock] = instrument }
    }

    /// A panel over all the fixture's days (or `sessions` of them) for the given codes (default: all, sorted).
    public func panel(codes: [String]? = nil, sessions range: Range<Int>? = nil) -> MarketPanel {
        let stockCodes = codes.map { $0.map { StockCode(normalizing: $0)! } } ?? data.codes
        let selected = range.map { Array(days[$0]) } ?? days
        return MarketPanel(data: data, codes: stockCodes, sessions: selected.map { BarTime(day: $0) })
    }
}

/// One bar written as text: `Quote("10.00", "10.50", "9.80", "10.20", volume: 1_000_000)`.
public struct Quote {
    public var open, high, low, close: Price
    public var volume: Int64

    public init(_ open: String, _ high: String, _ low: String, _ close: String, volume: Int64 = 10_000_000) {
        self.open = Price(parsing: open)!
        self.high = Price(parsing: high)!
        self.low = Price(parsing: low)!
        self.close = Price(parsing: close)!
        self.volume = volume
    }

    public init(open: Price, high: Price, low: Price, close: Price, volume: Int64) {
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// A flat bar at one price.
    public static func flat(_ price: String, volume: Int64 = 10_000_000) -> Quote {
        Quote(price, price, price, price, volume: volume)
    }
}
