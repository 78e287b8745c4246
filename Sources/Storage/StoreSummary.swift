import HuiceCore

/// What a store holds: per-code bar counts and spans, and the size of each reference table
/// (what `huice import` prints after a save).
public struct StoreSummary: Sendable, Equatable {
    /// One stock's bars.
    public struct Stock: Sendable, Equatable {
        public var code: StockCode
        public var barCount: Int
        public var firstTime: BarTime
        public var lastTime: BarTime

        public init(code: StockCode, barCount: Int, firstTime: BarTime, lastTime: BarTime) {
            self.code = code
            self.barCount = barCount
            self.firstTime = firstTime
            self.lastTime = lastTime
        }

        public var firstDay: TradingDay { firstTime.day }
        public var lastDay: TradingDay { lastTime.day }
    }

    /// Stocks with bars, ascending by code.
    public var stocks: [Stock]
    public var calendarDays: Int
    public var instruments: Int
    public var adjustmentFactors: Int
    public var priceLimits: Int
    public var suspensions: Int
    /// Rows of `factor_values` (every vintage counts).
    public var factorValues: Int
    /// The highest applied schema migration.
    public var schemaVersion: Int

    public init(stocks: [Stock], calendarDays: Int, instruments: Int, adjustmentFactors: Int, priceLimits: Int,
                suspensions: Int, factorValues: Int = 0, schemaVersion: Int) {
        self.stocks = stocks
        self.calendarDays = calendarDays
        self.instruments = instruments
        self.adjustmentFactors = adjustmentFactors
        self.priceLimits = priceLimits
        self.suspensions = suspensions
        self.factorValues = factorValues
        self.schemaVersion = schemaVersion
    }

    /// Bars over all stocks.
    public var barCount: Int { stocks.reduce(0) { $0 + $1.barCount } }
}
